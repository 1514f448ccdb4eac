/**
 * fastify + mercurius with graphql-jit over the same precomputed answer as apolloTree.ts: what a
 * speed-minded user picks. Mercurius compiles an operation with graphql-jit from its first use (`jit: 1`)
 * and keeps parsed and validated documents in its LRU cache (its default). TREE_FILE, PORT as there.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { rootResolversOver } from './treeResolvers';

async function main(): Promise<void> {
  const schema = readFileSync('schema.graphql', 'utf8');
  const tree = JSON.parse(readFileSync(process.env.TREE_FILE as string, 'utf8')) as Record<string, unknown>;
  const app = Fastify();
  await app.register(mercurius, { schema, resolvers: { Query: rootResolversOver(tree) }, jit: 1 });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`mercurius (tree) server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
