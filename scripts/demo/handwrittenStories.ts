import type { DemoPost } from '../../src/sources/demo/DemoNewsroom';

// Hand-written stories: the reference article (with an unpublished autosave), its six related stories, and
// posts readers never see (one of each workflow status).

export interface HandWritten {
  title: string;
  excerpt: string | null;
  body: string[];
  date: string;
  status: DemoPost['status'];
  authors: string[];
  topics: string[];
  alt: string | null;
  /** Changes an editor has made but not published yet (an autosave): only previews show them. */
  autosave?: { title: string; excerpt: string | null; body: string[]; modified: string };
}

export const HANDWRITTEN: readonly HandWritten[] = [
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
    ],
    // The desk's unpublished update of the story: what an editor's preview shows, and readers must not see.
    autosave: { modified: '2026-01-12T10:30:00.000Z', title: 'Lee Jae Myung Lands in Osaka for Summit with Takaichi (Update in Progress)',
      excerpt: '<p>Lee arrived in Osaka on Tuesday morning; talks with Takaichi open in Nara this afternoon.</p>', body: [
        'UPDATE IN PROGRESS &#8212; President Lee Jae Myung arrived in Osaka on Tuesday morning and travels to Nara for the opening session of his summit with Prime Minister Sanae Takaichi.',
        'TK: arrival quotes, pool photo, timing of the joint statement.',
      ] } },
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
  { title: 'Budget Preview: What to Expect From Canberra', date: '2026-01-19T20:00:00.000Z', status: 'pending',
    authors: ['oliver-grant'], topics: ['australia', 'politics', 'business'], alt: null, excerpt: null, body: [
      'Placeholder until the treasurer&#8217;s office briefs the press gallery.',
    ] },
  { title: 'Embargoed: Quarterly Trade Figures for Southeast Asia', date: '2026-01-16T01:00:00.000Z', status: 'future',
    authors: ['priya-natarajan', 'saif-rahman'], topics: ['asia', 'business', 'trade'], alt: null, excerpt: null, body: [
      'Embargoed until the statistics offices release their figures. Numbers below are provisional and must not be quoted.',
    ] },
  { title: 'Obituary Prepared in Advance: Placeholder', date: '2025-12-01T09:00:00.000Z', status: 'draft',
    authors: ['sofia-marchetti'], topics: ['culture', 'obituaries'], alt: null, excerpt: null, body: [
      'Prepared obituary. Update dates, age and tributes before publication.',
    ] },
];

