import { section } from './Section';
import { defaultsOf, setting } from './Setting';
import { integer } from './valueTypes';

export interface QueryLimits {
  /** Deepest field nesting, fragments expanded. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in the document; the parser stops at this many (Apollo's `parseOptions.maxTokens`). */
  maxTokens: number;
  /** Fields that would be resolved, list pages counted at their `first` (see src/server/limits/operationCost.ts). */
  maxCost: number;
  /** Validation errors reported before validation stops: bounds the work and the size of an error reply. */
  maxErrors: number;
}

/**
 * Defaults come from the project's real operations (operations/*.graphql, measured by
 * tests/unit/queryLimitDefaults.test.ts): the deepest is TopicPage at depth 6, the longest LatestPosts at
 * 94 tokens, none uses aliases or directives, and the dearest is LatestPosts at cost 2,401 with a full page
 * of 100 posts. Each default leaves room for clients' own queries (and Apollo Sandbox's ~190-token
 * introspection query) while keeping hostile ones cheap to refuse.
 */
const settings = {
  maxDepth: setting({ env: 'QUERY_MAX_DEPTH', file: 'limits.maxDepth', type: integer({ min: 1 }), default: 10, doc: 'deepest field nesting, fragments expanded' }),
  maxAliases: setting({
    env: 'QUERY_MAX_ALIASES',
    file: 'limits.maxAliases',
    type: integer({ min: 0 }),
    default: 15,
    doc: 'aliases per operation (`__typename` ones too)',
  }),
  maxDirectives: setting({ env: 'QUERY_MAX_DIRECTIVES', file: 'limits.maxDirectives', type: integer({ min: 0 }), default: 10, doc: 'directives per operation' }),
  maxTokens: setting({
    env: 'QUERY_MAX_TOKENS',
    file: 'limits.maxTokens',
    type: integer({ min: 1 }),
    default: 1000,
    doc: 'lexical tokens per document; the parser stops there',
  }),
  maxCost: setting({
    env: 'QUERY_MAX_COST',
    file: 'limits.maxCost',
    type: integer({ min: 1 }),
    default: 5000,
    doc: 'fields an operation may resolve, pages counted at their `first`',
  }),
  maxErrors: setting({
    env: 'QUERY_MAX_ERRORS',
    file: 'limits.maxErrors',
    type: integer({ min: 1 }),
    default: 5,
    doc: 'validation errors reported before validation stops',
  }),
};

export const QUERY_LIMIT_DEFAULTS: Readonly<QueryLimits> = defaultsOf(settings);

export const limitsSection = section({
  title: 'Query limits',
  settings,
  build: (values): { limits: QueryLimits } => ({ limits: values }),
});
