import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Root fields whose data belongs to the caller alone. */
const PRIVATE_ROOT_FIELDS: ReadonlySet<string> = new Set(['viewer']);

const verdicts = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether an operation is the caller's alone whatever it resolves to: any mutation (it acts for the
 * caller), and any query that asks for `viewer` at its root, directly or through fragments. Decided from
 * the document before anything runs, so a refusal, a variable error or an anonymous `viewer: null` is as
 * private as the reader's data would have been. Remembered per parsed operation (Apollo keeps documents).
 */
export function isPrivateOperation(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  let verdict = verdicts.get(operation);
  if (verdict === undefined) {
    verdict = operation.operation !== 'query' || selectsPrivateRoot(document, operation.selectionSet, new Set());
    verdicts.set(operation, verdict);
  }
  return verdict;
}

function selectsPrivateRoot(document: DocumentNode, selections: SelectionSetNode, seenFragments: Set<string>): boolean {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD && PRIVATE_ROOT_FIELDS.has(selection.name.value)) return true;
    if (selection.kind === Kind.INLINE_FRAGMENT && selectsPrivateRoot(document, selection.selectionSet, seenFragments)) return true;
    if (selection.kind === Kind.FRAGMENT_SPREAD && !seenFragments.has(selection.name.value)) {
      seenFragments.add(selection.name.value);
      const fragment = document.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION && selectsPrivateRoot(document, fragment.selectionSet, seenFragments)) return true;
    }
  }
  return false;
}
