/**
 * The embedded demo newsroom: a deterministic corpus shaped like a WordPress-style CMS response (HTML
 * titles, entity-encoded text, numeric ids), so the gateway runs, tests and demos without any upstream,
 * and the mapping code that turns CMS shapes into gateway records is exercised on realistic input.
 *
 * Most posts are filled in from wire-copy templates by a seeded PRNG. The reference article and the six
 * stories of its related rail are written by hand, because tests and the demo page assert on their text.
 */

export interface DemoAuthor { id: number; slug: string; name: string; bioHtml: string; avatarUrl: string | null; }
export interface DemoTopic { id: number; slug: string; name: string; descriptionHtml: string; kind: 'category' | 'tag'; }
export interface DemoImage { url: string; alt: string; width: number; height: number; }
export interface DemoPost {
  id: number; slug: string; titleHtml: string;
  excerptHtml: string | null;
  contentHtml: string;
  date: string; modified: string;
  status: 'publish' | 'draft' | 'private';
  authorIds: number[];
  topicIds: number[];
  image: DemoImage | null;
}
export interface DemoNewsroom { authors: DemoAuthor[]; topics: DemoTopic[]; posts: DemoPost[]; }

export const REFERENCE_SLUG = 'lee-jae-myung-to-visit-japan-for-summit-with-takaichi-after-xi-meeting';

const SEED = 0x5eed2026;
/** Everything is dated relative to this instant, never to the clock, so builds are reproducible. */
const BASE_TIME = Date.parse('2026-01-20T00:00:00.000Z');
const GENERATED_POSTS = 313; // plus 7 hand-written published posts = 320
const FIRST_POST_ID = 40117;
const SITE = 'https://www.example-news.test';
const IMAGE_HOST = 'https://images.example-news.test';
const IMAGE_SIZES: readonly [number, number][] = [[1200, 675], [1600, 900], [1200, 800], [2048, 1152]];

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

type Rng = ReturnType<typeof createRng>;

/** mulberry32: tiny, fast and good enough to make demo content look varied. */
function createRng(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const chance = (p: number): boolean => next() < p;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return { next, int, pick, chance, shuffle };
}

// ---------------------------------------------------------------------------------------------------
// People, places and topics

type Scope = 'asia' | 'europe' | 'americas' | 'africa' | 'middle-east' | 'australia';
const SCOPES: readonly Scope[] = ['asia', 'europe', 'americas', 'africa', 'middle-east', 'australia'];

/** country | city | adjective | four local names (fictional officials, experts, artists). */
const PLACES: Record<Scope, readonly string[]> = {
  asia: [
    'Japan|Tokyo|Japanese|Hiroshi Tanaka,Yuki Saito,Kenta Mori,Aiko Fujita',
    'South Korea|Seoul|South Korean|Park Ji-hoon,Kim Soo-yeon,Lee Dong-wook,Choi Min-ah',
    'India|New Delhi|Indian|Anjali Mehta,Rohan Kapoor,Sunita Rao,Vikram Iyer',
    'Indonesia|Jakarta|Indonesian|Dewi Lestari,Budi Santoso,Rina Wijaya,Agus Pratama',
    'Vietnam|Hanoi|Vietnamese|Nguyen Thi Lan,Tran Van Minh,Le Hoang Anh,Pham Thu Trang',
    'the Philippines|Manila|Philippine|Maria Santos,Jose Bautista,Carmela Reyes,Paolo Mendoza',
    'Thailand|Bangkok|Thai|Somchai Wongsakul,Kanya Srisuk,Anan Chaiyaporn,Ploy Rattanakul',
    'Malaysia|Kuala Lumpur|Malaysian|Nurul Hassan,Tan Wei Ming,Farid Ismail,Siti Aminah',
  ],
  europe: [
    'France|Paris|French|Camille Laurent,Julien Moreau,Claire Dubois,Antoine Girard',
    'Germany|Berlin|German|Katrin Vogel,Stefan Hartmann,Julia Becker,Greta Schulz',
    'Italy|Rome|Italian|Giulia Ferri,Marco Rinaldi,Elena Conti,Luca Moretti',
    'Spain|Madrid|Spanish|Lucia Navarro,Javier Ortega,Carmen Vidal,Pablo Serrano',
    'Poland|Warsaw|Polish|Agnieszka Nowak,Tomasz Zielinski,Magda Kowalczyk,Piotr Mazur',
    'Greece|Athens|Greek|Eleni Papadaki,Nikos Andreou,Sofia Karalis,Yannis Doukas',
    'the Netherlands|Amsterdam|Dutch|Sanne de Vries,Pieter Jansen,Lotte Bakker,Ruben Visser',
    'Sweden|Stockholm|Swedish|Anna Lindqvist,Erik Johansson,Maja Holm,Oskar Berg',
  ],
  americas: [
    'Canada|Ottawa|Canadian|Claire Tremblay,Ryan MacDonald,Harpreet Sandhu,Marc Gagnon',
    'Mexico|Mexico City|Mexican|Ana Ruiz,Diego Hernandez,Valeria Castillo,Luis Ortiz',
    'Brazil|Brasilia|Brazilian|Fernanda Souza,Rafael Lima,Beatriz Alves,Thiago Costa',
    'Argentina|Buenos Aires|Argentine|Martina Gomez,Santiago Diaz,Florencia Acosta,Nicolas Romero',
    'Chile|Santiago|Chilean|Camila Rojas,Matias Fuentes,Josefina Vera,Felipe Soto',
    'Colombia|Bogota|Colombian|Daniela Torres,Andres Mejia,Laura Cardenas,Juan Pablo Rios',
  ],
  africa: [
    'Nigeria|Abuja|Nigerian|Ngozi Adeyemi,Tunde Bakare,Chiamaka Eze,Ibrahim Musa',
    'Kenya|Nairobi|Kenyan|Wanjiru Kamau,David Otieno,Achieng Odhiambo,Peter Mwangi',
    'South Africa|Pretoria|South African|Thandi Nkosi,Johan van Wyk,Lerato Mokoena,Sipho Dlamini',
    'Ghana|Accra|Ghanaian|Akosua Mensah,Kwame Boateng,Efua Asante,Kofi Owusu',
    'Ethiopia|Addis Ababa|Ethiopian|Hirut Tesfaye,Dawit Bekele,Meron Alemu,Yonas Girma',
    'Senegal|Dakar|Senegalese|Aminata Diallo,Moussa Ndiaye,Fatou Sow,Cheikh Fall',
  ],
  'middle-east': [
    'Jordan|Amman|Jordanian|Rania Khoury,Omar Nasser,Dina Saleh,Khaled Mansour',
    'Egypt|Cairo|Egyptian|Mona Farouk,Ahmed Samir,Nour Hamdy,Tarek Fahmy',
    'Turkey|Ankara|Turkish|Elif Yilmaz,Murat Demir,Zeynep Kaya,Emre Aydin',
    'Qatar|Doha|Qatari|Maryam Al-Kuwari,Hamad Al-Marri,Aisha Al-Sulaiti,Khalid Al-Mohannadi',
    'Lebanon|Beirut|Lebanese|Nadine Aoun,Georges Khalil,Maya Sfeir,Karim Azar',
    'Oman|Muscat|Omani|Fatma Al-Balushi,Salim Al-Harthy,Huda Al-Rawahi,Yusuf Al-Hinai',
  ],
  australia: [
    'Australia|Canberra|Australian|Sarah Mitchell,James Fletcher,Emily Nguyen,Liam Walsh',
    'Australia|Sydney|Australian|Rebecca Shaw,Daniel Kerr,Priya Lal,Matt Donovan',
    'Australia|Melbourne|Australian|Chloe Barrett,Nick Papas,Jess Howard,Sam Whitely',
    'New Zealand|Wellington|New Zealand|Aroha Ngata,Ben Harrison,Mere Parata,Hannah Cole',
    'Fiji|Suva|Fijian|Mere Naivalu,Josaia Tamani,Ana Lewaqai,Viliame Koroi',
    'Papua New Guinea|Port Moresby|Papua New Guinean|Grace Kila,John Kaupa,Ruth Wari,Peter Tom',
  ],
};

