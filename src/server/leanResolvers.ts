import { isObjectType, isScalarType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ResolverMetadata = Pick<ReturnType<typeof getMetadataStorage>['queries'][number], 'target' | 'schemaName' | 'methodName' | 'params' | 'middlewares' | 'roles'>;
type ParamMetadata = NonNullable<ResolverMetadata['params']>[number];
type ParamReader = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/** Argument types passed through as they come: type-graphql converts only input and args classes. */
const PLAIN_ARGUMENT_TYPES: readonly unknown[] = [String, Number, Boolean];

/**
 * type-graphql calls every resolver method through a general wrapper that, on each call, copies the
 * parent record into a new instance of its class (twice: for the type and for `@Root()`), re-sorts the
 * parameter list and runs the middleware chain, even an empty one. For ArticlePage that is some fifty
 * calls per request, and it is most of what executing it costs once records are cached.
 *
 * This replaces, once after the schema is built, each query and field resolver whose parameters are only
 * `@Root()`, `@Ctx()`, `@Info()` and `@Arg()` of scalars, and that has no middleware or roles, with a
 * direct call of the same method with the same values. Records are plain data (see src/schema), so the
 * class copies changed nothing. Any other resolver keeps type-graphql's wrapper.
 */
export function leanResolvers(schema: GraphQLSchema, resolverClasses: readonly Function[]): void {
  const storage = getMetadataStorage();
  const typeNameOf = (target: Function) => storage.objectTypes.find((type) => type.target === target)?.name;
  const instances = new Map<Function, Record<string, (...params: unknown[]) => unknown>>();
  const instanceOf = (target: Function) => {
    let instance = instances.get(target);
    if (!instance) {
      instance = new (target as new () => Record<string, (...params: unknown[]) => unknown>)();
      instances.set(target, instance);
    }
    return instance;
  };

  const replace = (typeName: string | undefined, metadata: ResolverMetadata) => {
    if (!resolverClasses.includes(metadata.target) || (metadata.middlewares?.length ?? 0) > 0 || (metadata.roles?.length ?? 0) > 0) return;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[metadata.schemaName] : undefined;
    const readers = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index).map(readerFor);
    if (!field || readers.some((reader) => reader === undefined)) return;
    const instance = instanceOf(metadata.target);
    const method = instance[metadata.methodName];
    if (typeof method !== 'function') return;
    const read = readers as ParamReader[];
    const resolve: GraphQLFieldResolver<unknown, unknown> = (root, args, context, info) => {
      const values = new Array<unknown>(read.length);
      for (let index = 0; index < read.length; index += 1) values[index] = (read[index] as ParamReader)(root, args, context, info);
      return method.apply(instance, values);
    };
    // Named after its field, so profiles and stack traces say which resolver ran.
    Object.defineProperty(resolve, 'name', { value: `${typeName}.${metadata.schemaName}` });
    field.resolve = resolve;
  };

  const queryType = schema.getQueryType()?.name;
  for (const query of storage.queries) replace(queryType, query);
  for (const fieldResolver of storage.fieldResolvers) {
    // Internal ones are methods of the object type classes themselves; this gateway has none.
    if (fieldResolver.kind !== 'external' || !fieldResolver.getObjectType) continue;
    replace(typeNameOf(fieldResolver.getObjectType() as Function), fieldResolver);
  }
}

function readerFor(param: ParamMetadata): ParamReader | undefined {
  switch (param.kind) {
    case 'root':
      return param.propertyName === undefined ? (root) => root : undefined;
    case 'context':
      return param.propertyName === undefined ? (_root, _args, context) => context : undefined;
    case 'info':
      return (_root, _args, _context, info) => info;
    case 'arg': {
      const argType: unknown = param.getType();
      if (!PLAIN_ARGUMENT_TYPES.includes(argType) && !isScalarType(argType)) return undefined;
      const name = param.name;
      return (_root, args) => args[name];
    }
    default:
      return undefined;
  }
}
