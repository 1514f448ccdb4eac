import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * The variables each operation declares, by document (its SHA-256, so a persisted-query hash and the
 * full text meet) and operation name: what the response-cache key may hold, and what a request may send.
 * Derived from documents alone, so one table serves every request and gateway in the process; learnt
 * when a document's text is first keyed, and from Apollo's resolved operation (a persisted query sent by
 * hash only, whose text this instance never saw).
 */
const declared = new LRUCache<string, Map<string | null, readonly string[]>>({ max: 1_000 });

function namesOf(operation: OperationDefinitionNode): readonly string[] {
  return (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value);
}

/** Notes every operation of a document; the sole operation also under `null` (no operationName needed). */
export function noteDeclaredVariables(documentHash: string, document: DocumentNode): void {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const byName = new Map<string | null, readonly string[]>();
  for (const operation of operations) if (operation.name) byName.set(operation.name.value, namesOf(operation));
  if (operations.length === 1) byName.set(null, namesOf(operations[0] as OperationDefinitionNode));
  declared.set(documentHash, byName);
}

/**
 * The names an operation declares; `undefined` when unknown: a hash whose text was never seen here, a
 * document that does not parse, or no operation of that name (Apollo then answers the request itself).
 */
export function declaredVariables(documentHash: string, query: string | undefined, operationName: string | undefined): readonly string[] | undefined {
  let byName = declared.get(documentHash);
  if (!byName && query !== undefined) {
    try {
      noteDeclaredVariables(documentHash, parse(query, { noLocation: true }));
    } catch {
      return undefined;
    }
    byName = declared.get(documentHash);
  }
  return byName?.get(operationName ?? null);
}

/** The names in `variables` the operation does not declare. */
export function undeclaredVariables(variables: unknown, names: readonly string[]): string[] {
  if (variables === null || typeof variables !== 'object') return [];
  return Object.keys(variables).filter((name) => !names.includes(name));
}
