import {
  getNamedType,
  isCompositeType,
  isObjectType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ConstDirectiveNode,
} from 'graphql';

/** What Apollo's `CachePolicy.policyIfCacheable()` answers: null when the response must not be cached. */
export type CacheableHint = { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' } | null;

interface Hint {
  maxAge?: number;
  private: boolean;
}

interface FieldPlan {
  responseKey: string;
  /** What this field adds to the response's policy whenever it resolves. */
  hint: Hint;
  /** The plans for the objects it returns, by their concrete type; absent for leaves. */
  children?: Map<string, SelectionPlan>;
  /** Set on a subgraph's `_entities` field: see entitiesHints. */
  entities?: { empty: Hint; missing: Hint };
}

interface SelectionPlan {
  fields: FieldPlan[];
  /** The most restrictive hint anywhere below: a walk that is already as restrictive skips the subtree. */
  floor: Hint;
  /** Below `_entities`: the hint of the entity's own type. */
  entity?: Hint;
}

/**
 * The cache policy Apollo's cache-control plugin would compute for an operation, without its per-field
 * `willResolveField` hook (which makes Apollo wrap every resolver of the schema, a cost paid on every
 * field of every request).
 *
 * Apollo restricts the policy with a hint for each field that resolves. The hint depends only on the field
 * and the schema's `@cacheControl` directives, so it is computed once per operation; which fields resolved
 * is read back from the result: in a response without errors, a field resolved exactly when its response
 * key is in its parent object. (A response with errors is never cached, whatever its policy.) Below an
 * interface or union the object's type is read from `__typename` when selected, otherwise from which
 * keys it has; if several types fit, the hints of all of them apply, which can only shorten the maxAge.
 */
export function createOperationCachePolicy(schema: GraphQLSchema, options: { defaultMaxAge: number }) {
  const plans = new WeakMap<OperationDefinitionNode, SelectionPlan | undefined>();
  const typeHints = new Map<GraphQLNamedType, DirectiveHint>();
  const typeHint = (type: GraphQLNamedType): DirectiveHint => {
    let hint = typeHints.get(type);
    if (!hint) {
      hint = hintOfType(type);
      typeHints.set(type, hint);
    }
    return hint;
  };

  /** Apollo's `willResolveField` arithmetic for one field, done once. */
  const fieldHint = (field: GraphQLField<unknown, unknown>, isRoot: boolean): Hint => {
    let maxAge: number | undefined;
    let scope: Scope | undefined;
    let inheritMaxAge = false;
    const target = getNamedType(field.type);
    const composite = isCompositeType(target);
    if (composite) {
      const fromType = typeHint(target);
      maxAge = fromType.maxAge;
      scope = fromType.scope;
      inheritMaxAge = fromType.inheritMaxAge;
    }
    const fromField = hintOfDirectives(field.astNode?.directives) ?? NO_HINT;
    if (fromField.inheritMaxAge && maxAge === undefined) {
      inheritMaxAge = true;
      scope = fromField.scope ?? scope;
    } else {
      maxAge = fromField.maxAge ?? maxAge;
      scope = fromField.scope ?? scope;
    }
    if (maxAge === undefined && ((composite && !inheritMaxAge) || isRoot)) maxAge = options.defaultMaxAge;
    return { maxAge, private: scope === 'PRIVATE' };
  };

  const compile = (document: DocumentNode, operation: OperationDefinitionNode): SelectionPlan | undefined => {
    const root = schema.getRootType(operation.operation);
    if (!root) return undefined;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }

    const planFor = (parent: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], isRoot: boolean): SelectionPlan => {
      // Fields are merged by response key, as execution merges them; @skip and @include are left to the
      // result, which simply lacks what was skipped.
      const byKey = new Map<string, FieldNode[]>();
      const visited = new Set<string>();
      const collect = (selectionSet: SelectionSetNode) => {
        for (const selection of selectionSet.selections) {
          if (selection.kind === Kind.FIELD) {
            const key = selection.alias?.value ?? selection.name.value;
            byKey.set(key, [...(byKey.get(key) ?? []), selection]);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            if (!selection.typeCondition || appliesTo(selection.typeCondition.name.value, parent)) collect(selection.selectionSet);
          } else {
            const fragment = fragments.get(selection.name.value);
            if (!fragment || visited.has(fragment.name.value) || !appliesTo(fragment.typeCondition.name.value, parent)) continue;
            visited.add(fragment.name.value);
            collect(fragment.selectionSet);
          }
        }
      };
      for (const selectionSet of selectionSets) collect(selectionSet);

      const fields: FieldPlan[] = [];
      const floor: Hint = { maxAge: undefined, private: false };
      // Apollo instruments neither meta fields (__typename, __schema, __type) nor introspection types.
      const definitions = parent.name.startsWith('__') ? {} : parent.getFields();
      for (const [responseKey, nodes] of byKey) {
        const field = definitions[(nodes[0] as FieldNode).name.value];
        if (!field) continue;
        const target = getNamedType(field.type);
        const entities = isRoot && field.name === ENTITIES_FIELD && isUnionType(target);
        const plan: FieldPlan = { responseKey, hint: entities ? { maxAge: undefined, private: false } : fieldHint(field, isRoot) };
        restrict(floor, plan.hint);
        const childSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
        if (childSets.length > 0 && isCompositeType(target)) {
          plan.children = new Map();
          const possible = isObjectType(target) ? [target] : schema.getPossibleTypes(target);
          if (entities) plan.entities = { empty: { maxAge: options.defaultMaxAge, private: false }, missing: { maxAge: undefined, private: false } };
          for (const type of possible) {
            const child = planFor(type, childSets, false);
            if (plan.entities) {
              const fromType = typeHint(type);
              child.entity = { maxAge: fromType.maxAge, private: fromType.scope === 'PRIVATE' };
              restrict(child.floor, child.entity);
              restrict(plan.entities.missing, child.entity);
            }
            plan.children.set(type.name, child);
            restrict(floor, child.floor);
          }
        }
        fields.push(plan);
      }
      return { fields, floor };
    };

    const appliesTo = (typeName: string, parent: GraphQLObjectType): boolean => {
      if (typeName === parent.name) return true;
      const condition = schema.getType(typeName);
      return condition !== undefined && isCompositeType(condition) && !isObjectType(condition) && schema.isSubType(condition, parent);
    };

    return planFor(root, [operation.selectionSet], true);
  };

  return (document: DocumentNode, operation: OperationDefinitionNode, data: unknown): CacheableHint => {
    let plan = plans.get(operation);
    if (plan === undefined && !plans.has(operation)) {
      plan = compile(document, operation);
      plans.set(operation, plan);
    }
    const policy: Hint = { maxAge: undefined, private: false };
    if (plan) walk(plan, data, policy);
    if (policy.maxAge === undefined || policy.maxAge === 0) return null;
    return { maxAge: policy.maxAge, scope: policy.private ? 'PRIVATE' : 'PUBLIC' };
  };
}

