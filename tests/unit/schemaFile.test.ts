import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildGatewaySchema } from '../../src/server/buildGatewaySchema';

describe('schema.graphql', () => {
  it('matches the code-first schema (run `npm run codegen` after changing the schema)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    const normalize = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));
    expect(normalize(committed)).toBe(printSchema(lexicographicSortSchema(buildGatewaySchema())));
  });
});
