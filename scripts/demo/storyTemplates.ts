import type { Scope } from './newsroomCast';

// Wire-copy story templates. Slots: {country} {city} {adj} {name} {name2} {name3} {name4} {partner} {partnerCity}
// {day} {prevMonth} {n} {nNum} {n2} {pct} {share} {turnout} {big} {money} {hires} {gdp} {age} {mag} {temp}
// {rank} {score} {player} {player2} {tournament} {company} {party} {work} {noun} {area} {geoName} {geoUrl}.
// Body strings starting with '## ' become <h2>, with '> ' a <blockquote>; everything else a <p>.

export interface Angle { title: string; lede: string; more: string; alt: string; dek: string; desk?: string; }
export interface Family {
  desk: string;
  tags: string[];
  /** Relative frequency in the corpus. */
  weight: number;
  /** Chance a story is filed under World (a cross-border story) instead of its home region. */
  worldShare: number;
  scopes?: readonly Scope[];
  pool: 'public' | 'soft' | 'none';
  noun: string;
  angles: Angle[];
  body: string[];
  subheads: string[];
}

export const FAMILIES: readonly Family[] = [
  // Not the Middle East: several of its states in this list hold no party elections.
  { desk: 'politics', tags: ['elections'], weight: 2, worldShare: 0, scopes: ['asia', 'europe', 'americas', 'africa', 'australia'], pool: 'public', noun: 'politics', angles: [
    { title: '{party} Claims Victory in {country} Election as Turnout Reaches {turnout}%',
      lede: 'Voters in {country} handed {party} a clear lead in {day}&#8217;s general election, according to preliminary results published by the electoral commission in {city}, with turnout reaching {turnout}% after a campaign dominated by rising prices, housing costs and the state of public services. If the count holds, {name} is expected to open coalition talks within days, ending months of uncertainty that had unsettled investors and stalled several major spending decisions.',
      more: '{name} told cheering supporters in {city} that the result was &#8220;a mandate for change and for competence&#8221;, but stopped short of declaring outright victory while postal ballots were still being counted. {name2}, a senior figure in the outgoing government, conceded that the party had &#8220;failed to listen&#8221; on the cost of living and said it would reflect on the result before deciding whether to join a new coalition or go into opposition.',
      alt: 'Supporters wave flags at an election night rally in {city}',
      dek: 'Results point to a shift in {country}&#8217;s politics after a campaign fought over prices, housing and public services.' },
    { title: '{country} Votes in Tightly Fought Election Dominated by Cost of Living',
      lede: 'Polling stations across {country} closed on {day} evening after a long day of voting in an election that analysts describe as the most competitive in a generation. Officials in {city} said turnout was running at about {turnout}%, higher than at the last national vote, as queues formed outside schools and community halls. Neither of the two main blocs had a clear path to a majority in final opinion polls, leaving smaller parties with outsized influence.',
      more: 'The campaign has been fought largely on domestic issues. {name}, who leads {party}, promised to cap energy bills and build more affordable homes, while rivals focused on crime, migration and the cost of borrowing. {name2}, the main challenger, told a final rally that the country could not afford &#8220;four more years of drift&#8221;. Both camps have ruled out working with the far right, narrowing the options for forming a government.',
      alt: 'Voters queue outside a polling station in {city}',
      dek: 'A close race leaves smaller parties holding the balance of power in {country}.' },
    { title: 'Opposition in {country} Disputes Preliminary Results and Demands a Recount',
      lede: 'The main opposition party in {country} refused on {day} to accept preliminary results from last weekend&#8217;s election, alleging irregularities in {n} districts and demanding a full recount. The electoral commission in {city} said the vote had been conducted fairly and that any complaints would be examined under the law. {name2}, the opposition leader, urged supporters to remain calm but said the party would &#8220;use every legal avenue&#8221; to challenge the outcome.',
      more: 'Official figures give {party} a lead of just over {n} percentage points, a narrower margin than opinion polls had suggested. {name}, who is on course to become head of government, called the recount demand &#8220;a distraction&#8221; and said the results reflected the will of voters. The commission said it had received {n2} formal complaints, most concerning long queues and missing names on electoral rolls, and that none so far appeared serious enough to change the result.',
      alt: 'Election officials count ballots at a counting centre in {city}',
      dek: '<p>The electoral commission says the vote was fair; the opposition alleges irregularities in {n} districts.</p>' },
  ], body: [
    'International observers from {n} countries monitored polling in urban and rural districts. Their preliminary statement, due later this week, is expected to praise the conduct of the vote while raising concerns about campaign finance rules and the use of state media by incumbents. Domestic monitoring groups reported isolated incidents of intimidation near polling stations but said these were not widespread, and election day passed largely peacefully across the country.',
    'Economists said the next government would inherit a difficult fiscal position, with debt servicing costs rising and growth forecast at just {pct}% this year. Markets reacted cautiously: the currency edged lower in early trading and government bond yields were little changed. Business groups in {city} called for a quick agreement on a budget, warning that prolonged negotiations could delay infrastructure projects and hold back investment at a fragile moment for the economy.',
    'Under the constitution, parliament must convene within {n} weeks of the vote, and the head of state will invite the leader of the largest party to try to form a government. Coalition negotiations in {country} have in the past taken months. Smaller parties, including regional and green groupings, have set out conditions for their support, ranging from electoral reform to new spending on public transport and rural hospitals.',
  ], subheads: ['What happens next', 'Coalition arithmetic', 'Markets react'] },

  { desk: 'politics', tags: [], weight: 3, worldShare: 0, pool: 'public', noun: 'politics', angles: [
    { title: '{country}&#8217;s Parliament Passes Housing Bill After {n2}-Hour Debate',
      lede: 'Lawmakers in {country} approved a contested housing package late on {day} after a marathon session in {city}, handing the government a significant victory on one of its flagship policies. The legislation, which critics say was rushed through without adequate scrutiny, passed with the support of {n} independent members. {name}, who steered the bill through parliament, said it would be implemented in stages over the next two years and reviewed annually.',
      more: 'Under the plans, spending on social housing will rise by {pct}% next year, planning rules will be loosened around transport hubs and a new agency will be set up to speed up construction on public land. Officials said {big} new homes would be started in the first year, a target independent experts described as ambitious given shortages of construction workers and materials and the slow pace of local approvals.',
      alt: 'Lawmakers vote in the parliament chamber in {city}',
      dek: 'Critics say the flagship housing plan was rushed through without adequate scrutiny.' },
    { title: '{country} Cabinet Reshuffle Brings New Finance and Foreign Ministers',
      lede: 'The government of {country} moved to reset its agenda on {day}, replacing its finance and foreign ministers in a reshuffle that officials in {city} described as a response to public frustration over living costs. The changes follow weeks of pressure from within the governing party and a slide in opinion polls, with one recent survey putting approval of the administration at just {share}%. {name} said the new team would focus on &#8220;delivery, not slogans&#8221;.',
      more: 'The new finance minister, a former central bank official, is regarded as a cautious pragmatist and is expected to prioritise stabilising public finances. The incoming foreign minister has spent much of the past decade as an ambassador and is seen as a safe pair of hands. {name2}, an opposition lawmaker, dismissed the reshuffle as &#8220;rearranging the furniture&#8221; and said it would not change the direction of a government that had run out of ideas.',
      alt: 'New ministers arrive for their swearing-in ceremony in {city}',
      dek: 'The reshuffle is a test of the government&#8217;s authority after months of falling approval ratings.' },
    { title: 'Thousands Rally in {city} Against Proposed Pension Reform',
      lede: 'Tens of thousands of people marched through {city} on {day} to protest against government plans to raise the retirement age, in one of the largest demonstrations {country} has seen in years. Organisers put the turnout at more than {big}, while police gave a lower figure. Trade unions, student groups and pensioners&#8217; associations joined the march, which passed off largely peacefully, although police said {n} people had been detained after scuffles near the parliament building.',
      more: 'The reform would raise the retirement age gradually over the next decade and change the way pensions are calculated. {name}, who has championed the changes, says they are needed to keep the system solvent as the population ages, and insists that lower-paid workers will be protected. {name2}, who leads the largest union federation, said the plans would force people in physically demanding jobs to work longer and called for a national day of strikes.',
      alt: 'Protesters march through central {city} carrying union banners',
      dek: 'Unions say the plans would force people in physically demanding jobs to work longer.' },
  ], body: [
    'Opposition parties condemned the government&#8217;s approach. {name2} accused ministers of &#8220;governing by press release&#8221; and said the measures would do little for families struggling with rent and energy bills. Several civil society groups said they were considering legal challenges. The government insists that its plans are fully costed and will be paid for by savings elsewhere in the budget, though it has yet to publish a detailed breakdown.',
    'The episode comes at a delicate moment for the government, whose majority has been weakened by a series of resignations and a corruption inquiry involving a former minister. Political analysts in {city} said the administration had bought itself time but not stability. &#8220;This is a holding operation,&#8221; said one, noting that the next test would come when the budget is presented to parliament, where the government&#8217;s working majority is just {n} seats.',
  ], subheads: ['A fragile majority', 'Reaction', 'The numbers'] },

  { desk: 'politics', tags: ['diplomacy'], weight: 2, worldShare: 0.3, pool: 'public', noun: 'foreign policy', angles: [
    { title: '{country} and {partner} Agree to Restore Direct Flights After Talks in {city}',
      lede: '{country} and {partner} agreed on {day} to restore direct flights and expand cooperation on trade and energy, after two days of talks in {city} that officials on both sides described as frank and constructive. The agreement also creates a joint commission and a framework for resolving disputes. {name}, who led the {adj} delegation, said the two countries had &#8220;turned a page&#8221; after a difficult period in their relations.',
      more: 'Airlines are expected to resume scheduled services within {n} months, subject to safety approvals, ending a suspension that has forced travellers to route through third countries. Business groups welcomed the move, saying the lack of direct connections had cost exporters time and money. Officials said visa rules for students, researchers and business travellers would also be eased, and that consular offices closed during the dispute would reopen.',
      alt: 'Delegations from {country} and {partner} shake hands before talks in {city}',
      dek: 'Officials describe a turning point in relations between {country} and {partner}, though analysts urge caution.' },
    { title: '{country} Recalls Ambassador to {partner}, Citing &#8220;Unacceptable&#8221; Detentions',
      lede: 'Relations between {country} and {partner} came under fresh strain on {day} after {country} recalled its ambassador for consultations over the detention of {n} journalists. The foreign ministry in {city} summoned {partner}&#8217;s envoy for the second time this year and demanded the reporters&#8217; immediate release. {name}, a government spokesperson, said {country} remained open to dialogue but would &#8220;not accept the mistreatment of its citizens&#8221;.',
      more: 'The journalists were detained while reporting near a border area and have been accused of working without proper accreditation, according to their employers, who deny any wrongdoing. Press freedom groups called the detentions an attempt to intimidate the media. {name2}, who heads a regional journalists&#8217; association, said the case showed how quickly ordinary reporting could be criminalised and urged both governments to resolve the matter without delay.',
      alt: 'The foreign ministry building in {city}',
      dek: 'Press freedom groups call the detentions an attempt to intimidate the media.' },
    { title: '{country} and {partner} Sign Pact on Energy &amp; Infrastructure',
      lede: '{country} and {partner} signed a wide-ranging agreement on energy and infrastructure on {day}, pledging to co-finance power lines, ports and renewable energy projects worth about ${money} million over the next five years. The deal was signed in {city} by {name} and a visiting delegation, and officials said it was the most ambitious economic agreement between the two countries in more than a decade.',
      more: 'The first projects include a transmission line, an upgrade of a container terminal and a solar park that officials say will supply electricity to {big} homes. Financing will come from state development banks in both countries, with private investors invited to join later phases. Environmental groups said they would scrutinise the projects closely and called for independent assessments of their impact on local communities and wildlife.',
      alt: 'Officials sign an energy agreement at a ceremony in {city}',
      dek: 'The projects are worth about ${money} million over five years, officials say.' },
  ], body: [
    'Diplomats said the latest developments followed months of contacts between senior officials, including at least {n} rounds of talks held away from the cameras. Both governments have been under pressure from business groups to keep a relationship that underpins billions of dollars in annual trade on an even keel. {name3}, a researcher who studies the relationship, said neither side could afford a prolonged breakdown and that both capitals wanted to lower the temperature.',
    'The two countries have a long and sometimes difficult shared history, and disputes over fishing rights, visas and the treatment of each other&#8217;s citizens have flared repeatedly in recent years. Public opinion remains wary: a recent survey found that only {share}% of respondents in {country} viewed {partner} favourably. Officials acknowledged that rebuilding trust would take time and said practical steps would have to come first.',
    'Analysts cautioned that domestic politics could still complicate matters. Elections are due in {partner} within two years, and nationalist parties there have criticised the government for being too accommodating. In {city}, ministers are expected to brief lawmakers next week and will face questions about their handling of the relationship. Neighbouring governments and the United Nations said they hoped for calm and continued dialogue.',
  ], subheads: ['A difficult history', 'What comes next', 'Regional reaction'] },

  { desk: 'politics', tags: ['defence'], weight: 1, worldShare: 0.2, pool: 'public', noun: 'defence policy', angles: [
    { title: '{country} to Raise Defence Spending to {gdp}% of GDP by 2030',
      lede: '{country} will increase military spending sharply over the next five years, the government said on {day}, in a shift officials in {city} framed as a response to a more dangerous security environment. The plan would lift the defence budget to about {gdp}% of economic output, with new money for air defence, maritime surveillance and recruitment. {name}, presenting the plan, said the country could &#8220;no longer assume that peace is the default setting&#8221;.',
      more: 'The plan includes the purchase of surveillance aircraft, coastal missile batteries and drones, as well as a programme to modernise ageing barracks and raise pay for junior personnel, who have been leaving the armed forces in growing numbers. The ministry said about {big} new recruits would be needed over the period. Parts of the equipment will be built locally under technology-sharing agreements that officials hope will support jobs in {adj} industry.',
      alt: 'Soldiers on parade at a military base near {city}',
      dek: 'Officials say the security outlook has changed, but critics question how the plans will be paid for.' },
    { title: '{country} Holds Largest Military Exercises in a Decade',
      lede: 'Thousands of troops, dozens of ships and aircraft took part in exercises across {country} this week, the largest such drills in a decade, the defence ministry in {city} said on {day}. Officials said the exercises, involving forces from {n} partner nations, were designed to test how quickly units could deploy in a crisis and were not aimed at any particular country. {name} said the drills had exposed gaps in logistics and communications that would now be addressed.',
      more: 'The exercises included air defence drills, cyber defence scenarios and a simulated evacuation of civilians. Observers from several neighbouring countries were invited to watch parts of the programme, a gesture officials said was intended to build confidence and avoid misunderstandings. Military analysts said the scale of the drills reflected growing concern about the security of sea lanes and critical infrastructure such as undersea cables.',
      alt: 'Military vehicles take part in exercises in {country}',
      dek: 'Forces from {n} partner nations joined drills that officials say were aimed at no particular country.' },
  ], body: [
    'Critics question whether the country can afford a larger military without cutting other services. {name2}, an economist in {city}, estimated that the plans would cost roughly ${money} million more each year than current spending and said the government had yet to explain how they would be funded. Peace groups have also objected, arguing that more should be spent on diplomacy and development and warning of the risk of an arms race.',
    'Defence officials say the security picture has changed markedly in recent years, pointing to cyberattacks on government systems, the growing reach of long-range missiles and incidents involving foreign vessels near {adj} waters. A defence review published last year warned that the armed forces had been &#8220;hollowed out&#8221; after years of underinvestment. {name3}, a former senior officer, said the new spending was overdue but would take years to translate into real capability.',
  ], subheads: ['Paying for it', 'A changing threat'] },

  { desk: 'business', tags: ['trade'], weight: 1, worldShare: 0.25, pool: 'public', noun: 'trade', angles: [
    { title: '{country} Exports Rise {pct}% as Demand From {partner} Recovers',
      lede: 'Exports from {country} rose {pct}% in {prevMonth} from a year earlier, official figures released in {city} on {day} showed, beating economists&#8217; expectations and offering a rare bright spot for an economy that has struggled with weak consumer spending. Shipments of machinery, electronics and processed food drove the increase, helped by a recovery in orders from {partner}. {name}, the trade minister, said the figures showed the benefits of efforts to open new markets.',
      more: 'Economists said the figures should be treated with caution. Part of the increase reflected companies rushing to ship goods before new tariffs take effect elsewhere, and a stronger {adj} currency could weigh on competitiveness in the months ahead. Imports also fell over the same period, widening the trade surplus but also pointing to sluggish demand at home, where household spending has been squeezed by high borrowing costs.',
      alt: 'Shipping containers stacked at a port near {city}',
      dek: 'The figures offer a rare bright spot for {country}&#8217;s economy, though economists warn one-off factors played a part.' },
    { title: '{country} and {partner} Launch Talks on Free Trade Agreement',
      lede: '{country} and {partner} formally opened negotiations on a free trade agreement on {day}, with officials in {city} saying they hoped to conclude a deal within two years. The talks will cover tariffs on goods, access for service companies, investment protection and rules on digital trade. Two-way commerce between the countries reached about ${money} million last year, a figure both governments say could double if barriers are removed.',
      more: 'Not everyone is convinced. Farmers&#8217; groups in {country} fear that lower tariffs will expose them to cheaper imports, and held protests outside the trade ministry in {city} last month. {name2}, who represents agricultural producers, said the government must protect sensitive sectors and ensure that environmental and labour standards are enforced. Officials have promised transition periods and support payments for the industries most exposed to competition.',
      alt: 'Trade negotiators from {country} and {partner} meet in {city}',
      dek: 'Both governments say two-way commerce could double if barriers are removed.' },
    { title: '{country} Imposes Tariffs on Steel Imports to Protect Local Producers',
      lede: '{country} will impose tariffs of up to {n2}% on a range of steel imports from next month, the government announced on {day}, saying a surge of cheap foreign metal was threatening thousands of jobs. {name}, the trade minister, told reporters in {city} that the measures were temporary and consistent with international trade rules. Steelmakers welcomed the decision, while construction companies warned that it would push up building costs.',
      more: 'Imports of steel into {country} have risen by about a third over the past two years as producers elsewhere redirected shipments away from markets that have already raised barriers. Domestic mills have cut output, and {company} said last month that it might close a plant near {city}. Trading partners, including {partner}, said they were studying the measures and reserved the right to respond.',
      alt: 'Workers at a steel mill outside {city}',
      dek: '<p>Steelmakers welcomed the tariffs; builders warn they will push up costs.</p>' },
  ], body: [
    'The {adj} Chamber of Commerce &amp; Industry welcomed the government&#8217;s attention to trade but urged it to reduce red tape at ports and border crossings, which members say adds days to shipping times. Logistics companies have invested heavily in warehouses and rail links over the past year. {company}, one of the largest exporters in {city}, said it expected orders to rise in the coming quarter and planned to hire more workers.',
    'Trade has become a central issue in {adj} politics as governments around the world turn to tariffs and subsidies to protect strategic industries. {name3}, a trade economist, said smaller economies had to be nimble. &#8220;The rules-based system is under strain, so countries are hedging by signing as many agreements as they can,&#8221; {name3} said. &#8220;Diversifying markets is no longer optional. It is a matter of economic security.&#8221;',
  ], subheads: ['Reading the numbers', 'A changing trade landscape'] },

  { desk: 'business', tags: [], weight: 1, worldShare: 0.2, pool: 'public', noun: 'business', angles: [
    { title: '{country}&#8217;s Central Bank Holds Rates Steady as Inflation Eases to {pct}%',
      lede: 'The central bank of {country} left its main interest rate unchanged on {day}, saying inflation was easing but remained too high for policymakers to declare victory. Consumer prices rose {pct}% in the year to {prevMonth}, down from a peak last year but still above the bank&#8217;s target. {name}, the governor, told reporters in {city} that policy would stay tight &#8220;for as long as necessary&#8221; and that any cuts would be gradual.',
      more: 'Investors had largely expected the decision, and shares in {city} moved little after the announcement. {name2}, chief economist at a regional bank, said the first rate cut was unlikely before the middle of next year, particularly with wages still rising quickly and energy prices volatile. Mortgage holders, many of whom have seen repayments climb sharply, will have to wait longer for relief.',
      alt: 'The headquarters of the central bank in {city}',
      dek: 'Policymakers signalled patience, leaving households waiting longer for relief from high borrowing costs.' },
    { title: '{company} to Cut {hires} Jobs in {country} as Profits Slide',
      lede: '{company}, one of the largest employers in {country}, said on {day} that it would cut about {hires} jobs and close two sites as it struggles with falling demand and rising costs. The company, based in {city}, reported a {n2}% drop in annual profit and said the restructuring would save about ${money} million a year. {name}, its chief executive, said the decision was painful but necessary to secure the long-term future of the business.',
      more: 'Unions reacted angrily and said they would seek urgent talks with management. {name2}, a union representative, said workers had been &#8220;kept in the dark&#8221; and called on the government to intervene. Local officials in {city} said they would work with the company to find new roles for affected staff. The announcement adds to a string of layoffs in {adj} manufacturing this year as companies contend with higher energy bills and weaker export markets.',
      alt: 'The entrance to a {company} site near {city}',
      dek: 'The cuts add to a string of layoffs in {adj} manufacturing as companies face higher costs and weaker demand.' },
    { title: '{city} Stock Exchange Hits Record High on Bank and Energy Gains',
      lede: 'Shares in {city} closed at a record high on {day}, lifted by strong gains in banks and energy companies after better-than-expected corporate earnings. The main index rose {pct}% over the session and is up by about a fifth this year, making {country} one of the best-performing markets of the year. Trading volumes were well above average, and foreign investors were net buyers for several consecutive weeks.',
      more: '{name}, a fund manager in {city}, said the rally reflected improving profits rather than speculation, but warned that valuations were no longer cheap. &#8220;The easy gains have been made,&#8221; {name} said. Analysts pointed to expectations that interest rates have peaked and to government reforms aimed at improving corporate governance and encouraging companies to return more cash to shareholders.',
      alt: 'Traders watch screens at the stock exchange in {city}',
      dek: 'Banks and energy companies led the gains as investors bet that interest rates have peaked.' },
  ], body: [
    'The broader economy has proved more resilient than many expected. Unemployment in {country} remains close to historic lows and retail sales rose modestly in the last quarter. But business surveys point to a slowdown in the months ahead, and the government has cut its growth forecast to {pct}% for this year. Economists say much will depend on whether global demand holds up and whether the recent easing in energy prices lasts.',
    '{name3}, an economist who advises the finance ministry, said the outlook was &#8220;cautiously positive&#8221; but warned against complacency. Household debt remains high, productivity growth has been weak for a decade and an ageing population will weigh on public finances. &#8220;The short-term numbers are fine,&#8221; {name3} said. &#8220;It is the long-term trends that should keep policymakers awake at night.&#8221;',
  ], subheads: ['The wider economy', 'Market reaction'] },

  { desk: 'sport', tags: ['tennis'], weight: 1, worldShare: 0, scopes: ['asia', 'europe', 'americas', 'middle-east', 'australia'], pool: 'soft', noun: 'tennis', angles: [
    { title: '{player} Reaches {tournament} Final After Beating {player2}',
      lede: '{player} reached the final of the {tournament} on {day}, beating {player2} {score} in a semi-final that swung back and forth in front of a packed crowd in {city}. The world No. {rank} saved {n} break points and served out the match at the second attempt, extending a run of form that has made {player} one of the most dangerous players on the tour this season.',
      more: '&#8220;It was a battle from the first point to the last,&#8221; {player} said in an on-court interview. &#8220;{player2} made me work for everything, and I had to stay patient when things were not going my way.&#8221; The final will be the biggest of {player}&#8217;s career so far, and victory would bring valuable ranking points ahead of the next major tournament.',
      alt: '{player} celebrates after winning the semi-final in {city}',
      dek: 'The world No. {rank} saved {n} break points on the way to the biggest final of the season so far.' },
    { title: '{player} Stuns Top Seed {player2} at {tournament}',
      lede: '{player} produced the biggest upset of the {tournament} so far on {day}, knocking out the top seed, {player2}, {score} in a second-round match in {city}. Ranked No. {rank} in the world, {player} struck the ball with freedom from the baseline and broke serve {n} times, leaving the favourite to reflect on an early exit ahead of a busy stretch of the calendar.',
      more: 'The defeat is a setback for {player2}, who had arrived in {city} hoping to build momentum after a string of strong results. &#8220;Credit to my opponent, who played an incredible match,&#8221; {player2} told reporters. &#8220;I did not find my rhythm, and at this level you get punished.&#8221; {player} will next face a qualifier for a place in the quarter-finals.',
      alt: '{player} hits a forehand during the second-round match in {city}',
      dek: 'Ranked No. {rank}, {player} broke serve {n} times to send the favourite home early.' },
  ], body: [
    'Conditions in {city} have tested players all week, with swirling winds and fluctuating temperatures making timing difficult. Tournament organisers said ticket sales were up on last year and that attendance on the outside courts had been particularly strong. Several leading players withdrew before the event with injuries, opening up the draw and giving lower-ranked players a chance to make their mark.',
    'Coaches and commentators say the depth of the tour has never been greater, with a growing number of players capable of beating anyone on their day. {name3}, a former professional who now works as a broadcaster, said the physical demands of the modern game meant results were harder to predict than ever. &#8220;There is no such thing as an easy early round any more,&#8221; {name3} said.',
  ], subheads: ['A wide-open draw', 'What the players said'] },

  { desk: 'sport', tags: [], weight: 1, worldShare: 0, pool: 'soft', noun: 'sport', angles: [
    { title: '{country} Names {name} as National Football Coach Ahead of Qualifiers',
      lede: 'The football federation of {country} appointed {name} as head coach of the national team on {day}, handing the former international the task of rebuilding a side that has struggled for consistency. The appointment was confirmed at a news conference in {city}, where {name} signed a contract running until the end of the next qualifying campaign. The federation said it had interviewed {n} candidates before making its choice.',
      more: '&#8220;This is the proudest day of my working life,&#8221; {name} said. &#8220;We have talented players, but we need to be braver and more organised, and we need the fans behind us.&#8221; {name2}, the federation president, said the new coach had been chosen for a track record of developing young players and for a clear plan to improve results against stronger opponents.',
      alt: '{name} holds up a national team shirt in {city}',
      dek: 'The federation says {name} was chosen for a record of developing young players.' },
    { title: '{name} Breaks Course Record to Win {city} Marathon',
      lede: '{name} won the {city} Marathon on {day} in a course record, pulling clear of a strong field in the final five kilometres as thousands of spectators lined the streets. More than {big} runners took part in the race, which organisers said was the largest in its history. {name2} finished second, {n2} seconds behind, after leading for much of the second half before tiring on the final climb.',
      more: '&#8220;I felt strong all the way, and when I saw the clock I knew something special was possible,&#8221; {name} said after crossing the line. Organisers said cool, still conditions had helped fast times across the field. Dozens of charities raised money through the event, and city officials said the marathon had brought a significant boost to hotels, restaurants and shops in {city}.',
      alt: 'Runners cross a bridge during the {city} Marathon',
      dek: 'More than {big} runners took part in the largest edition of the race so far.' },
  ], body: [
    '{name3}, a former national team captain who now works as a pundit, said the result was a reminder of how much talent exists in {country}. &#8220;We need to invest in coaching, facilities and competitions for young athletes,&#8221; {name3} said. &#8220;Moments like this inspire children, but inspiration alone is not enough.&#8221; Sports officials have promised a review of funding for grassroots clubs later this year.',
    'Sport has become big business in {country}, with broadcasting rights, sponsorship and ticket sales rising steadily over the past decade. Officials in {city} are bidding to host more international events and have invested in upgrading stadiums and transport links. Critics say the spending should be matched by more support for community sport, where participation has fallen since the pandemic.',
  ], subheads: ['Looking ahead'] },

  { desk: 'science', tags: [], weight: 1, worldShare: 0.3, pool: 'soft', noun: 'science', angles: [
    { title: 'Researchers in {city} Identify Gene Linked to Drought Tolerance in Rice',
      lede: 'Scientists in {country} have identified a gene that helps rice plants survive long periods without water, a discovery they say could help farmers cope with increasingly erratic rainfall. The research, led by {name} at a university in {city} and published on {day}, found that varieties carrying an active form of the gene produced up to {n2}% more grain under drought conditions than standard crops in field trials.',
      more: 'The team studied more than {big} plants over {n} growing seasons, comparing traditional varieties collected from farmers with modern high-yield strains. &#8220;Farmers have been selecting for resilience for centuries without knowing the genetics,&#8221; {name} said. &#8220;Now we can understand what they found and use it more quickly.&#8221; The researchers are working with breeders to introduce the trait into popular varieties.',
      alt: 'Researchers inspect rice plants in a test field near {city}',
      dek: 'Field trials suggest crops carrying the gene produce far more grain when the rain fails.' },
    { title: '{adj} Space Agency Launches Earth-Observation Satellite',
      lede: '{country} launched its most advanced Earth-observation satellite on {day}, a spacecraft designed to monitor crops, forests, floods and coastlines in unprecedented detail. The satellite reached its planned orbit about {n2} minutes after lift-off, officials at the mission control centre near {city} said. {name}, who leads the programme, said the first images were expected within weeks and would be shared with researchers around the world.',
      more: 'The satellite carries a radar instrument that can see through cloud and darkness, allowing it to track changes on the ground regardless of the weather. Data will be made freely available to scientists and disaster agencies. &#8220;This is not just a scientific instrument,&#8221; {name} said. &#8220;It is a tool that will help us respond to emergencies faster and manage our natural resources better.&#8221;',
      alt: 'A rocket carrying the satellite lifts off from a launch site in {country}',
      dek: 'The spacecraft&#8217;s radar can see through cloud, helping agencies track floods and crops.' },
    { title: 'Fossil Find in {country} Sheds Light on Early Mammals',
      lede: 'Palaeontologists working in {country} have uncovered the fossilised remains of a small mammal that lived about {n2} million years ago, a find they say could change understanding of how early mammals spread. The skeleton, described in a paper published on {day}, is unusually complete. {name}, who led the excavation for a museum in {city}, said the animal was probably about the size of a squirrel and lived in trees.',
      more: 'The fossil was found by a volunteer on a dig {n} years ago and has taken since then to prepare and study, using CT scans to examine delicate bones without damaging them. Its teeth suggest a diet of insects and fruit. &#8220;Every so often you find something that makes you rethink the family tree,&#8221; {name} said. The specimen will go on public display in {city} next year.',
      alt: 'The fossilised skeleton on display at a museum in {city}',
      dek: 'An unusually complete skeleton suggests early mammals spread more widely than thought.' },
  ], body: [
    'Independent scientists welcomed the work but urged caution. {name2}, who was not involved in the research, said the findings were promising but needed to be replicated by other teams. &#8220;It is a careful, well-designed study,&#8221; {name2} said. &#8220;The next step is to see whether the results hold up in different settings.&#8221; The work was funded by a national science foundation and international partners.',
    'Science spending in {country} has risen in recent years as the government seeks to build expertise in areas from agriculture to space technology. Universities in {city} have expanded laboratories and recruited researchers from abroad, though academics complain that funding is still short-term and bureaucratic. A new national research strategy is expected to be published in the coming months.',
  ], subheads: ['How the research was done', 'What experts say'] },

  { desk: 'technology', tags: [], weight: 1, worldShare: 0.3, pool: 'public', noun: 'technology', angles: [
    { title: '{country} Unveils Rules for Artificial Intelligence in Public Services',
      lede: 'The government of {country} published rules on {day} governing how artificial intelligence can be used in public services, requiring agencies to disclose when automated systems help make decisions about benefits, immigration or policing. The rules, announced in {city}, also give citizens the right to ask for a human review. {name}, the digital minister, said the aim was to &#8220;build trust, not slow down innovation&#8221;.',
      more: 'Agencies will have {n} months to register the systems they already use, and high-risk applications will require independent audits before deployment. Civil liberties groups welcomed the transparency requirements but said the rules did not go far enough on facial recognition. Technology companies said they supported clear rules but warned that compliance costs could deter smaller firms from bidding for government contracts.',
      alt: 'A civil servant works at a computer in a government office in {city}',
      dek: 'Citizens will have the right to ask for a human review of automated decisions.' },
    { title: '{company} Opens ${money}M Chip Packaging Plant Near {city}',
      lede: '{company} opened a ${money} million semiconductor packaging plant near {city} on {day}, the largest foreign technology investment in {country} in years. The facility will assemble and test chips for cars, phones and data centres, and is expected to employ about {hires} people when fully operational. {name}, the industry minister, said the plant would help {country} move up the value chain in electronics manufacturing.',
      more: 'The government offered tax breaks and subsidised land to attract the project, part of a wider push to win a share of the chip investment flowing out of traditional manufacturing hubs. Local universities have launched new engineering courses to supply skilled workers. {name2}, an industry analyst, said the plant was a coup for {country} but that keeping it would depend on reliable power and water supplies.',
      alt: 'Workers in clean-room suits inside the new plant near {city}',
      dek: 'The facility is the largest foreign technology investment in {country} in years.' },
    { title: 'Nationwide Outage Hits Mobile Networks in {country}',
      lede: 'Millions of people in {country} were left without mobile phone or internet service for several hours on {day} after a technical fault at one of the largest operators, disrupting payments, transport and emergency calls. {company}, which owns the network, said the outage was caused by a faulty software update and not by a cyberattack. Service was restored gradually from mid-afternoon, starting in {city}.',
      more: 'Shops and taxi drivers that rely on mobile payments reported heavy losses, and some hospitals switched to backup systems. The telecoms regulator said it had opened an investigation and could impose fines. {name}, the minister responsible, said operators must have robust contingency plans. &#8220;Connectivity is essential infrastructure, and people rightly expect it to work,&#8221; {name} said.',
      alt: 'A commuter checks a phone on a street in {city}',
      dek: 'The operator blamed a faulty software update and ruled out a cyberattack.' },
  ], body: [
    'The technology sector has become a priority for policymakers in {country}, who see it as a source of high-paying jobs and export growth. Venture capital investment in local start-ups has risen sharply, and {city} now hosts a growing cluster of software and hardware companies. But industry groups say a shortage of engineers and slow approval processes remain obstacles to faster growth.',
    '{name3}, who researches technology policy at a university in {city}, said governments everywhere were struggling to keep pace with rapid change. &#8220;The technology moves in months and regulation moves in years,&#8221; {name3} said. &#8220;The countries that get the balance right will attract investment and keep public trust at the same time.&#8221;',
  ], subheads: ['Industry reaction', 'The bigger picture'] },

  { desk: 'culture', tags: [], weight: 1, worldShare: 0, pool: 'soft', noun: 'culture', angles: [
    { title: '{city} Museum Returns {n2} Artefacts to Their Communities of Origin',
      lede: 'A national museum in {city} returned {n2} artefacts to the communities they were taken from, in a ceremony on {day} that curators described as an act of repair. The objects, including carved figures, textiles and ceremonial vessels, were acquired during the colonial era and had been held in storage for decades. {name}, the museum&#8217;s director, said the return was &#8220;long overdue&#8221;.',
      more: 'Community elders travelled to {city} for the handover, and several of the objects will go on display in a new cultural centre built with support from the museum. {name2}, who represented the communities, said the return was &#8220;the beginning of a relationship, not the end of one&#8221;. The museum said it was researching the origins of hundreds more items in its collection.',
      alt: 'Community representatives receive returned artefacts at a ceremony in {city}',
      dek: 'Curators described the return of the colonial-era objects as an act of repair.' },
    { title: 'Restoration of {city}&#8217;s Historic Opera House Completed After {nNum} Years',
      lede: 'The historic opera house in {city} reopened on {day} after a {n}-year restoration that cost about ${money} million and involved hundreds of craftspeople. The building, one of the best-known landmarks in {country}, had been closed since engineers found serious structural problems in its roof. The reopening gala featured a new production of <em>{work}</em>, and tickets sold out within hours.',
      more: 'Restorers repaired gilded ceilings, rebuilt the stage machinery and installed modern fire safety and accessibility systems while preserving the original decoration. {name}, who led the project, said the team had tried to make the changes invisible. &#8220;If we have done our job well, audiences will notice only that the building looks the way it did when it first opened,&#8221; {name} said.',
      alt: 'The restored auditorium of the opera house in {city}',
      dek: 'The reopening gala sold out within hours of tickets going on sale.' },
  ], body: [
    '{name3}, a cultural historian in {city}, said the moment reflected a broader shift in how {country} thinks about its heritage. &#8220;Institutions are being asked who they serve and whose stories they tell,&#8221; {name3} said. &#8220;That is uncomfortable, but it is also healthy.&#8221; Visitor numbers at museums and theatres have recovered strongly since the pandemic.',
    'Arts funding has been a contentious issue in {country}, where budget cuts in recent years forced several smaller institutions to close or reduce their programmes. The government has since promised to increase support for culture, arguing that it brings tourism and jobs as well as public benefit. Arts organisations say the money must reach beyond the capital.',
  ], subheads: ['A wider debate'] },

  { desk: 'entertainment', tags: [], weight: 1, worldShare: 0, pool: 'soft', noun: 'entertainment', angles: [
    { title: '{adj} Drama <em>{work}</em> Tops Global Streaming Charts',
      lede: 'The {adj} drama series <em>{work}</em> has become the most-watched non-English show on a leading streaming platform, drawing more than {n2} million views in its first {n} weeks. The series, filmed largely in and around {city}, follows three generations of a family running a small business through decades of change. Its success, announced on {day}, has surprised even its creators.',
      more: '&#8220;We made a story about our own neighbourhood, and it turns out people everywhere recognise themselves in it,&#8221; said {name}, who wrote and directed the series. Fan communities have sprung up online, and tourism officials in {city} report a rise in visitors seeking out filming locations. A second season has been confirmed, with production due to begin later this year.',
      alt: 'Cast members of {work} at a premiere in {city}',
      dek: 'The family saga, filmed in and around {city}, has drawn more than {n2} million views.' },
    { title: '{city} Film Festival Opens With Record Ticket Sales',
      lede: 'The {city} International Film Festival opened on {day} with a record {big} tickets sold in advance and a programme of films from {n2} countries. The opening-night screening of <em>{work}</em>, a debut feature by {name}, drew a standing ovation. Organisers said the festival had grown into one of the most important showcases for new cinema in {area}.',
      more: '&#8220;Audiences have come back, and they are hungry for stories they cannot see anywhere else,&#8221; said {name2}, the festival director. This year&#8217;s programme places a strong emphasis on first-time directors and on films made by women, and includes a strand of restored classics from the national film archive. The festival runs for {n} more days, closing with an awards ceremony.',
      alt: 'Guests arrive on the red carpet at the {city} film festival',
      dek: 'The opening-night screening of a debut feature drew a standing ovation.' },
  ], body: [
    'The entertainment industry in {country} has grown rapidly, helped by government incentives for film and television production and the reach of streaming platforms. Studios around {city} report full order books. But workers&#8217; unions have raised concerns about long hours and low pay on some productions, and have called for industry-wide standards.',
  ], subheads: ['A growing industry'] },

  { desk: 'culture', tags: ['obituaries'], weight: 1, worldShare: 0, pool: 'none', noun: 'culture', angles: [
    { title: '{name}, {adj} Novelist Who Chronicled Village Life, Dies at {age}',
      lede: '{name}, whose novels about rural life in {country} won a devoted readership at home and abroad, has died at {age}. The author&#8217;s publisher said on {day} that {name} died peacefully at home in {city} after a short illness. Best known for <em>{work}</em>, {name} wrote more than {n2} books over a career spanning six decades, and the work was translated into dozens of languages.',
      more: 'Born in a farming village, {name} worked as a teacher before publishing a first novel in middle age. Critics praised the writing&#8217;s plain, luminous style and its attention to ordinary people often overlooked by literature. &#8220;{name} gave a voice to people who were never asked what they thought,&#8221; said {name2}, a fellow writer and longtime friend.',
      alt: 'The novelist {name} at a literary festival in {city}',
      dek: 'Best known for {work}, the author wrote more than {n2} books across six decades.' },
    { title: 'Veteran {adj} Actor {name} Dies at {age}', desk: 'entertainment',
      lede: '{name}, one of the most recognisable faces in {adj} film and television for half a century, has died at {age}, the actor&#8217;s family said on {day}. {name} appeared in more than {n2} films and was beloved for a long-running role in the television series <em>{work}</em>. Tributes poured in from colleagues, politicians and fans, and theatres in {city} dimmed their lights in tribute.',
      more: '{name2}, who directed several of the actor&#8217;s best-known films, said {name} had &#8220;an instinct for truth that could not be taught&#8221;. Younger performers recalled generosity on set and an insistence on treating every member of the crew with respect. A public memorial is planned in {city} next month.',
      alt: 'The actor {name} at an awards ceremony in {city}',
      dek: '<p>Tributes poured in from colleagues and fans for a familiar face of film and television.</p>' },
  ], body: [
    '{name3}, a critic who wrote extensively about the work, said it would endure. &#8220;The best of it feels as fresh today as when it first appeared,&#8221; {name3} said. Cultural institutions in {city} announced events to celebrate the legacy, and booksellers and streaming services reported a surge in demand in the hours after the news broke.',
    'Colleagues remembered a generous, private person who avoided the spotlight away from work and rarely gave interviews about personal matters. Friends in {city} described a lifelong habit of long walks through the old town and an open door for younger artists seeking advice. &#8220;There was always time for a conversation and always a pot of tea on the stove,&#8221; said {name4}, a neighbour of many years.',
    'Honours received over a long career included national awards and an honorary doctorate from a university in {city}. Even in later years, {name} continued to work, giving interviews and mentoring young artists. Family members said the funeral would be private, with details of a public tribute to be announced.',
  ], subheads: ['A life in stories'] },

  { desk: 'climate', tags: [], weight: 1, worldShare: 0.3, pool: 'public', noun: 'climate policy', angles: [
    { title: '{country} Brings Forward Coal Phase-Out to 2035',
      lede: '{country} will stop burning coal for electricity by 2035, five years earlier than planned, the government announced on {day}, in a move environmental groups called a turning point. {name}, the energy minister, told reporters in {city} that falling costs for solar, wind and batteries made the faster timetable affordable. Coal still generates about {share}% of the country&#8217;s electricity.',
      more: 'The plan includes support for workers in mining regions, including retraining programmes and early retirement packages, and funding for grid upgrades to handle more renewable power. {name2}, who represents a coal-mining district in parliament, said communities needed guarantees, not promises. &#8220;We have heard about a just transition for years,&#8221; {name2} said. &#8220;Now we need to see it.&#8221;',
      alt: 'A coal-fired power station on the outskirts of {city}',
      dek: 'Falling costs for solar, wind and batteries make the faster timetable affordable, the government says.' },
    { title: 'Record Heat Pushes Power Demand to New High in {country}',
      lede: 'Electricity demand in {country} hit a record on {day} as temperatures climbed above {temp} degrees Celsius in {city} and other cities, prompting the grid operator to urge households and businesses to limit use during the evening peak. Officials said supplies had held up, helped by solar generation during the day, but warned that reserves were thin. Hospitals reported a rise in heat-related admissions.',
      more: 'Meteorologists said the heatwave was consistent with the long-term warming trend, which has made extreme temperatures more frequent and more intense. The national weather service issued its highest level of heat warning for {n} regions. {name}, the energy minister, said the government would accelerate investment in battery storage to help the grid cope with future peaks.',
      alt: 'People shelter from the heat in a park in {city}',
      dek: 'The grid operator urged households to limit electricity use during the evening peak.' },
  ], body: [
    'Climate scientists say {country} is warming faster than the global average, with consequences for agriculture, water supplies and public health. {name3}, a climate researcher in {city}, said the country&#8217;s emissions targets were achievable but required sustained investment. &#8220;The technology exists. What we need now is consistency, so that investors know the rules will not change,&#8221; {name3} said.',
    'The government&#8217;s climate plan has faced criticism from both sides: industry groups say its targets are too ambitious and will raise costs, while campaigners say they are too weak. An independent advisory committee said in its latest report that {country} was off track on several measures, including transport emissions and the energy efficiency of buildings.',
  ], subheads: ['The science', 'Policy pressure'] },

  { desk: 'climate', tags: ['natural-disasters'], weight: 1, worldShare: 0.15, pool: 'public', noun: 'disaster response', angles: [
    { title: 'Floods in {country} Displace {big} People After Days of Heavy Rain',
      lede: 'Floods caused by days of torrential rain have forced more than {big} people from their homes in {country}, officials said on {day}, as rivers burst their banks and landslides cut roads in several regions. At least {n} people have died. Emergency crews used boats to rescue residents trapped on rooftops, and the government deployed soldiers to help with evacuations around {city}.',
      more: 'Evacuation centres in schools and sports halls were crowded, and aid agencies warned of shortages of clean water, food and medicine. {name}, who heads the national disaster agency, said the priority was to reach isolated communities. &#8220;We are working around the clock, but some areas are still cut off,&#8221; {name} said. Forecasters predicted more rain in the coming days.',
      alt: 'Residents wade through floodwater in a neighbourhood near {city}',
      dek: 'Rescuers used boats to reach residents trapped on rooftops as rivers burst their banks.' },
    { title: 'Magnitude {mag} Earthquake Strikes Near {city}', desk: 'science',
      lede: 'A magnitude {mag} earthquake struck near {city} on {day}, shaking buildings and sending residents running into the streets, according to the national seismological agency. Officials said at least {n} people had been injured, mostly by falling debris, and that several older buildings had been damaged. No tsunami warning was issued. Aftershocks continued through the afternoon.',
      more: 'Engineers began inspecting bridges, schools and hospitals for structural damage, and rail services were suspended as a precaution. {name}, a spokesperson for the emergency services, said rescue teams had been sent to villages closest to the epicentre. &#8220;Communications are patchy in some areas, so the picture may change,&#8221; {name} said.',
      alt: 'Rescue workers inspect a damaged building near {city}',
      dek: 'Several older buildings were damaged and rail services were suspended as a precaution.' },
    { title: 'Wildfires Force Evacuations Near {city} as Temperatures Soar',
      lede: 'Wildfires fanned by strong winds and high temperatures forced the evacuation of {big} residents from towns near {city} on {day}, as firefighters struggled to contain blazes that have burned through thousands of hectares of forest and farmland. Officials said {n} homes had been destroyed. Water-bombing aircraft were deployed, and neighbouring regions sent crews to help.',
      more: '{name}, the regional fire chief, said conditions were among the most dangerous in years. &#8220;The fires are moving faster than we can predict,&#8221; {name} said, urging residents to follow evacuation orders immediately. Smoke from the fires drifted over {city}, and health authorities advised people with respiratory conditions to stay indoors.',
      alt: 'Firefighters battle a wildfire on a hillside near {city}',
      dek: 'Firefighters struggled to contain blazes fanned by strong winds and high temperatures.' },
  ], body: [
    'The government has promised emergency payments to affected households and said it would assess damage to crops and infrastructure. {name2}, an opposition lawmaker, said warnings had not reached some communities in time and called for an inquiry into the response. Aid organisations launched appeals for donations, and several foreign governments offered assistance.',
    'Experts say {country} must do more to prepare for natural hazards as cities grow and more people live in exposed areas. {name3}, who studies disaster risk at a university in {city}, said investment in early warning systems, stricter building codes and better land-use planning would save lives. &#8220;Every dollar spent on preparation saves many more in recovery,&#8221; {name3} said.',
  ], subheads: ['Relief efforts', 'Counting the cost'] },

  { desk: 'health', tags: [], weight: 1, worldShare: 0.2, pool: 'public', noun: 'health policy', angles: [
    { title: '{country} Reports Sharp Fall in Measles Cases After Vaccination Drive',
      lede: 'Measles cases in {country} fell by {n2}% last year after a nationwide vaccination campaign reached millions of children who had missed routine shots during the pandemic, health officials said on {day}. {name}, the health minister, told reporters in {city} that the campaign showed what could be achieved when health workers, schools and community leaders worked together.',
      more: 'The campaign used mobile clinics, text message reminders and door-to-door visits to reach families in remote areas and crowded urban districts. More than {big} health workers took part. The World Health Organization praised the effort but warned that coverage remained patchy in some regions and that outbreaks could return quickly if vaccination rates slipped.',
      alt: 'A health worker vaccinates a child at a clinic in {city}',
      dek: 'Mobile clinics and door-to-door visits reached children who missed routine shots.' },
    { title: 'Hospitals in {city} Under Strain as Flu Season Peaks Early',
      lede: 'Hospitals in {city} and across {country} are under severe pressure as an early and intense flu season fills emergency departments, health officials said on {day}. Some patients have waited more than {n2} hours for a bed, and several hospitals have postponed planned operations. {name}, who leads the national health service, urged people in vulnerable groups to get vaccinated.',
      more: 'Doctors said the dominant strain appeared to be causing more severe illness in older people and young children. {name2}, an emergency physician in {city}, described conditions as the worst in years. &#8220;Staff are exhausted, and corridors are full of patients on trolleys,&#8221; {name2} said. The health ministry said it would fund extra beds and staff until the season passes.',
      alt: 'An ambulance outside a hospital emergency department in {city}',
      dek: 'Some patients have waited more than {n2} hours for a bed as emergency departments fill.' },
    { title: '{country} to Ban Sale of Disposable Vapes From Next Year',
      lede: '{country} will ban the sale of disposable e-cigarettes from next year, the government announced on {day}, citing a sharp rise in vaping among teenagers and the environmental damage caused by discarded devices. {name}, the health minister, said in {city} that vapes had been deliberately marketed to children with sweet flavours and bright packaging. Retailers will face fines for breaches.',
      more: 'Surveys suggest about one in {n} secondary school pupils in {country} has tried vaping. Doctors and anti-smoking groups welcomed the ban, but some public health experts warned that it could push young people back to cigarettes or towards an illicit market. Industry groups said they would consider a legal challenge and argued that adults trying to quit smoking would be penalised.',
      alt: 'Disposable vapes on display in a shop window in {city}',
      dek: 'Officials cite a sharp rise in teenage vaping and the environmental toll of discarded devices.' },
  ], body: [
    'Health spending in {country} has come under scrutiny as an ageing population and rising costs stretch budgets. {name3}, a public health researcher in {city}, said prevention was consistently underfunded. &#8220;We spend enormous sums treating illness and very little stopping it,&#8221; {name3} said. &#8220;That balance has to change if the system is going to be sustainable.&#8221;',
    'Health workers&#8217; unions say staff shortages are the biggest problem facing the system, with many nurses and doctors leaving for better-paid jobs abroad. The government has promised to train more staff and improve pay, but unions say progress has been slow and that recruitment targets have repeatedly been missed.',
  ], subheads: ['Pressure on the system'] },
];

