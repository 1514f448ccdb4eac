import { Kind, parse, print, visit, type DocumentNode, type FieldNode } from 'graphql';

const TYPENAME_FIELD: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * The document as Apollo Client sends it: `__typename` added to every selection set but the operation's own,
 * unless it selects `__typename` (or another `__` field) already or is `@export`ed. Mirrors
 * `addTypenameToDocument` in @apollo/client 4.3.8 (utilities/graphql/transform.js); a test runs the real client
 * against it, so a change there shows as a hash the gateway does not know.
 */
export function withTypenameAsApolloClient(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      enter(node, _key, parent) {
        if (isNode(parent) && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
        if (node.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'))) return undefined;
        if (isNode(parent) && parent.kind === Kind.FIELD && parent.directives?.some((directive) => directive.name.value === 'export')) return undefined;
        return { ...node, selections: [...node.selections, TYPENAME_FIELD] };
      },
    },
  });
}

/**
 * What two documents share when they differ only by `__typename` selections, layout or the order of their
 * definitions: the document without unaliased `__typename` fields, its operation first and fragments by name,
 * printed. `__typename` changes no resolver call and no answer but its own field, so a client that adds it
 * (Apollo Client adds it everywhere) still runs a trusted operation.
 */
export function typenameFreeKey(document: DocumentNode): string {
  const stripped = visit(document, {
    Field(node) {
      return node.name.value === '__typename' && node.alias === undefined ? null : undefined;
    },
  });
  const definitions = [...stripped.definitions].sort((a, b) => definitionOrder(a).localeCompare(definitionOrder(b)));
  return print({ ...stripped, definitions });
}

/** The key of a document's text, or undefined for text that does not parse (Apollo answers that itself). */
export function typenameFreeKeyOfText(text: string): string | undefined {
  try {
    return typenameFreeKey(parse(text, { noLocation: true }));
  } catch {
    return undefined;
  }
}

function definitionOrder(definition: DocumentNode['definitions'][number]): string {
  const name = 'name' in definition && definition.name ? definition.name.value : '';
  return `${definition.kind === Kind.OPERATION_DEFINITION ? '0' : '1'}${name}`;
}

function isNode(value: unknown): value is { kind: string; directives?: readonly { name: { value: string } }[] } {
  return typeof value === 'object' && value !== null && 'kind' in value;
}
