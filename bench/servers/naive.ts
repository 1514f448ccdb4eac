/**
 * The naive baseline: plain Apollo Server 5 (its standalone server, its defaults) with the committed
 * schema.graphql and resolvers that make one WordPress request per field and item (see naiveResolvers.ts).
 * WORDPRESS_API_ROOT: the REST root; PORT: where to listen.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createNaiveResolvers } from './naiveResolvers';

async function main(): Promise<void> {
  const typeDefs = readFileSync('schema.graphql', 'utf8');
  const server = new ApolloServer({ typeDefs, resolvers: createNaiveResolvers(process.env.WORDPRESS_API_ROOT as string) });
  await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`naive server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
