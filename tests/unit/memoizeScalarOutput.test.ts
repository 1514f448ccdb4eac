import { buildSchema, GraphQLScalarType, GraphQLSchema, GraphQLObjectType, graphqlSync } from 'graphql';
import { DateTimeResolver, URLResolver } from 'graphql-scalars';
import { memoizeScalarOutput } from '../../src/server/memoizeScalarOutput';

function schemaWith(values: Record<string, unknown>): GraphQLSchema {
  const fresh = (scalar: GraphQLScalarType) => new GraphQLScalarType(scalar.toConfig());
  const url = fresh(URLResolver);
  const dateTime = fresh(DateTimeResolver);
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { url: { type: url, resolve: () => values.url }, at: { type: dateTime, resolve: () => values.at } },
    }),
  });
}

describe('memoizeScalarOutput', () => {
  const cases = [
    { url: 'https://example.com/a b?x=1#y', at: '2026-01-15T09:30:00+01:00' },
    { url: 'HTTPS://EXAMPLE.com:443/', at: '2026-01-15T08:30:00.000Z' },
  ];

  it.each(cases)('answers exactly what the scalars answer, the first time and the next', (values) => {
    const plain = schemaWith(values);
    const memoized = schemaWith(values);
    memoizeScalarOutput(memoized, ['URL', 'DateTime']);
    const expected = JSON.stringify(graphqlSync({ schema: plain, source: '{ url at }' }));
    for (let run = 0; run < 3; run += 1) expect(JSON.stringify(graphqlSync({ schema: memoized, source: '{ url at }' }))).toBe(expected);
  });

  it('still refuses values the scalars refuse, every time', () => {
    const memoized = schemaWith({ url: 'not a url', at: 'yesterday' });
    memoizeScalarOutput(memoized, ['URL', 'DateTime']);
    for (let run = 0; run < 2; run += 1) {
      const { errors } = graphqlSync({ schema: memoized, source: '{ url at }' });
      expect(errors?.map((error) => error.path)).toEqual([['url'], ['at']]);
    }
  });

  it('refuses a name that is not a scalar', () => {
    expect(() => memoizeScalarOutput(buildSchema('type Query { a: Int }'), ['Query'])).toThrow('Query is not a scalar');
  });
});
