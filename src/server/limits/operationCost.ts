import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type FieldNode,
  type SelectionSetNode,
} from 'graphql';

/** The argument that sets a list's page size in this schema (`posts(first:)`, `relatedStories(first:)`). */
const PAGE_SIZE_ARGUMENT = 'first';
/** A Federation subgraph's `_entities(representations:)` resolves its selection once per representation. */
const ENTITIES_FIELD = '_entities';

/**
 * An upper bound of the fields an operation resolves, computed before it runs: each field costs 1, and the
 * sub-selection of a field with a `first` argument counts `first` times (a page of 50 posts resolves each
 * post's fields 50 times). `first` is read from a literal, a variable or the argument's default, so
 * `posts(first: $n)` costs what `$n` asks. Introspection and `__typename` are free (the gateway answers
 * them without upstreams); abstract selections count every branch, an overestimate that stays safe.
 *
 * `variableValues` must be coerced (defaults applied); when they could not be coerced the operation will
 * not run, and page sizes fall back to 1.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variableValues: Record<string, unknown>,
): number {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  // A fragment costs the same wherever it is spread, so each is walked once however often it is used.
  const fragmentCosts = new Map<string, number>();

  const selectionSetCost = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parentType);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeCondition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (isCompositeType(typeCondition)) total += selectionSetCost(selection.selectionSet, typeCondition);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  const fieldCost = (node: FieldNode, parentType: GraphQLCompositeType): number => {
    if (node.name.value.startsWith('__')) return 0;
    const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
    // Unknown fields never get here in practice: validation has already refused them.
    if (!field) return 0;
    const childType = getNamedType(field.type);
    if (!node.selectionSet || !isCompositeType(childType)) return 1;
    return 1 + pageSize(field, node) * selectionSetCost(node.selectionSet, childType);
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    // Marks the fragment in progress: a cycle (refused by validation anyway) cannot recurse forever.
    fragmentCosts.set(name, 0);
    const fragment = fragments.get(name);
    const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
    const cost = fragment && isCompositeType(type) ? selectionSetCost(fragment.selectionSet, type) : 0;
    fragmentCosts.set(name, cost);
    return cost;
  };

  const pageSize = (field: GraphQLField<unknown, unknown>, node: FieldNode): number => {
    const entities = field.name === ENTITIES_FIELD && field.args.some((arg) => arg.name === 'representations');
    if (!entities && !field.args.some((arg) => arg.name === PAGE_SIZE_ARGUMENT)) return 1;
    let value: unknown;
    try {
      value = getArgumentValues(field, node, variableValues)[entities ? 'representations' : PAGE_SIZE_ARGUMENT];
    } catch {
      return 1;
    }
    if (entities) return Array.isArray(value) ? Math.max(1, value.length) : 1;
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : 1;
  };

  return selectionSetCost(operation.selectionSet, rootType);
}
