import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getVariableValues, Kind, Lexer, Source, TokenKind, validate, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { QUERY_LIMIT_DEFAULTS } from '../../src/config';
import { buildGatewaySchema } from '../../src/server/buildGatewaySchema';
import { operationCost } from '../../src/server/limits/operationCost';
import { POSTS_PAGE } from '../../src/schema/args';
import { operationFiles } from '../support/operationFiles';

const schema = buildGatewaySchema();

/** What armor's own rule measures, read through its onAccept callback (the limit set out of reach). */
function measured(rule: typeof maxDepthRule, document: DocumentNode): number {
  let found = -1;
  const errors = validate(schema, document, [rule({ n: 1_000_000, flattenFragments: true, allowList: [], onAccept: [(_context: unknown, { n }: { n: number }) => (found = n)] } as never)]);
  expect(errors).toEqual([]);
  return found;
}

function tokenCount(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** Cost with every `first` variable at the largest page the schema allows: the dearest way to run it. */
function costAtLargestPage(document: DocumentNode): number {
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  const inputs: Record<string, unknown> = { slug: 'any', postId: 'UG9zdDox', email: 'reader@example.com' };
  for (const variable of operation.variableDefinitions ?? []) {
    if (variable.variable.name.value === 'first') inputs.first = POSTS_PAGE.max;
  }
  const { coerced, errors } = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  expect(errors).toBeUndefined();
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  return operationCost(schema, operation, fragments, coerced ?? {});
}

describe('query limit defaults leave room for every real operation', () => {
  const operations = operationFiles();
  const report = operations.map(({ name, source, document }) => ({
    name,
    depth: measured(maxDepthRule, document),
    aliases: measured(maxAliasesRule as never, document),
    directives: measured(maxDirectivesRule as never, document),
    tokens: tokenCount(source),
    cost: costAtLargestPage(document),
  }));

  it('measures the operations the defaults were chosen from', () => {
    expect(operations.map((operation) => operation.name)).toEqual(expect.arrayContaining(['ArticlePage', 'AuthorPage', 'LatestPosts', 'TopicPage']));
    // The figures quoted in src/config.ts and the README: change both when an operation changes them.
    expect(Math.max(...report.map((row) => row.depth))).toBe(6);
    expect(Math.max(...report.map((row) => row.tokens))).toBe(94);
    expect(Math.max(...report.map((row) => row.cost))).toBe(2401);
    expect(report.find((row) => row.name === 'ArticlePage')).toMatchObject({ depth: 5 });
  });

  it.each(operations.map((operation) => operation.name))('%s is well inside every default', (name) => {
    const row = report.find((candidate) => candidate.name === name);
    if (!row) throw new Error(name);
    expect(row.depth).toBeLessThanOrEqual(QUERY_LIMIT_DEFAULTS.maxDepth - 4);
    expect(row.aliases).toBeLessThanOrEqual(QUERY_LIMIT_DEFAULTS.maxAliases);
    expect(row.directives).toBeLessThanOrEqual(QUERY_LIMIT_DEFAULTS.maxDirectives);
    expect(row.tokens).toBeLessThanOrEqual(QUERY_LIMIT_DEFAULTS.maxTokens / 4);
    expect(row.cost).toBeLessThanOrEqual(QUERY_LIMIT_DEFAULTS.maxCost / 2);
  });
});
