import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { waitFor } from './waitFor';

/** The machine's shared Redis. Other test runs use it at the same time: own key prefix, never FLUSHALL. */
export const SHARED_REDIS_URL = 'redis://127.0.0.1:6379';

/** Asked once per test file, synchronously, so `describe` can be chosen before tests are collected. */
function reachable(host: string, port: number): boolean {
  const probe = `
    const socket = require('node:net').connect(${port}, '${host}');
    socket.setTimeout(1000, () => process.exit(1));
    socket.on('error', () => process.exit(1));
    socket.on('connect', () => socket.write('PING\\r\\n'));
    socket.on('data', (data) => process.exit(String(data).startsWith('+PONG') ? 0 : 1));`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 3000 }).status === 0;
}

/**
 * `describe` for tests that need the shared Redis. Locally, without Redis, they are skipped with a
 * visible message; in CI (CI=true) they always run, so a missing Redis fails the build.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (process.env.CI === 'true' || reachable('127.0.0.1', 6379)) {
    describe(name, body);
    return;
  }
  console.warn(`SKIPPED "${name}": no Redis at 127.0.0.1:6379 (start one with: redis-server --save "" --appendonly no). CI never skips these.`);
  describe.skip(name, body);
}

/** A key prefix of its own per test run, so parallel runs on the shared Redis never meet. */
export function uniqueKeyPrefix(label: string): string {
  return `test-${label}-${randomUUID().slice(0, 8)}`;
}

/** Keys under `prefix` (for checking what the gateway wrote, and for cleaning up after a run). */
export async function keysWithPrefix(url: string, prefix: string): Promise<string[]> {
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) keys.push(...batch);
    return keys;
  } finally {
    client.destroy();
  }
}

/** Deletes this run's keys only. */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const keys = await keysWithPrefix(url, prefix);
  if (keys.length === 0) return;
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for (let start = 0; start < keys.length; start += 500) await client.unlink(keys.slice(start, start + 500));
  } finally {
    client.destroy();
  }
}

/** Waits (bounded) until the gateway's `/readyz` answers `ready` (not `degraded`): Redis and the purge channel connect in the background. */
export async function waitUntilReady(graphqlUrl: string, timeoutMs = 10_000): Promise<void> {
  const url = graphqlUrl.replace(/\/graphql$/, '/readyz');
  await waitFor(
    async () => {
      const response = await fetch(url);
      const body = await response.text();
      if (response.status !== 200 || (JSON.parse(body) as { status?: string }).status !== 'ready') throw new Error(`${url} answered ${response.status}: ${body}`);
      return true;
    },
    { timeoutMs, intervalMs: 50, description: `the gateway to be ready (${url} answering 200, ready)` },
  );
}
