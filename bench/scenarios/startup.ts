import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { BenchContext } from '../lib/benchContext';
import { freePort } from '../lib/childServer';
import { POST_HEADERS } from '../lib/operations';
import type { BenchResults } from '../lib/report';
import { median, round } from '../lib/stats';

/** The first ArticlePage is tried this often, so the figure follows the gateway's readiness closely. */
const POLL_MS = 10;
const GIVE_UP_MS = 30_000;

/**
 * `npm start` on an unchanged checkout, as a new user runs it: the npm script (which checks whether dist/
 * is stale, finds it is not, and starts the gateway in the same process) with the embedded demo content
 * and no environment of the gateway's own, timed from spawning npm to the first complete ArticlePage
 * answer with the article in it. `npm run bench` builds dist/ first, so every sample finds it fresh.
 */
export async function measureStartup(context: BenchContext): Promise<NonNullable<BenchResults['scenarios']['startup']>> {
  const { settings, operations, referenceSlug } = context;
  const samples: number[] = [];
  for (let sample = 0; sample < settings.freshSamples; sample++) samples.push(await timeOneStart(operations.articlePageBody(referenceSlug)));
  return { answeredMs: round(median(samples), 0), samplesMs: samples.map((ms) => round(ms, 0)) };
}

async function timeOneStart(body: string): Promise<number> {
  const port = await freePort();
  // Only what a fresh shell would have: no gateway settings exported by whoever runs the bench.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: String(port), HOST: '127.0.0.1' };
  const spawnedAt = performance.now();
  const npm = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  npm.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  try {
    for (;;) {
      if (npm.exitCode !== null) throw new Error(`npm start exited during start-up: ${stderr}`);
      if (performance.now() - spawnedAt > GIVE_UP_MS) throw new Error(`npm start did not answer ArticlePage within ${GIVE_UP_MS} ms: ${stderr}`);
      const answered = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: POST_HEADERS, body })
        .then(async (response) => response.status === 200 && ((await response.json()) as { data?: { post?: unknown } }).data?.post != null)
        .catch(() => false);
      if (answered) return performance.now() - spawnedAt;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await new Promise<void>((resolve) => {
      if (npm.exitCode !== null) return resolve();
      npm.once('exit', () => resolve());
      // npm, its shell and the gateway share the process group made for them.
      signalGroup(npm.pid as number, 'SIGTERM');
      setTimeout(() => signalGroup(npm.pid as number, 'SIGKILL'), 5000).unref();
    });
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
