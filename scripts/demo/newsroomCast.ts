import type { DemoTopic } from '../../src/sources/demo/DemoNewsroom';

/** The demo newsroom's people, places and topics, which generated stories are filled in with. */

export type Scope = 'asia' | 'europe' | 'americas' | 'africa' | 'middle-east' | 'australia';
export const SCOPES: readonly Scope[] = ['asia', 'europe', 'americas', 'africa', 'middle-east', 'australia'];

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
export const TOURNAMENTS: Partial<Record<Scope, readonly string[]>> = {
  asia: ['China Open|Beijing|China', 'Japan Open|Tokyo|Japan', 'Korea Open|Seoul|South Korea'],
  europe: ['Madrid Open|Madrid|Spain', 'Italian Open|Rome|Italy', 'Wimbledon|London|Britain'],
  americas: ['Miami Open|Miami|the United States', 'Canadian Open|Montreal|Canada', 'Mexican Open|Acapulco|Mexico'],
  'middle-east': ['Qatar Open|Doha|Qatar', 'Dubai Championships|Dubai|the United Arab Emirates'],
  australia: ['Brisbane International|Brisbane|Australia', 'Adelaide International|Adelaide|Australia', 'ASB Classic|Auckland|New Zealand'],
};

export const PLAYERS = ['Elena Marchuk', 'Sofia Brandt', 'Mia Kovac', 'Hana Sato', 'Lucia Ferrer', 'Olivia Hart', 'Ines Duarte', 'Chloe Bennett', 'Anya Sorokina', 'Mei Lin Zhou', 'Valentina Russo', 'Kira Novak'];
export const COMPANIES = ['Meridian Holdings', 'Northgate Group', 'Solara Industries', 'Kestrel Group', 'Bluewater Holdings', 'Arcadia Group', 'Pinecrest Industries', 'Orion Holdings', 'Harbourline Group', 'Summit Ridge Corporation'];
export const PARTIES = ['the National Renewal Party', 'the Democratic Alliance', 'the People&#8217;s Progress Party', 'the Social Democratic Union', 'the Liberal Reform Party', 'the Green Future Alliance'];
export const WORKS = ['The Long Harbour', 'Salt and Silver', 'A House by the River', 'Night Market', 'The Last Ferry', 'Paper Lanterns', 'The Quiet Season', 'Northern Crossing'];
export const SCORES = ['6-4, 6-3', '7-6, 6-4', '6-3, 3-6, 7-5', '4-6, 6-2, 6-4', '6-1, 6-2', '7-5, 6-7, 6-3'];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** [id, slug, name, kind, description]. Ids share one space, as WordPress terms do. */
export const TOPICS: readonly [number, string, string, DemoTopic['kind'], string][] = [
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

export const PLACE_RECORDS = Object.fromEntries(
  SCOPES.map((scope) => [scope, PLACES[scope].map((line) => {
    const [country = '', city = '', adj = '', names = ''] = line.split('|');
    return { country, city, adj, names: names.split(',') };
  })]),
) as Record<Scope, { country: string; city: string; adj: string; names: string[] }[]>;

/** Regional sections sit under World, as nested categories do in WordPress (`/category/world/asia/`). */
export const TOPIC_PARENTS: ReadonlyMap<string, string> = new Map(['asia', 'europe', 'americas', 'africa', 'middle-east', 'australia'].map((slug) => [slug, 'world']));

export const TOPIC_NAMES = new Map(TOPICS.map(([, slug, name]) => [slug, name]));

export interface AuthorSeed { id: number; slug: string; name: string; bio: string; avatar: boolean; scopes: (Scope | 'world')[]; desks: string[]; }

/**
 * Beats (scopes, desks) decide who files which generated story, so author pages read coherently. Saif
 * Rahman files no generated World stories: with his same-author bonus they could crowd the reference
 * article's rail, where the hand-written Asia-Pacific headlines belong.
 */
export const AUTHORS: readonly AuthorSeed[] = [
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

