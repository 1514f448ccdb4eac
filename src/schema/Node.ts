import { Directive, Field, ID, InterfaceType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';

/** Records are plain JSON from the cache, not class instances, so the type is told by its shape. */
export function nodeTypeOf(value: object): 'Post' | 'Topic' | 'Author' {
  return 'bodyHtml' in value ? 'Post' : 'kind' in value ? 'Topic' : 'Author';
}

@Directive(CACHE_HINT.node)
@InterfaceType({
  description: 'An object with a globally unique, opaque id. Fetch any such object again with `node(id:)`.',
  resolveType: nodeTypeOf,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id. Stable across requests; do not parse it.' })
  id!: string;
}
