import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './benchContext';
import type { ChildServer } from './childServer';

/** Writes `contents` to a temporary file for a server to read at start-up; the file is gone once it has started. */
async function withFile<T>(name: string, contents: string | Buffer, use: (path: string) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), 'newsroom-bench-'));
  try {
    const path = join(directory, name);
    writeFileSync(path, contents);
    return await use(path);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** bench/servers/raw.ts answering these bytes to every request. */
export function startRaw(context: BenchContext, name: string, bytes: Buffer, options: { contentType?: string; nodeArgs?: string[]; onStdoutLine?: (line: string) => void } = {}): Promise<ChildServer> {
  return withFile('body', bytes, (file) =>
    context.startBenchServer(name, 'raw.ts', {
      env: { RAW_BODY_FILE: file, RAW_CONTENT_TYPE: options.contentType ?? '' },
      nodeArgs: options.nodeArgs,
      onStdoutLine: options.onStdoutLine,
    }),
  );
}

/** Plain Apollo Server 5 (apolloTree.ts) or fastify + mercurius with graphql-jit (mercuriusTree.ts) answering from this `data` tree. */
export function startTreePeer(context: BenchContext, peer: 'apollo' | 'mercurius', data: unknown): Promise<ChildServer> {
  const script = peer === 'apollo' ? 'apolloTree.ts' : 'mercuriusTree.ts';
  return withFile('tree.json', JSON.stringify(data), (file) => context.startBenchServer(`${peer} (precomputed tree)`, script, { env: { NODE_ENV: 'production', TREE_FILE: file } }));
}