/** Paragraphs that fit any public-affairs story; they pad bodies so lengths (and reading times) vary. */
export const PUBLIC_PARAGRAPHS = [
  'The developments are being followed closely across {area}, where governments, businesses and civil society groups face many of the same pressures, from high living costs to the effects of a changing climate. Diplomats in {city} said other capitals would be studying the outcome for lessons of their own. For background and earlier reporting, see our <a href="{geoUrl}">{geoName} coverage</a>.',
  'In {city}, reaction on the streets was mixed. &#8220;We have heard promises like this before, and nothing changed,&#8221; said a shopkeeper who asked not to be named. A university student said she was cautiously hopeful but wanted to see results. Others said they were too busy coping with rising rents and food prices to follow the details, a sign of how far everyday concerns dominate public life in {country}.',
  '{name4}, who has studied {adj} public policy for more than two decades, said the episode reflected deeper shifts. &#8220;What we are seeing is a system adjusting to new realities, and that is rarely smooth,&#8221; {name4} said. &#8220;The question is whether institutions are strong enough to manage the change without losing public trust.&#8221; Other experts were more optimistic, pointing to the country&#8217;s record of pragmatic compromise.',
  'Officials said further details would be published in the coming weeks, and a parliamentary committee is expected to hold hearings on the government&#8217;s handling of the issue. Opposition lawmakers have already requested documents setting out the costs and the advice ministers received. The government has promised an independent review, though critics note that similar pledges in the past were quietly dropped.',
  'The issue has drawn comparisons with {partner}, which faced similar challenges in recent years, and officials in {city} have been keen to show that {country} is not falling behind. Ministers and critics alike cite {partner}&#8217;s experience to argue their case. Independent analysts say the picture is more complicated than either side admits, and that local conditions matter more than headline figures.',
  'Figures from the national statistics office underline the scale of the challenge. Around {share}% of households in {country} say they struggle to cover essential costs, according to the latest survey, up from a decade ago. Younger people and those living outside major cities such as {city} have been hit hardest, and polls show growing scepticism that any government can improve their circumstances.',
  'International organisations have also weighed in. The International Monetary Fund said in its latest assessment that {country} had made &#8220;meaningful progress&#8221; on reforms but warned that momentum must be sustained. Development banks are discussing financing for projects in {city} and elsewhere, and donors have signalled that further support will depend on transparency and results.',
];

