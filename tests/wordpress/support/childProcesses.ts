import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from '../../support/waitFor';

/**
 * Child processes of the contract tests (PHP's server, the gateway), each in its own process group so that
 * stopping it stops everything it forked (PHP's workers). Each runs under stopWithParent.cjs, which stops
 * the group when this process goes away, however it goes: no orphans serving on loopback afterwards.
 */
const running = new Set<ChildProcess>();
const STOP_WITH_PARENT = join(__dirname, 'stopWithParent.cjs');

process.once('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});

export interface Spawned {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr, interleaved), for failure messages. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<string>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_LIMIT = 64 * 1024;

export function spawnTracked(command: string, args: string[], options: SpawnOptions): Spawned {
  // stdin stays open and unused: its end is the signal that this process has gone.
  const child = spawn(process.execPath, [STOP_WITH_PARENT, command, ...args], { ...options, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(signal ?? String(code));
    });
    child.once('error', (error) => {
      running.delete(child);
      append(Buffer.from(`\n[spawn error] ${error.message}\n`));
      resolve('spawn-error');
    });
  });
  return {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 5_000) {
      if (!running.has(child)) return;
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // The group leader has exited; anything it forked gets the same signal once more, by group.
      signalGroup(child, 'SIGKILL');
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** A port that was free a moment ago; callers retry on the rare race with another process. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `probe` until it returns true, the process exits, or `timeoutMs` passes; every outcome but success
 * throws with the process's own output, so a failed start says why.
 */
export async function waitUntilReady(what: string, spawned: Spawned, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  let exitedWith: string | undefined;
  void spawned.exited.then((code) => {
    exitedWith = code;
  });
  let outcome: 'exited' | 'answered';
  try {
    outcome = await waitFor(async () => (exitedWith !== undefined ? 'exited' : (await probe().catch(() => false)) && 'answered'), {
      timeoutMs,
      intervalMs: 100,
      description: `${what} to answer`,
    });
  } catch {
    await spawned.stop();
    throw new Error(`${what} did not answer within ${timeoutMs} ms. Its output:\n${spawned.output() || '(none)'}`);
  }
  if (outcome === 'exited') {
    throw new Error(`${what} exited (${exitedWith}) before it answered. Its output:\n${spawned.output() || '(none)'}`);
  }
}
