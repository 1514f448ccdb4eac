/**
 * Plain Apollo Server 5 (its standalone server, its defaults) over a precomputed answer: the committed
 * schema.graphql, each root field resolving to the captured `data` of the gateway's answer, every other
 * field Apollo's default resolver. No loaders, no cache, no upstream: what a GraphQL server costs when the
 * data is already at hand. TREE_FILE: that `data` as JSON; PORT: where to listen.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { rootResolversOver } from './treeResolvers';

async function main(): Promise<void> {
  const typeDefs = readFileSync('schema.graphql', 'utf8');
  const tree = JSON.parse(readFileSync(process.env.TREE_FILE as string, 'utf8')) as Record<string, unknown>;
  const server = new ApolloServer({ typeDefs, resolvers: { Query: rootResolversOver(tree) } });
  await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`apollo (tree) server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
