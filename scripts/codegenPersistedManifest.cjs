// GraphQL Code Generator plugin: writes the trusted-documents manifest, in Apollo's persisted query manifest
// format, for the operations in operations/*.graphql. Each operation's body is the printed operation plus
// the fragments it uses; its id is the SHA-256 of that body (hex), the hash Apollo clients send as
// extensions.persistedQuery.sha256Hash. The gateway serves these by id, and only these when
// PERSISTED_OPERATIONS_ONLY=true.
const { createHash } = require('node:crypto');
const { Kind, print, visit } = require('graphql');

function sha256Hex(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Fragments an operation spreads, directly or through other fragments, in a stable order. */
function fragmentsUsedBy(operation, fragmentsByName) {
  const used = new Map();
  const pending = [operation];
  while (pending.length > 0) {
    visit(pending.pop(), {
      FragmentSpread(node) {
        const name = node.name.value;
        const fragment = fragmentsByName.get(name);
        if (!fragment) throw new Error(`Fragment "${name}" is spread but not defined in operations/.`);
        if (!used.has(name)) {
          used.set(name, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

/** The manifest for a list of parsed documents (DocumentNodes). Exported for the freshness test. */
function buildPersistedManifest(documents) {
  const definitions = documents.flatMap((document) => document.definitions);
  const fragmentsByName = new Map(
    definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const operations = definitions
    .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      if (!operation.name) throw new Error('Every operation in operations/ needs a name: the manifest lists operations by name.');
      const body = print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsUsedBy(operation, fragmentsByName)] });
      return { id: sha256Hex(body), name: operation.name.value, type: operation.operation, body };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

module.exports = {
  buildPersistedManifest,
  plugin(_schema, documentFiles) {
    const manifest = buildPersistedManifest(documentFiles.map((file) => file.document).filter(Boolean));
    return `${JSON.stringify(manifest, null, 2)}\n`;
  },
};
