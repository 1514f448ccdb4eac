import 'reflect-metadata';
import { specifiedDirectives, type GraphQLInterfaceType, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AuthorResolver } from '../resolvers/AuthorResolver';
import { ImageResolver } from '../resolvers/ImageResolver';
import { PostResolver } from '../resolvers/PostResolver';
import { PostStatusResolver } from '../resolvers/PostStatusResolver';
import { QueryResolver } from '../resolvers/QueryResolver';
import { RelatedStoryResolver } from '../resolvers/RelatedStoryResolver';
import { TopicResolver } from '../resolvers/TopicResolver';
import { cacheControlDirective } from '../schema/cacheControl';
import { nodeTypeOf } from '../schema/Node';
import { leanResolvers } from './leanResolvers';
import { memoizeScalarOutput } from './memoizeScalarOutput';

let schema: GraphQLSchema | undefined;

/** The public schema. Built once per process: building walks every decorator and is not cheap. */
export function buildGatewaySchema(): GraphQLSchema {
  if (schema) return schema;
  const resolvers = [QueryResolver, PostResolver, PostStatusResolver, AuthorResolver, TopicResolver, RelatedStoryResolver, ImageResolver] as const;
  schema = buildSchemaSync({
    resolvers,
    validate: false,
    directives: [...specifiedDirectives, cacheControlDirective],
  });
  // type-graphql wraps resolveType in an async function; graphql-jit needs the type at once, and the
  // answer never needed awaiting.
  (schema.getType('Node') as GraphQLInterfaceType).resolveType = nodeTypeOf;
  leanResolvers(schema, resolvers);
  memoizeScalarOutput(schema, ['URL', 'DateTime']);
  return schema;
}
