import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

const answers = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether an operation asks for `_entities` at its root (directly, or through fragments). Such
 * operations run on graphql-js: graphql-jit 0.8.9 returns a list of nullable items one item short when
 * its last item fails before an earlier one has resolved (a malformed id after an entity still loading),
 * and a router matches `_entities` to its representations by position. Remembered per operation, which
 * Apollo's document store hands out again for the same query text.
 */
export function selectsEntities(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  let answer = answers.get(operation);
  if (answer === undefined) {
    answer = rootSelects(document, operation.selectionSet, new Set());
    answers.set(operation, answer);
  }
  return answer;
}

function rootSelects(document: DocumentNode, selectionSet: SelectionSetNode, visited: Set<string>): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '_entities';
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootSelects(document, selection.selectionSet, visited);
    if (visited.has(selection.name.value)) return false;
    visited.add(selection.name.value);
    const fragment = document.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value);
    return fragment?.kind === Kind.FRAGMENT_DEFINITION && rootSelects(document, fragment.selectionSet, visited);
  });
}