function walk(plan: SelectionPlan, value: unknown, policy: Hint): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walk(plan, item, policy);
    return;
  }
  if (covers(policy, plan.floor)) return;
  if (plan.entity) restrict(policy, plan.entity);
  const object = value as Record<string, unknown>;
  for (const field of plan.fields) {
    if (!Object.hasOwn(object, field.responseKey)) continue;
    restrict(policy, field.hint);
    if (field.entities) entitiesHints(field.entities, object[field.responseKey], policy);
    if (field.children) walkChildren(field.children, object[field.responseKey], policy, field.entities?.missing);
  }
}

/**
 * A subgraph's `_entities` root field, as Apollo's cache-control plugin sees it together with
 * @apollo/subgraph 2.14's entitiesResolver: the field has no hint of its own, each representation
 * restricts it with its type's hint (so the root field's default applies only when there are none), and
 * each entity's fields add their hints as anywhere else. An entity that resolved to null gives no type to
 * read here; the most restrictive entity type's hint stands in for it, which can only shorten the maxAge.
 */
function entitiesHints(entities: NonNullable<FieldPlan['entities']>, value: unknown, policy: Hint): void {
  if (Array.isArray(value) && value.length === 0) restrict(policy, entities.empty);
}

function walkChildren(children: Map<string, SelectionPlan>, value: unknown, policy: Hint, missing?: Hint): void {
  if (value === null && missing) restrict(policy, missing);
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walkChildren(children, item, policy, missing);
    return;
  }
  if (children.size === 1) {
    for (const plan of children.values()) walk(plan, value, policy);
    return;
  }
  const object = value as Record<string, unknown>;
  const typename = object.__typename;
  const named = typeof typename === 'string' ? children.get(typename) : undefined;
  if (named) return walk(named, object, policy);
  const keys = Object.keys(object);
  for (const plan of children.values()) {
    if (keys.every((key) => plan.fields.some((field) => field.responseKey === key) || key === '__typename')) walk(plan, object, policy);
  }
}

function restrict(policy: Hint, hint: Hint): void {
  if (hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge)) policy.maxAge = hint.maxAge;
  if (hint.private) policy.private = true;
}

function covers(policy: Hint, floor: Hint): boolean {
  const maxAgeCovered = floor.maxAge === undefined || (policy.maxAge !== undefined && policy.maxAge <= floor.maxAge);
  return maxAgeCovered && (policy.private || !floor.private);
}

type Scope = 'PUBLIC' | 'PRIVATE';

/** The root field a Federation subgraph resolves a router's entity references with. */
const ENTITIES_FIELD = '_entities';

interface DirectiveHint {
  maxAge?: number;
  scope?: Scope;
  inheritMaxAge: boolean;
}

const NO_HINT: DirectiveHint = { inheritMaxAge: false };

/** As Apollo reads a type's hint: its own directives first, then its extensions'. */
function hintOfType(type: GraphQLNamedType): DirectiveHint {
  const nodes = [type.astNode, ...(type.extensionASTNodes ?? [])];
  for (const node of nodes) {
    const hint = hintOfDirectives(node?.directives);
    if (hint) return hint;
  }
  return NO_HINT;
}

/** Apollo's reading of `@cacheControl(maxAge:, scope:, inheritMaxAge:)`: literal arguments only. */
function hintOfDirectives(directives: readonly ConstDirectiveNode[] | undefined): DirectiveHint | undefined {
  const directive = directives?.find((node) => node.name.value === 'cacheControl');
  if (!directive?.arguments) return undefined;
  const argument = (name: string) => directive.arguments?.find((node) => node.name.value === name)?.value;
  const scopeValue = argument('scope');
  const scopeName = scopeValue?.kind === Kind.ENUM ? scopeValue.value : undefined;
  const scope = scopeName === 'PUBLIC' || scopeName === 'PRIVATE' ? scopeName : undefined;
  const inherit = argument('inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, scope };
  const maxAge = argument('maxAge');
  return { maxAge: maxAge?.kind === Kind.INT ? parseInt(maxAge.value, 10) : undefined, scope, inheritMaxAge: false };
}
