import { REFERENCE_SLUG } from './fixtures';

/**
 * A valid query exactly `depth` fields deep, through real fields (post > author > posts > edges > node >
 * author > ...), so only the depth limit can object to it. Pages are of one, so cost stays low.
 */
export function nestedQuery(depth: number): string {
  if (depth < 3) throw new Error('depth must be 3 or more');
  let authorLevel = 2;
  let turns = 0;
  while (authorLevel + 4 < depth) {
    authorLevel += 4;
    turns += 1;
  }
  const leaves = ['name', 'posts(first: 1) { totalCount }', 'posts(first: 1) { pageInfo { hasNextPage } }', 'posts(first: 1) { edges { node { id } } }'];
  let selection = leaves[depth - authorLevel - 1] as string;
  for (let turn = 0; turn < turns; turn += 1) selection = `posts(first: 1) { edges { node { author { ${selection} } } } }`;
  return `{ post(slug: "${REFERENCE_SLUG}") { author { ${selection} } } }`;
}

export function aliasedQuery(aliases: number): string {
  return `{ post(slug: "${REFERENCE_SLUG}") { ${Array.from({ length: aliases }, (_, index) => `a${index}:id`).join(' ')} } }`;
}

/** Each directive on its own inline fragment: a directive that is not repeatable may appear once per location. */
export function directiveQuery(directives: number): string {
  return `{ posts(first: 1) { ${Array.from({ length: directives }, () => '... @include(if: true) { totalCount }').join(' ')} } }`;
}

export function fragmentSpreadQuery(spreads: number): string {
  return `{ ${Array.from({ length: spreads }, () => '...F').join(' ')} } fragment F on Query { posts(first: 100) { totalCount } }`;
}
