import { getVariableValues, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { buildGatewaySchema } from '../../src/server/buildGatewaySchema';
import { operationCost } from '../../src/server/limits/operationCost';
import { buildGatewaySubgraphSchema } from '../../src/server/subgraph/buildGatewaySubgraphSchema';

const schema = buildGatewaySchema();

function cost(query: string, variables: Record<string, unknown> = {}, against = schema): number {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const { coerced, errors } = getVariableValues(against, operation.variableDefinitions ?? [], variables);
  if (errors) throw errors[0];
  return operationCost(against, operation, fragments, coerced);
}

describe('operationCost', () => {
  it('counts one per field', () => {
    expect(cost('{ post(slug: "a") { id title author { name } } }')).toBe(5);
  });

  it('multiplies a page by its literal first', () => {
    // posts 1 + 50 × (edges 1 + node 1 + title 1)
    expect(cost('{ posts(first: 50) { edges { node { title } } } }')).toBe(1 + 50 * 3);
  });

  it('reads first from a variable, and from the variable default when the variable is not sent', () => {
    const query = 'query($n: Int = 20) { posts(first: $n) { edges { node { title } } } }';
    expect(cost(query, { n: 100 })).toBe(1 + 100 * 3);
    expect(cost(query)).toBe(1 + 20 * 3);
  });

  it('uses the schema default of first when the argument is left out', () => {
    // Query.posts(first: Int! = 10), Post.relatedStories(first: Int! = 6)
    expect(cost('{ posts { edges { node { relatedStories { title } } } } }')).toBe(1 + 10 * (1 + 1 + (1 + 6 * 1)));
  });

  it('compounds nested pages', () => {
    const nested = '{ posts(first: 100) { edges { node { relatedStories(first: 20) { post { author { name } } } } } } }';
    expect(cost(nested)).toBe(1 + 100 * (1 + 1 + (1 + 20 * (1 + 1 + 1))));
  });

  it('counts fragments where they are spread, and each spread of the same fragment again', () => {
    const once = cost('{ posts(first: 10) { edges { node { ...Teaser } } } } fragment Teaser on Post { title author { name } }');
    expect(once).toBe(1 + 10 * (1 + 1 + 3));
    const inline = cost('{ posts(first: 10) { edges { node { ... on Post { title author { name } } } } } }');
    expect(inline).toBe(once);
    const spreads = Array.from({ length: 1000 }, () => '...Teaser').join(' ');
    expect(cost(`{ post(slug: "a") { ${spreads} } } fragment Teaser on Post { title author { name } }`)).toBe(1 + 1000 * 3);
  });

  it('leaves introspection and __typename free', () => {
    expect(cost('{ __typename post(slug: "a") { __typename id } }')).toBe(2);
  });

  it("counts a subgraph's _entities selection once per representation", () => {
    const subgraph = buildGatewaySubgraphSchema();
    const query = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Post { title author { name } } } }';
    const representations = (count: number) => Array.from({ length: count }, (_, index) => ({ __typename: 'Post', id: `p${index}` }));
    // _entities 1 + n × (title 1 + author 1 + name 1)
    expect(cost(query, { representations: representations(20) }, subgraph)).toBe(1 + 20 * 3);
    expect(cost(query, { representations: representations(1) }, subgraph)).toBe(1 + 3);
    expect(cost('{ _entities(representations: []) { ... on Post { title } } }', {}, subgraph)).toBe(1 + 1);
  });
});