export const SOFT_PARAGRAPHS = [
  'Reaction on social media was swift, with the story trending across platforms in {country} within hours. Many users shared photos and videos, while others debated what it meant for {adj} {noun}. Several public figures posted messages of congratulation, and the story was widely covered by broadcasters in {partner}. For more, see our <a href="{geoUrl}">{geoName} coverage</a>.',
  'In {city}, where the news dominated conversation in cafes and on public transport, many people said they felt proud. &#8220;It shows what we can do when we are given the chance,&#8221; said one resident. Local businesses reported a boost in trade, and city officials said they hoped the attention would bring more visitors to {country} in the months ahead.',
  'The moment has also prompted debate about investment. {name4}, a commentator who has followed {adj} {noun} for many years, said success at the top depended on support at the grassroots. &#8220;Talent is everywhere, but opportunity is not,&#8221; {name4} said. &#8220;If we want more moments like this, we need to fund the people and places that make them possible.&#8221;',
];

export const PULL_QUOTES = {
  public: [
    'We are not going to solve this overnight, but we now have a plan and the means to carry it out.',
    'People want to see results in their daily lives, not just announcements.',
    'This is a test of whether our institutions can deliver when it matters.',
  ],
  soft: ['Moments like this remind people what is possible.', 'It has been a long road, and a lot of people helped us get here.'],
};