/** name | city | country, by region; tennis stories take their dateline from the tournament. */
const TOURNAMENTS: Partial<Record<Scope, readonly string[]>> = {
  asia: ['China Open|Beijing|China', 'Japan Open|Tokyo|Japan', 'Korea Open|Seoul|South Korea'],
  europe: ['Madrid Open|Madrid|Spain', 'Italian Open|Rome|Italy', 'Wimbledon|London|Britain'],
  americas: ['Miami Open|Miami|the United States', 'Canadian Open|Montreal|Canada', 'Mexican Open|Acapulco|Mexico'],
  'middle-east': ['Qatar Open|Doha|Qatar', 'Dubai Championships|Dubai|the United Arab Emirates'],
  australia: ['Brisbane International|Brisbane|Australia', 'Adelaide International|Adelaide|Australia', 'ASB Classic|Auckland|New Zealand'],
};

const PLAYERS = ['Elena Marchuk', 'Sofia Brandt', 'Mia Kovac', 'Hana Sato', 'Lucia Ferrer', 'Olivia Hart', 'Ines Duarte', 'Chloe Bennett', 'Anya Sorokina', 'Mei Lin Zhou', 'Valentina Russo', 'Kira Novak'];
const COMPANIES = ['Meridian Holdings', 'Northgate Group', 'Solara Industries', 'Kestrel Group', 'Bluewater Holdings', 'Arcadia Group', 'Pinecrest Industries', 'Orion Holdings', 'Harbourline Group', 'Summit Ridge Corporation'];
const PARTIES = ['the National Renewal Party', 'the Democratic Alliance', 'the People&#8217;s Progress Party', 'the Social Democratic Union', 'the Liberal Reform Party', 'the Green Future Alliance'];
const WORKS = ['The Long Harbour', 'Salt and Silver', 'A House by the River', 'Night Market', 'The Last Ferry', 'Paper Lanterns', 'The Quiet Season', 'Northern Crossing'];
const SCORES = ['6-4, 6-3', '7-6, 6-4', '6-3, 3-6, 7-5', '4-6, 6-2, 6-4', '6-1, 6-2', '7-5, 6-7, 6-3'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** [id, slug, name, kind, description]. Ids share one space, as WordPress terms do. */
const TOPICS: readonly [number, string, string, DemoTopic['kind'], string][] = [
  [2, 'world', 'World', 'category', 'Global affairs and stories that cross borders.'],
  [3, 'asia', 'Asia', 'category', 'News from across Asia and the Pacific, from Seoul and Tokyo to Jakarta, New Delhi and Melbourne.'],
  [4, 'politics', 'Politics', 'category', 'Elections, governments, parliaments &amp; the people who run them.'],
  [5, 'business', 'Business', 'category', 'Markets, companies, trade and the economy.'],
  [6, 'sport', 'Sport', 'category', 'Results, previews and analysis from the world of sport.'],
  [7, 'science', 'Science', 'category', 'Research, discoveries and the scientists behind them.'],
  [8, 'technology', 'Technology', 'category', 'Chips, platforms, AI and the rules that govern them.'],
  [9, 'culture', 'Culture', 'category', 'Books, museums, heritage and the arts.'],
  [10, 'entertainment', 'Entertainment', 'category', 'Film, television, music &amp; celebrity.'],
  [11, 'climate', 'Climate', 'category', 'Climate change, energy transition and extreme weather.'],
  [12, 'health', 'Health', 'category', 'Public health, medicine and health systems.'],
  [13, 'europe', 'Europe', 'category', 'News from across Europe and the European Union.'],
  [14, 'americas', 'Americas', 'category', 'News from Canada, Latin America and the Caribbean.'],
  [15, 'africa', 'Africa', 'category', 'News from across the African continent.'],
  [16, 'middle-east', 'Middle East', 'category', 'News from the Middle East and North Africa.'],
  [17, 'australia', 'Australia', 'category', 'News from Australia, New Zealand and the Pacific islands.'],
  [31, 'elections', 'Elections', 'tag', 'Campaigns, votes and results.'],
  [32, 'trade', 'Trade', 'tag', 'Tariffs, trade deals and supply chains.'],
  [33, 'diplomacy', 'Diplomacy', 'tag', 'Summits, talks and relations between states.'],
  [34, 'natural-disasters', 'Natural disasters', 'tag', 'Floods, fires, earthquakes, eruptions and the response to them.'],
  [35, 'tennis', 'Tennis', 'tag', 'Tour events and Grand Slams.'],
  [36, 'defence', 'Defence', 'tag', 'Armed forces, defence budgets and security cooperation.'],
  [37, 'obituaries', 'Obituaries', 'tag', 'Lives remembered.'],
];

const PLACE_RECORDS = Object.fromEntries(
  SCOPES.map((scope) => [scope, PLACES[scope].map((line) => {
    const [country = '', city = '', adj = '', names = ''] = line.split('|');
    return { country, city, adj, names: names.split(',') };
  })]),
) as Record<Scope, { country: string; city: string; adj: string; names: string[] }[]>;

const TOPIC_NAMES = new Map(TOPICS.map(([, slug, name]) => [slug, name]));

interface AuthorSeed { id: number; slug: string; name: string; bio: string; avatar: boolean; scopes: (Scope | 'world')[]; desks: string[]; }

/**
 * Beats (scopes, desks) decide who files which generated story, so author pages read coherently. Saif
 * Rahman files no generated World stories: with his same-author bonus they could crowd the reference
 * article's rail, where the hand-written Asia-Pacific headlines belong.
 */
const AUTHORS: readonly AuthorSeed[] = [
  { id: 3, slug: 'saif-rahman', name: 'Saif Rahman', avatar: true, scopes: ['asia'], desks: ['politics'],
    bio: 'Saif Rahman is our Asia-Pacific correspondent, based in Seoul, covering politics and diplomacy across Korea, Japan and Southeast Asia. He previously reported from Dhaka and Singapore. Read more of his work on <a href="https://www.example-news.test/author/saif-rahman">his author page</a>.' },
  { id: 4, slug: 'priya-natarajan', name: 'Priya Natarajan', avatar: true, scopes: ['asia'], desks: ['business'],
    bio: 'Priya Natarajan is business editor, writing about trade &amp; economics from Mumbai.' },
  { id: 5, slug: 'tom-whitfield', name: 'Tom Whitfield', avatar: true, scopes: ['europe', 'world'], desks: ['politics'],
    bio: 'Tom Whitfield is Europe and diplomatic editor, based in Brussels, where he covers the European Union, global summits and the capitals that shape them.' },
  { id: 6, slug: 'amara-okafor', name: 'Amara Okafor', avatar: true, scopes: ['africa'], desks: [],
    bio: 'Amara Okafor is Africa correspondent, based in Lagos. She has reported from more than 20 countries on the continent.' },
  { id: 7, slug: 'daniel-reyes', name: 'Daniel Reyes', avatar: false, scopes: ['americas'], desks: [],
    bio: 'Daniel Reyes covers the Americas from Mexico City.' },
  { id: 8, slug: 'leila-haddad', name: 'Leila Haddad', avatar: true, scopes: ['middle-east'], desks: [],
    bio: 'Leila Haddad is Middle East correspondent, based in Amman. <em>Arabic speaker.</em>' },
  { id: 9, slug: 'hannah-brooks', name: 'Hannah Brooks', avatar: true, scopes: [], desks: ['sport'],
    bio: 'Hannah Brooks is a sport writer who has covered every Grand Slam since 2015.' },
  { id: 10, slug: 'kenji-morita', name: 'Kenji Morita', avatar: true, scopes: [], desks: ['technology', 'science'],
    bio: 'Kenji Morita writes about technology and science from Tokyo.' },
  { id: 11, slug: 'grace-liu', name: 'Grace Liu', avatar: true, scopes: [], desks: ['climate', 'science'],
    bio: 'Grace Liu is climate &amp; environment correspondent, based in Singapore.' },
  { id: 12, slug: 'oliver-grant', name: 'Oliver Grant', avatar: true, scopes: ['australia'], desks: [],
    bio: 'Oliver Grant is Australia correspondent, based in Sydney, and covers New Zealand and the Pacific.' },
  { id: 13, slug: 'sofia-marchetti', name: 'Sofia Marchetti', avatar: true, scopes: [], desks: ['culture', 'entertainment'],
    bio: 'Sofia Marchetti is arts and entertainment editor. She writes about film, books and music from Rome.' },
  { id: 14, slug: 'marcus-bell', name: 'Marcus Bell', avatar: false, scopes: [], desks: ['health'],
    bio: 'Marcus Bell is health correspondent, writing about medicine, public health and the people who work in hospitals.' },
];

// ---------------------------------------------------------------------------------------------------
// Story templates. Slots: {country} {city} {adj} {name} {name2} {name3} {name4} {partner} {partnerCity}
// {day} {prevMonth} {n} {nNum} {n2} {pct} {share} {turnout} {big} {money} {hires} {gdp} {age} {mag} {temp}
// {rank} {score} {player} {player2} {tournament} {company} {party} {work} {noun} {area} {geoName} {geoUrl}.
// Body strings starting with '## ' become <h2>, with '> ' a <blockquote>; everything else a <p>.

interface Angle { title: string; lede: string; more: string; alt: string; dek: string; desk?: string; }
interface Family {
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

const FAMILIES: readonly Family[] = [
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
const PUBLIC_PARAGRAPHS = [
  'The developments are being followed closely across {area}, where governments, businesses and civil society groups face many of the same pressures, from high living costs to the effects of a changing climate. Diplomats in {city} said other capitals would be studying the outcome for lessons of their own. For background and earlier reporting, see our <a href="{geoUrl}">{geoName} coverage</a>.',
  'In {city}, reaction on the streets was mixed. &#8220;We have heard promises like this before, and nothing changed,&#8221; said a shopkeeper who asked not to be named. A university student said she was cautiously hopeful but wanted to see results. Others said they were too busy coping with rising rents and food prices to follow the details, a sign of how far everyday concerns dominate public life in {country}.',
  '{name4}, who has studied {adj} public policy for more than two decades, said the episode reflected deeper shifts. &#8220;What we are seeing is a system adjusting to new realities, and that is rarely smooth,&#8221; {name4} said. &#8220;The question is whether institutions are strong enough to manage the change without losing public trust.&#8221; Other experts were more optimistic, pointing to the country&#8217;s record of pragmatic compromise.',
  'Officials said further details would be published in the coming weeks, and a parliamentary committee is expected to hold hearings on the government&#8217;s handling of the issue. Opposition lawmakers have already requested documents setting out the costs and the advice ministers received. The government has promised an independent review, though critics note that similar pledges in the past were quietly dropped.',
  'The issue has drawn comparisons with {partner}, which faced similar challenges in recent years, and officials in {city} have been keen to show that {country} is not falling behind. Ministers and critics alike cite {partner}&#8217;s experience to argue their case. Independent analysts say the picture is more complicated than either side admits, and that local conditions matter more than headline figures.',
  'Figures from the national statistics office underline the scale of the challenge. Around {share}% of households in {country} say they struggle to cover essential costs, according to the latest survey, up from a decade ago. Younger people and those living outside major cities such as {city} have been hit hardest, and polls show growing scepticism that any government can improve their circumstances.',
  'International organisations have also weighed in. The International Monetary Fund said in its latest assessment that {country} had made &#8220;meaningful progress&#8221; on reforms but warned that momentum must be sustained. Development banks are discussing financing for projects in {city} and elsewhere, and donors have signalled that further support will depend on transparency and results.',
];

const SOFT_PARAGRAPHS = [
  'Reaction on social media was swift, with the story trending across platforms in {country} within hours. Many users shared photos and videos, while others debated what it meant for {adj} {noun}. Several public figures posted messages of congratulation, and the story was widely covered by broadcasters in {partner}. For more, see our <a href="{geoUrl}">{geoName} coverage</a>.',
  'In {city}, where the news dominated conversation in cafes and on public transport, many people said they felt proud. &#8220;It shows what we can do when we are given the chance,&#8221; said one resident. Local businesses reported a boost in trade, and city officials said they hoped the attention would bring more visitors to {country} in the months ahead.',
  'The moment has also prompted debate about investment. {name4}, a commentator who has followed {adj} {noun} for many years, said success at the top depended on support at the grassroots. &#8220;Talent is everywhere, but opportunity is not,&#8221; {name4} said. &#8220;If we want more moments like this, we need to fund the people and places that make them possible.&#8221;',
];

const PULL_QUOTES = {
  public: [
    'We are not going to solve this overnight, but we now have a plan and the means to carry it out.',
    'People want to see results in their daily lives, not just announcements.',
    'This is a test of whether our institutions can deliver when it matters.',
  ],
  soft: ['Moments like this remind people what is possible.', 'It has been a long road, and a lot of people helped us get here.'],
};

// ---------------------------------------------------------------------------------------------------
// Hand-written stories: the reference article, its six related stories, and posts readers never see.

interface HandWritten {
  title: string;
  excerpt: string | null;
  body: string[];
  date: string;
  status: DemoPost['status'];
  authors: string[];
  topics: string[];
  alt: string | null;
}

const HANDWRITTEN: readonly HandWritten[] = [
  { title: 'Lee Jae Myung to Visit Japan for Summit with Takaichi After Xi Meeting', date: '2026-01-12T08:00:00.000Z', status: 'publish',
    authors: ['saif-rahman'], topics: ['world', 'asia', 'politics'], alt: 'South Korean President Lee Jae Myung speaks at a news conference in Seoul',
    excerpt: null, body: [
      // Plain ASCII apostrophe on purpose: the decoded text must equal the sentence the tests pin.
      "President Lee Jae Myung of South Korea is set to visit Japan for a crucial summit with Prime Minister Sanae Takaichi, occurring just a week after his meeting with Chinese President Xi Jinping in Beijing. The overlapping dates of these discussions underline South Korea's strategic intention: to foster amicable and consistent relations with both neighboring nations.",
      'Lee is expected to travel to Nara, Takaichi&#8217;s home prefecture, for two days of talks on trade, supply chains, security cooperation and exchanges between the two countries, according to officials in Seoul. It will be the first summit between the two leaders on Japanese soil since Takaichi took office in October.',
      '## Balancing two neighbours',
      'The back-to-back meetings reflect a balancing act that has defined Lee&#8217;s foreign policy since he took office in June 2025. His government has pledged to keep security cooperation with the United States and Japan on track while repairing ties with China, South Korea&#8217;s largest trading partner.',
      'In Beijing, Lee and Xi discussed economic cooperation, supply chains and the situation on the Korean Peninsula, according to the presidential office in Seoul. Officials said the Japan visit was intended to show that better relations with Beijing would not come at the expense of ties with Tokyo.',
      '> &#8220;Stable relations with both Japan and China are not a contradiction. For a trading nation like ours, they are a necessity.&#8221;',
      'That message was echoed by a senior official in Seoul, who said on condition of anonymity that the government wanted &#8220;predictable, steady&#8221; relations with both neighbours and regular meetings between their leaders.',
      '## History and the road ahead',
      'Historical disputes, including over Japan&#8217;s colonial rule of the Korean Peninsula and wartime forced labour, have strained relations in the past. Takaichi is known for her conservative views, but both leaders have signalled that they want to keep those issues from derailing practical cooperation on the economy and security.',
      'Analysts in Seoul said the visit could help sustain so-called shuttle diplomacy, in which the leaders of the two countries visit each other regularly, and lay the groundwork for a trilateral summit with China. North Korea&#8217;s weapons programmes are expected to feature prominently in the talks.',
      'The two leaders are also expected to discuss cooperation on semiconductors, energy and tourism. Travel between the countries has boomed, with nearly 9 million South Korean visitors to Japan in 2024. For more, see our <a href="https://www.example-news.test/topic/asia">Asia coverage</a>.',
    ] },
  { title: 'Indian Idol 3 Star Prashant Tamang Passes Away in His Sleep', date: '2026-01-11T06:40:00.000Z', status: 'publish',
    authors: ['sofia-marchetti'], topics: ['world', 'asia', 'entertainment', 'obituaries'], alt: 'Prashant Tamang performs on stage at a concert',
    excerpt: '<p>Beloved singer-actor Prashant Tamang dies naturally in sleep. Fans and family pay emotional tributes to the <em>Indian Idol</em> winner from Darjeeling.</p>', body: [
      'Prashant Tamang, the singer and actor who won the third season of the television talent show <em>Indian Idol</em>, has died in his sleep, his family said. Relatives said he died peacefully of natural causes and asked for privacy as they made arrangements for his funeral.',
      'Tamang, a former police constable from Darjeeling in West Bengal, became a household name in 2007 when millions of viewers voted for him in the show&#8217;s final. His victory was celebrated across the Darjeeling hills and in Nepal, where fans saw in him a rare Nepali-speaking star on a national Indian stage.',
      'After the show he built a career in Nepali-language cinema, appearing in several films, and continued to record and perform in India, Nepal and for diaspora audiences abroad. Fellow contestants and judges remembered a gentle performer with a distinctive voice who never forgot where he came from.',
      '> &#8220;He sang for ordinary people, and they loved him for it. The hills have lost one of their own.&#8221;',
      'Tributes poured in on social media within hours of the news, with fans sharing clips of his performances from the show. Musicians, actors and politicians in India and Nepal expressed their condolences, and many recalled the emotional scenes when he returned home after his win.',
      '## A voice from the hills',
      'Tamang&#8217;s success was seen by many as a moment of recognition for the Gorkha community of Darjeeling, and his campaign during the show became a rallying point for the region. Admirers said he remained approachable throughout his career, often performing at local events and charity concerts.',
      'Details of memorial services are expected to be announced by the family. Fans have begun gathering in his home town to leave flowers and light candles.',
    ] },
  { title: 'World No.1 Aryna Sabalenka Begins Australian Open Without Title Defence', date: '2026-01-18T10:15:00.000Z', status: 'publish',
    authors: ['hannah-brooks'], topics: ['world', 'asia', 'australia', 'sport', 'tennis'], alt: 'Aryna Sabalenka serves during a practice session at Melbourne Park',
    excerpt: 'World No.1 Aryna Sabalenka starts her Australian Open campaign as favourite, but without a defending title to protect after losing last year&#8217;s final in Melbourne.', body: [
      'Aryna Sabalenka begins her Australian Open campaign at Melbourne Park as the world No. 1 and the favourite for the women&#8217;s title, but for the first time in three years she arrives without a trophy to defend.',
      'Sabalenka won the tournament in 2023 and 2024, and her bid for a third consecutive title ended in last year&#8217;s final, when Madison Keys of the United States beat her in three sets. Keys returns to Melbourne as the defending champion.',
      'Sabalenka arrives in strong form after a season in which she won the US Open and finished the year at the top of the rankings. Her powerful serve and aggressive baseline game are well suited to the hard courts in Melbourne, where she has reached the final in each of the past three years.',
      '## A crowded field',
      'Her main rivals include Iga Swiatek, Coco Gauff and Elena Rybakina, all of whom have won major titles, as well as a group of younger players who have climbed the rankings over the past year. Several seeded players have already reported minor injuries after the warm-up events in Brisbane and Adelaide.',
      'Temperatures in Melbourne are forecast to climb well above 30 degrees Celsius later in the week, which could test players&#8217; fitness in the day sessions. Organisers said the tournament&#8217;s extreme heat policy would be applied if conditions required it.',
      'The women&#8217;s final is scheduled for the end of the month. Tickets for the opening week have sold strongly, organisers said, with record crowds expected at Melbourne Park for a second year running.',
    ] },
  { title: 'EU-India Free Trade Deal May Be Signed This Month, Says Merz', date: '2026-01-13T14:20:00.000Z', status: 'publish',
    authors: ['priya-natarajan', 'tom-whitfield'], topics: ['world', 'asia', 'europe', 'politics', 'business', 'trade', 'diplomacy'], alt: 'Container ships at a port in Mumbai',
    excerpt: '<p>German Chancellor Merz hints at a possible EU-India free trade agreement signing by January end after talks with Prime Minister Narendra Modi in India.</p>', body: [
      'German Chancellor Friedrich Merz said a free trade agreement between the European Union and India could be signed as early as the end of January, raising hopes that negotiations that began almost two decades ago are finally nearing a conclusion.',
      'Speaking during his first official visit to India as chancellor, Merz said the remaining differences were narrow and that both sides had the political will to close them. He held talks with Prime Minister Narendra Modi on trade, technology, defence cooperation and the recruitment of skilled workers.',
      'The EU and India relaunched negotiations in 2022 after a long pause. A deal would cover trade in goods and services and create one of the largest free trade areas in the world, linking the EU&#8217;s market of about 450 million people with India&#8217;s population of more than 1.4 billion.',
      '## Sticking points',
      'Negotiators have struggled over tariffs on cars, wine and spirits, access for European dairy producers and the treatment of Indian professionals seeking to work in Europe. The EU&#8217;s carbon border levy, which puts a price on the emissions embedded in imports such as steel and aluminium, has also been a point of friction.',
      '> &#8220;The political momentum is there on both sides. The question now is whether negotiators can close the last gaps in time.&#8221;',
      'Officials in Brussels have signalled that a signing could be timed to coincide with a summit between EU and Indian leaders in New Delhi later this month. The European Commission negotiates trade agreements on behalf of the bloc&#8217;s 27 member states, and any deal would need the approval of national governments and the European Parliament.',
      'For Germany, India is an increasingly important partner as companies seek to diversify supply chains and reduce their dependence on China. German business groups have long pushed for a trade agreement, arguing that high tariffs and complex rules have held back investment.',
    ] },
  { title: 'Japan Expands Security Aid Across Southeast Asia with $147M Boost', date: '2026-01-09T03:30:00.000Z', status: 'publish',
    authors: ['saif-rahman'], topics: ['world', 'asia', 'politics', 'defence', 'diplomacy'], alt: 'A Philippine coast guard vessel on patrol in the South China Sea',
    excerpt: 'Japan doubles OSA budget to $147M, expanding military support to ASEAN nations, boosting regional security. Officials say the programme will reach more partners than ever this year.', body: [
      'Japan is doubling the budget for its Official Security Assistance programme to about $147 million, expanding the supply of defence equipment to partners in Southeast Asia as Tokyo seeks a larger role in regional security.',
      'The programme, known as OSA, was launched in 2023 to provide equipment and infrastructure to the armed forces of like-minded countries, separate from Japan&#8217;s long-standing development aid, which cannot be used for military purposes. Early recipients included the Philippines, Malaysia, Bangladesh and Fiji.',
      'Officials said the larger budget would fund coastal surveillance radars, patrol boats and other equipment intended to help partners monitor their waters and respond to natural disasters. Members of the Association of Southeast Asian Nations are expected to be the main beneficiaries.',
      '## Maritime focus',
      'The expansion reflects concern in Tokyo about tensions in the South China Sea, where several Southeast Asian countries have overlapping claims with China, and about the security of sea lanes that are vital to Japan&#8217;s trade. Japanese officials stress that the aid is defensive and aimed at strengthening partners&#8217; ability to protect their own territory.',
      'Analysts say the programme remains small compared with the military aid provided by the United States, but that it is significant as a signal. It also marks a shift for Japan, whose post-war constitution and public opinion have long limited its role in regional security.',
      'The funding is part of a record defence budget approved by the cabinet in December, as the government of Prime Minister Sanae Takaichi accelerates plans to raise defence-related spending to 2% of gross domestic product.',
    ] },
  { title: 'Eruption of Mount Semeru: Pyroclastic Flow Extends 5 km, Ash Clouds Reach 2 km', date: '2026-01-07T16:45:00.000Z', status: 'publish',
    authors: ['grace-liu'], topics: ['world', 'asia', 'science', 'natural-disasters'], alt: 'Mount Semeru spews volcanic ash as seen from Lumajang, East Java',
    excerpt: 'Mount Semeru erupted at 10:25 p.m., producing a 5 km pyroclastic flow and a 2 km high ash column above its summit, Indonesian volcanologists said, as villagers were told to keep away from its slopes.', body: [
      'Mount Semeru, the highest volcano on the Indonesian island of Java, erupted at 10:25 p.m. local time, sending a pyroclastic flow about 5 kilometres down its slopes and a column of ash about 2 kilometres above the summit, Indonesia&#8217;s volcanology agency said.',
      'The agency said the avalanche of hot gas, ash and rock travelled along the Besuk Kobokan river valley on the volcano&#8217;s south-eastern flank, an area that has been hit repeatedly by eruptions in recent years. There were no immediate reports of casualties.',
      'Residents of Lumajang regency were told to stay at least 13 kilometres from the crater along the river valley and to keep away from riverbanks, where flows of volcanic mud known as lahars can surge after heavy rain.',
      '## A restless volcano',
      'Semeru, which rises 3,676 metres above sea level in East Java, is one of Indonesia&#8217;s most active volcanoes. An eruption in December 2021 killed more than 50 people and buried villages under ash and mud, and another major eruption in late 2022 forced thousands of people to evacuate.',
      'Indonesia sits on the Pacific &#8220;Ring of Fire&#8221;, an arc of volcanoes and fault lines around the Pacific Basin, and has about 130 active volcanoes. The national disaster agency said it was monitoring the situation closely and that evacuation shelters were ready if needed.',
      'Ash fell on several villages near the volcano, and officials distributed masks to residents. Aviation authorities said they were tracking the ash cloud but that flights in the region were operating normally, and that airlines would be told promptly if the situation changed.',
    ] },
  { title: 'Deadly Bushfires in Victoria Leave One Dead, 300 Structures Lost', date: '2026-01-15T21:05:00.000Z', status: 'publish',
    authors: ['oliver-grant'], topics: ['world', 'asia', 'australia', 'climate', 'natural-disasters'], alt: 'Firefighters battle a bushfire near a rural property in Victoria',
    excerpt: '<p>Bushfires across Victoria have destroyed hundreds of homes, claimed one life, and forced evacuations as crews battle blazes in extreme heat &amp; strong winds.</p>', body: [
      'One person has died and about 300 structures, including hundreds of homes, have been destroyed as bushfires burn across the Australian state of Victoria, authorities said, with thousands of residents forced to flee as firefighters battled blazes in extreme heat and strong winds.',
      'Police said the body of a person had been found at a fire-damaged property and that a report would be prepared for the coroner. Emergency services warned that the toll of lost buildings could rise as crews reached areas that had been too dangerous to enter.',
      'Evacuation orders were issued for several towns, and relief centres were opened in community halls and sports grounds. More than 1,000 firefighters, supported by water-bombing aircraft, were deployed across the state.',
      '## Dangerous conditions',
      'Temperatures above 40 degrees Celsius, low humidity and gusty winds created dangerous fire conditions across much of Victoria, and a total fire ban was declared. Forecasters warned that a wind change later in the day could push fire fronts in new directions.',
      'The state government announced emergency relief payments for affected households, and the federal government said support would be available through national disaster recovery arrangements. Residents were urged to follow official warnings and local radio, and to leave early if conditions deteriorated rather than wait for an evacuation order.',
      'Scientists say climate change is lengthening Australia&#8217;s fire seasons and making extreme fire weather more frequent. The Black Summer fires of 2019&#8211;20 burned more than 24 million hectares across the country and destroyed more than 3,000 homes.',
    ] },
  // Not visible to readers: the gateway must never return these, in lists, lookups or related rails.
  { title: 'Lee and Takaichi Agree to Resume Shuttle Diplomacy', date: '2026-01-14T11:00:00.000Z', status: 'draft',
    authors: ['saif-rahman'], topics: ['world', 'asia', 'politics', 'diplomacy'], alt: null, excerpt: null, body: [
      'DRAFT &#8212; hold for the joint statement. Leaders agreed to regular reciprocal visits and a new dialogue on supply chains.',
      'TK: quotes from the press conference in Nara.',
    ] },
  { title: 'Australian Open Day One: Live Updates', date: '2026-01-18T23:30:00.000Z', status: 'draft',
    authors: ['hannah-brooks'], topics: ['sport', 'tennis', 'australia'], alt: null, excerpt: null, body: [
      'Live blog shell. Do not publish before play starts on Rod Laver Arena.',
    ] },
  { title: 'Style Note: Naming Conventions for Korean and Japanese Leaders', date: '2025-11-03T02:15:00.000Z', status: 'private',
    authors: ['saif-rahman'], topics: ['asia'], alt: null, excerpt: '<p>Internal guidance for the desk.</p>', body: [
      'Korean names: family name first, no hyphen for the president (Lee Jae Myung). Japanese names: given name first in English copy (Sanae Takaichi).',
    ] },
  { title: 'Budget Preview: What to Expect From Canberra', date: '2026-01-19T20:00:00.000Z', status: 'draft',
    authors: ['oliver-grant'], topics: ['australia', 'politics', 'business'], alt: null, excerpt: null, body: [
      'Placeholder until the treasurer&#8217;s office briefs the press gallery.',
    ] },
  { title: 'Embargoed: Quarterly Trade Figures for Southeast Asia', date: '2026-01-16T01:00:00.000Z', status: 'private',
    authors: ['priya-natarajan', 'saif-rahman'], topics: ['asia', 'business', 'trade'], alt: null, excerpt: null, body: [
      'Embargoed until the statistics offices release their figures. Numbers below are provisional and must not be quoted.',
    ] },
  { title: 'Obituary Prepared in Advance: Placeholder', date: '2025-12-01T09:00:00.000Z', status: 'draft',
    authors: ['sofia-marchetti'], topics: ['culture', 'obituaries'], alt: null, excerpt: null, body: [
      'Prepared obituary. Update dates, age and tributes before publication.',
    ] },
];

// ---------------------------------------------------------------------------------------------------
// Assembly

type Ctx = Record<string, string>;
/** A post before it has an id: ids are handed out once every post is dated. */
type Unnumbered = Omit<DemoPost, 'id' | 'authorIds' | 'topicIds'> & { authors: number[]; topics: string[] };

export function buildDemoNewsroom(): DemoNewsroom {
  const rng = createRng(SEED);
  const topicIdBySlug = new Map(TOPICS.map(([id, slug]) => [slug, id]));
  const authorIdBySlug = new Map(AUTHORS.map((a) => [a.slug, a.id]));
  const lookup = <K, V>(map: Map<K, V>, key: K): V => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`demo newsroom: unknown reference ${String(key)}`);
    return value;
  };

  const usedSlugs = new Set<string>();
  const pending: Unnumbered[] = HANDWRITTEN.map((story) => {
    const slug = slugify(story.title);
    usedSlugs.add(slug);
    return {
      slug, titleHtml: story.title, excerptHtml: story.excerpt, contentHtml: renderBody(story.body),
      date: story.date, modified: story.date, status: story.status,
      authors: story.authors.map((s) => lookup(authorIdBySlug, s)), topics: story.topics,
      image: story.alt ? imageFor(rng, slug, story.date, story.alt) : null,
    };
  });
  for (let i = 0; i < GENERATED_POSTS; i++) pending.push(generatePost(rng, usedSlugs));

  // WordPress hands out ids in creation order, with gaps where revisions and attachments took numbers.
  // Plain code-unit comparison, not localeCompare, so the order cannot depend on the ICU build.
  pending.sort((a, b) => compare(a.date, b.date) || compare(a.slug, b.slug));
  let nextId = FIRST_POST_ID;
  const posts = pending.map(({ authors, topics, ...rest }): DemoPost => {
    const id = nextId;
    nextId += rng.int(1, 9);
    return { id, ...rest, authorIds: authors, topicIds: topics.map((slug) => lookup(topicIdBySlug, slug)) };
  });

  return {
    authors: AUTHORS.map((a) => ({
      id: a.id, slug: a.slug, name: a.name, bioHtml: `<p>${a.bio}</p>`,
      avatarUrl: a.avatar ? `${IMAGE_HOST}/authors/${a.slug}.jpg` : null,
    })),
    topics: TOPICS.map(([id, slug, name, kind, description]) => ({ id, slug, name, kind, descriptionHtml: `<p>${description}</p>` })),
    posts,
  };
}

function generatePost(rng: Rng, usedSlugs: Set<string>): Unnumbered {
  // Retry on a title collision rather than suffixing slugs: duplicate headlines would look broken in lists.
  for (;;) {
    const family = pickWeighted(rng, FAMILIES);
    const angle = rng.pick(family.angles);
    const scope: Scope | 'world' = rng.chance(family.worldShare) ? 'world' : rng.pick(family.scopes ?? SCOPES);
    const published = BASE_TIME - rng.int(1, 362) * 86_400_000 + rng.int(5 * 60, 21 * 60) * 60_000;
    const ctx = makeContext(rng, family, scope, new Date(published));
    const titleHtml = capitalize(fill(angle.title, ctx));
    const slug = slugify(titleHtml);
    if (usedSlugs.has(slug)) continue;
    usedSlugs.add(slug);

    const desk = angle.desk ?? family.desk;
    const date = new Date(published).toISOString();
    const edited = rng.chance(0.55) ? published + rng.int(4, 2_880) * 60_000 : published;
    const excerpt = rng.chance(0.6) ? fill(angle.dek, ctx) : null;
    return {
      slug, titleHtml, status: 'publish', date, modified: new Date(edited).toISOString(),
      excerptHtml: excerpt, contentHtml: renderBody(composeBody(rng, family, angle, ctx)),
      authors: pickAuthors(rng, scope, desk),
      // One geographic category per generated story; only the hand-written Asia-Pacific headlines carry
      // World and Asia together, which is what puts them at the top of the reference article's rail.
      topics: [scope, desk, ...family.tags],
      image: rng.chance(0.85) ? imageFor(rng, slug, date, fill(angle.alt, ctx)) : null,
    };
  }
}

function makeContext(rng: Rng, family: Family, scope: Scope | 'world', date: Date): Ctx {
  const home: Scope = scope === 'world' ? rng.pick(SCOPES) : scope;
  const place = rng.pick(PLACE_RECORDS[home]);
  // World stories are cross-border, so their counterpart comes from another region.
  const partnerScope: Scope = scope === 'world' ? rng.pick(SCOPES.filter((s) => s !== home)) : home;
  const partner = rng.pick(PLACE_RECORDS[partnerScope].filter((p) => p.country !== place.country));
  const [name, name2, name3, name4] = rng.shuffle(place.names) as [string, string, string, string];
  const [player, player2] = rng.shuffle(PLAYERS) as [string, string];
  const geoName = TOPIC_NAMES.get(scope) ?? 'World';
  const ctx: Ctx = {
    country: place.country, city: place.city, adj: place.adj, name, name2, name3, name4,
    partner: partner.country, partnerCity: partner.city,
    day: DAYS[date.getUTCDay()] ?? 'Monday', prevMonth: MONTHS[(date.getUTCMonth() + 11) % 12] ?? 'January',
    ...smallNumber(rng.int(2, 9)), n2: String(rng.int(12, 60)), pct: (rng.int(12, 98) / 10).toFixed(1),
    share: String(rng.int(24, 47)), turnout: String(rng.int(52, 81)), big: thousands(rng.int(12, 480) * 100),
    money: String(rng.int(12, 95) * 10), hires: thousands(rng.int(15, 240) * 10), gdp: (rng.int(20, 35) / 10).toFixed(1),
    age: String(rng.int(71, 96)), mag: (rng.int(56, 72) / 10).toFixed(1), temp: String(rng.int(38, 46)),
    rank: String(rng.int(2, 30)), score: rng.pick(SCORES), player, player2, tournament: '',
    company: rng.pick(COMPANIES), party: rng.pick(PARTIES), work: rng.pick(WORKS), noun: family.noun,
    area: scope === 'world' ? 'other parts of the world' : 'the region', geoName, geoUrl: `${SITE}/topic/${scope}`,
  };
  const tournaments = TOURNAMENTS[home];
  if (family.tags.includes('tennis') && tournaments) {
    const [tournament = '', city = '', country = ''] = rng.pick(tournaments).split('|');
    Object.assign(ctx, { tournament, city, country });
  }
  return ctx;
}

function composeBody(rng: Rng, family: Family, angle: Angle, ctx: Ctx): string[] {
  const pool = family.pool === 'public' ? PUBLIC_PARAGRAPHS : family.pool === 'soft' ? SOFT_PARAGRAPHS : [];
  const candidates = [angle.lede, angle.more, ...rng.shuffle(family.body), ...rng.shuffle(pool)];
  const target = rng.int(3, 8);
  const paragraphs: string[] = [];
  let words = 0;
  // Keep adding past the target while the story is too short to read like a real article.
  for (const template of candidates) {
    if (paragraphs.length >= target && words >= 250) break;
    const paragraph = capitalize(fill(template, ctx));
    paragraphs.push(paragraph);
    words += countSpaces(paragraph) + 1;
  }
  const blocks = [...paragraphs];
  if (blocks.length >= 5 && rng.chance(0.6)) blocks.splice(3, 0, `## ${rng.pick(family.subheads)}`);
  if (family.pool !== 'none' && rng.chance(0.3)) {
    blocks.splice(2, 0, `> &#8220;${rng.pick(PULL_QUOTES[family.pool])}&#8221;`);
  }
  if (rng.chance(0.15)) blocks.push(fill('<em>Additional reporting from {partnerCity}.</em>', ctx));
  return blocks;
}

/**
 * Who files a story, in order of preference: the region's correspondent for that desk, the desk's
 * specialist, the region's correspondent, anyone on the desk. Keeps a Seoul correspondent off Nairobi stories.
 */
function pickAuthors(rng: Rng, scope: Scope | 'world', desk: string): number[] {
  const inRegion = (a: AuthorSeed) => a.scopes.includes(scope);
  const onDesk = (a: AuthorSeed) => a.desks.includes(desk);
  const tiers = [
    AUTHORS.filter((a) => inRegion(a) && onDesk(a)),
    AUTHORS.filter((a) => a.scopes.length === 0 && onDesk(a)),
    AUTHORS.filter(inRegion),
    AUTHORS.filter(onDesk),
  ];
  const primary = rng.pick(tiers.find((tier) => tier.length > 0) ?? AUTHORS);
  if (!rng.chance(0.1)) return [primary.id];
  // Co-authors come from the same beat, and never a correspondent from another region.
  const colleagues = AUTHORS.filter((a) => a.id !== primary.id && (inRegion(a) || (onDesk(a) && a.scopes.length === 0)));
  const fallback = AUTHORS.filter((a) => a.id !== primary.id && a.scopes.length === 0);
  return [primary.id, rng.pick(colleagues.length > 0 ? colleagues : fallback).id];
}

function imageFor(rng: Rng, slug: string, date: string, alt: string): DemoImage {
  const [width, height] = rng.pick(IMAGE_SIZES);
  return { url: `${IMAGE_HOST}/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}.jpg`, alt, width, height };
}

function pickWeighted(rng: Rng, families: readonly Family[]): Family {
  let roll = rng.next() * families.reduce((sum, f) => sum + f.weight, 0);
  for (const family of families) {
    roll -= family.weight;
    if (roll < 0) return family;
  }
  return families[families.length - 1] as Family;
}


/** Templates split once into [text, slot, text, slot, ...]: filling is the hot path of a build. */
const compiledTemplates = new Map<string, string[]>();

function fill(template: string, ctx: Ctx): string {
  let parts = compiledTemplates.get(template);
  if (!parts) compiledTemplates.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i % 2 === 0) { out += part; continue; }
    const value = ctx[part];
    if (value === undefined) throw new Error(`demo newsroom template uses unknown slot {${part}}`);
    out += value;
  }
  return out;
}

function countSpaces(text: string): number {
  let count = 0;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) count++;
  return count;
}

function renderBody(blocks: readonly string[]): string {
  return blocks
    .map((block) =>
      block.startsWith('## ') ? `<h2>${block.slice(3)}</h2>`
      : block.startsWith('> ') ? `<blockquote><p>${block.slice(2)}</p></blockquote>`
      : `<p>${block}</p>`)
    .join('\n');
}

/** WordPress-style slug: entities decoded, apostrophes dropped, everything else non-alphanumeric hyphenated. */
function slugify(titleHtml: string): string {
  return titleHtml
    .replace(/<[^>]*>/g, '')
    .replace(/&#82(16|17);/g, '')
    .replace(/&[#\w]+;/g, ' ')
    .toLowerCase()
    .replace(/['\u2018\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Wire style spells out small numbers in copy; headlines keep the numeral. */
function smallNumber(value: number): { n: string; nNum: string } {
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  return { n: words[value] ?? String(value), nNum: String(value) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
