import { buildSchema, parse } from 'graphql';
import { CompiledQueries } from '../../src/server/execution/CompiledQueries';

const schema = buildSchema('type Query { hello: String, other: Int }');

describe('CompiledQueries', () => {
  it('compiles a document once it has been executed compileAfter times, then keeps the compiled form', () => {
    const queries = new CompiledQueries(schema, { compileAfter: 2 });
    const document = parse('{ hello }');
    expect(queries.get(document, undefined)).toBeUndefined();
    expect(queries.get(document, undefined)).toBeUndefined();
    const compiled = queries.get(document, undefined);
    expect(compiled).toBeDefined();
    expect(queries.get(document, undefined)).toBe(compiled);
  });

  it('keeps each operation of a document apart', () => {
    const queries = new CompiledQueries(schema, { compileAfter: 0 });
    const document = parse('query A { hello } query B { other }');
    const a = queries.get(document, 'A');
    const b = queries.get(document, 'B');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
  });

  it('leaves a document graphql-jit refuses to graphql-js, for good', () => {
    const queries = new CompiledQueries(schema, { compileAfter: 0 });
    // No operation named C: graphql-jit answers with errors rather than a query function.
    const document = parse('query A { hello }');
    expect(queries.get(document, 'C')).toBeUndefined();
    expect(queries.get(document, 'C')).toBeUndefined();
  });
});
