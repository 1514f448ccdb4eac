import { isScalarType, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * graphql-scalars serializes each URL by parsing it (`new URL(value).toString()`) and each DateTime by
 * validating and parsing it into a Date: a dozen parses per article page, every request, of the same few
 * strings (cached records repeat them). Their output depends only on the string, so it is remembered, as
 * the JSON value it becomes (a Date turns into its ISO string; JSON.stringify would write just that).
 * Values that fail to serialize are not remembered: they throw as before.
 */
export function memoizeScalarOutput(schema: GraphQLSchema, scalarNames: readonly string[], maxEntries = 20_000): void {
  for (const name of scalarNames) {
    const scalar = schema.getType(name);
    if (!isScalarType(scalar)) throw new Error(`${name} is not a scalar of this schema`);
    const serialize = scalar.serialize.bind(scalar);
    const outputs = new LRUCache<string, string | number | boolean>({ max: maxEntries });
    scalar.serialize = (value: unknown) => {
      if (typeof value !== 'string') return serialize(value);
      let output = outputs.get(value);
      if (output === undefined) {
        const serialized: unknown = serialize(value);
        if (serialized instanceof Date) output = serialized.toISOString();
        else if (typeof serialized === 'string' || typeof serialized === 'number' || typeof serialized === 'boolean') output = serialized;
        else return serialized;
        outputs.set(value, output);
      }
      return output;
    };
  }
}
