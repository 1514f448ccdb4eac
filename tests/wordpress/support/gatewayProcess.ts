import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { freePort, spawnTracked, waitUntilReady } from './childProcesses';
import { CHILD_START_ATTEMPTS, CHILD_START_TIMEOUT_MS, REPO_ROOT } from '../../support/fixtures';

export interface GraphQLResult<T> {
  status: number;
  /** The raw body, for checks that nothing non-public appears anywhere in it. */
  text: string;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

export interface GatewayProcess {
  url: string;
  query<T, V extends Record<string, unknown> = Record<string, unknown>>(
    document: TypedDocumentNode<T, V> | DocumentNode,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  output(): string;
  stop(): Promise<void>;
}

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The gateway as a black box: the built `node dist/index.js` in its own process, configured only through
 * its environment, as an operator runs it. Each start is a cold gateway (empty in-process cache; no Redis
 * is configured).
 */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const entry = join(REPO_ROOT, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run build\` first (npm run test:wordpress does).`);
  let lastError: unknown;
  for (let attempt = 1; attempt <= CHILD_START_ATTEMPTS; attempt += 1) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const spawned = spawnTracked(process.execPath, ['--enable-source-maps', entry], {
      cwd: REPO_ROOT,
      // Only what the test sets: nothing from the developer's shell (REDIS_URL, a stray WORDPRESS_*) leaks in.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ...env,
      },
    });
    try {
      await waitUntilReady(`The gateway (node dist/index.js on port ${port})`, spawned, async () => {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        return response.status === 200;
      }, CHILD_START_TIMEOUT_MS);
      return {
        url,
        output: spawned.output,
        stop: () => spawned.stop(),
        async query(document, variables, headers = {}) {
          const response = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ query: print(document), variables }),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const text = await response.text();
          let body: GraphQLResult<never>['body'];
          try {
            body = JSON.parse(text) as GraphQLResult<never>['body'];
          } catch {
            throw new Error(`The gateway answered ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`);
          }
          return { status: response.status, text, headers: response.headers, body };
        },
      };
    } catch (error) {
      lastError = error;
      await spawned.stop();
      if (!/EADDRINUSE/.test(spawned.output())) break;
    }
  }
  throw lastError;
}
