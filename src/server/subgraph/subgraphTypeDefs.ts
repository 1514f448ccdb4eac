import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, visit, type ConstDirectiveNode, type DocumentNode, type GraphQLSchema } from 'graphql';

/** The Federation version the subgraph links: 2.3 has everything used here and every current router reads it. */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.3';

/**
 * What the subgraph adds to the public schema, by type. Only here, never on the type-graphql classes, so
 * that `schema.graphql` and the standalone endpoint stay exactly as they are with SUBGRAPH off.
 */
const FEDERATION_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  // The global ids are the keys: a router (or another subgraph) sends back exactly what `id` returned.
  Post: ['@key(fields: "id")'],
  Author: ['@key(fields: "id")'],
  Topic: ['@key(fields: "id")'],
  // Relay's PageInfo is the value type other subgraphs paginate with too; shareable, identical copies compose.
  PageInfo: ['@shareable'],
  // Only there for the @cacheControl hints the subgraph reads itself; nothing a supergraph client should see.
  CacheControlScope: ['@inaccessible'],
};

/**
 * The public schema as Federation 2 subgraph SDL, the way type-graphql's apollo-federation-2 example
 * makes it: the type-graphql schema printed with its directives (`@cacheControl` included, which the
 * subgraph's own cache policy reads), a `@link` to federation, and the keys. `buildSubgraphSchema` turns
 * it into the executable schema with `_service` and `_entities`.
 */
export function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  const printed = parse(printSchemaWithDirectives(schema));
  const withDirectives = visit(printed, {
    enter(node) {
      if (!('name' in node) || node.name === undefined || !('directives' in node)) return undefined;
      if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.ENUM_TYPE_DEFINITION) return undefined;
      const added = FEDERATION_DIRECTIVES[node.name.value];
      return added ? { ...node, directives: [...(node.directives ?? []), ...added.map(directive)] } : undefined;
    },
  });
  const link = parse(`extend schema @link(url: "${FEDERATION_LINK}", import: ["@key", "@shareable", "@inaccessible"])`);
  return { kind: Kind.DOCUMENT, definitions: [...link.definitions, ...withDirectives.definitions] };
}

function directive(source: string): ConstDirectiveNode {
  const parsed = parse(`scalar S ${source}`).definitions[0];
  if (parsed?.kind !== Kind.SCALAR_TYPE_DEFINITION || !parsed.directives?.[0]) throw new Error(`not a directive: ${source}`);
  return parsed.directives[0];
}
