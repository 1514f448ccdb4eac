/** The reference news page's teaser rail (issue 2): the six stories its related rail must show. */
export const TEASER_TITLES: readonly string[] = [
  'Indian Idol 3 Star Prashant Tamang Passes Away in His Sleep',
  'World No.1 Aryna Sabalenka Begins Australian Open Without Title Defence',
  'EU-India Free Trade Deal May Be Signed This Month, Says Merz',
  'Japan Expands Security Aid Across Southeast Asia with $147M Boost',
  'Eruption of Mount Semeru: Pyroclastic Flow Extends 5 km, Ash Clouds Reach 2 km',
  'Deadly Bushfires in Victoria Leave One Dead, 300 Structures Lost',
];
