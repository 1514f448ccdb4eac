import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from 'graphql';
import { ENTITY_KINDS, shortestMaxAge } from '../config/entityKinds';

/**
 * Apollo Server's `@cacheControl` directive, declared here because a code-first schema has no SDL to
 * declare it in. Apollo's cache-control plugin reads it from the types and fields (type-graphql's
 * `@Directive` puts it on their AST nodes) and computes each response's cache policy from the hints of
 * everything the operation touched: the shortest maxAge wins, any PRIVATE makes the response private.
 */
export const CacheControlScope = new GraphQLEnumType({
  name: 'CacheControlScope',
  description: 'Who may cache a response: PUBLIC (shared caches and CDNs) or PRIVATE (only the caller).',
  values: { PUBLIC: {}, PRIVATE: {} },
});

export const cacheControlDirective = new GraphQLDirective({
  name: 'cacheControl',
  description: 'How long (seconds) and by whom a type or field may be cached; see the README section "Caching".',
  locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT, DirectiveLocation.INTERFACE, DirectiveLocation.UNION],
  args: {
    maxAge: { type: GraphQLInt },
    scope: { type: CacheControlScope },
    inheritMaxAge: { type: GraphQLBoolean },
  },
});

const maxAge = (seconds: number) => `@cacheControl(maxAge: ${seconds})`;

/** The HTTP cache hints per type, from the entity-kind table (seconds). */
export const CACHE_HINT = {
  post: maxAge(ENTITY_KINDS.post.httpMaxAgeSeconds),
  author: maxAge(ENTITY_KINDS.author.httpMaxAgeSeconds),
  topic: maxAge(ENTITY_KINDS.topic.httpMaxAgeSeconds),
  relatedStory: maxAge(ENTITY_KINDS.related.httpMaxAgeSeconds),
  /** Listings change whenever anything is published. */
  listing: maxAge(ENTITY_KINDS.postList.httpMaxAgeSeconds),
  /** Root lists of topics and authors, and subcategories: they change whenever a topic (author) does. */
  topicList: maxAge(ENTITY_KINDS.topicList.httpMaxAgeSeconds),
  topicChildren: maxAge(ENTITY_KINDS.topicChildren.httpMaxAgeSeconds),
  authorList: maxAge(ENTITY_KINDS.authorList.httpMaxAgeSeconds),
  /** Any node may be a post, an author or a topic: the shortest of its implementations. */
  node: maxAge(shortestMaxAge(['post', 'author', 'topic'])),
  /** Wrappers (edges, page info, images) take the age of the field that holds them. */
  inherit: '@cacheControl(inheritMaxAge: true)',
} as const;
