import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimits } from '../../config';

export type QueryLimitName = 'depth' | 'aliases' | 'directives' | 'cost';

/**
 * GraphQL Armor's depth, alias and directive rules as plain validation rules, so Apollo answers a refused
 * document like any invalid one: 400 with GRAPHQL_VALIDATION_FAILED, before anything executes.
 *
 * Armor's default is to throw from inside the validator, which Apollo Server 5 turns into a 500
 * INTERNAL_SERVER_ERROR; reporting through the validation context instead gives the 400. Armor also
 * prefixes its messages with "Syntax Error:", which they are not.
 */
export function createQueryLimitRules(limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>): ValidationRule[] {
  return [
    // Fragments count at the depth of the fields inside them, as if written inline: colocated fragments
    // are how clients write queries and must not look deeper than they are.
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [reportAs('depth', limits.maxDepth)] }),
    // Every alias counts, `__typename` ones too: ten thousand of those are as much work to answer.
    maxAliasesRule({ n: limits.maxAliases, allowList: [], propagateOnRejection: false, onReject: [reportAs('aliases', limits.maxAliases)] }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [reportAs('directives', limits.maxDirectives)] }),
  ];
}

/** The extensions every query-limit refusal carries, so clients can tell which limit they hit. */
export function limitExtensions(limit: QueryLimitName, maximum: number): Record<string, unknown> {
  return { limit, maximum };
}

function reportAs(limit: QueryLimitName, maximum: number) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: limitExtensions(limit, maximum) }));
  };
}
