import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../support/fixtures';
import { waitFor } from '../support/waitFor';

interface RunningServer {
  child: ChildProcess;
  port: number;
  lines: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the real entry point (src/index.ts) as its own process, reading its JSON log lines. */
async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/index.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 25_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      lines.push(parsed);
      if (typeof parsed.port === 'number') {
        clearTimeout(timer);
        resolve(parsed.port);
      }
    });
    void exited.then(({ code }) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)));
  });
  return { child, port, lines, exited };
}

describe('SIGTERM', () => {
  it('lets the in-flight request finish, refuses new connections, then exits 0', async () => {
    // Every simulated upstream call takes 1.5 s, so the request below is in flight when the signal comes.
    const server = await startServer({ DEMO_LATENCY_MS: '1500', LOG_LEVEL: 'debug' });
    try {
      const url = `http://127.0.0.1:${server.port}/graphql`;
      const startedAt = Date.now();
      const inFlight = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'draining-1' },
        body: JSON.stringify({ query: '{ posts(first: 2) { totalCount edges { node { slug } } } }' }),
      });
      await waitFor(() => server.lines.some((line) => line.msg === 'request started' && line.requestId === 'draining-1'), {
        timeoutMs: 10_000,
        intervalMs: 10,
        description: 'the server to log the start of request draining-1',
      });
      server.child.kill('SIGTERM');

      const response = await inFlight;
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { posts: { totalCount: number; edges: unknown[] } } };
      expect(body.data.posts.edges).toHaveLength(2);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1400);

      await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).rejects.toThrow();

      expect(await server.exited).toEqual({ code: 0, signal: null });
      const messages = server.lines.map((line) => line.msg);
      expect(messages).toContain('stopping: no new connections, finishing in-flight requests');
      expect(server.lines.find((line) => line.msg === 'request')).toMatchObject({ requestId: 'draining-1', status: 200, completed: true });
      expect(messages[messages.length - 1]).toBe('stopped');
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }, 40_000);
});
