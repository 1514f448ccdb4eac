import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

/** A server under test, in its own process so its CPU time can be read apart from the load generator's. */
export interface ChildServer {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawning the process to its first answer on the ready path. */
  startupMs: number;
  /** User + system CPU time of the server process so far, in microseconds (from /proc). */
  cpuMicros(): number;
  /** Resident set size in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const CLOCK_TICKS_PER_SECOND = 100;

function readProcStat(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces; fields after it are space-separated.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU time of this process's children that have exited and been waited for (cutime + cstime), in
 * microseconds: what a load generator run as a child (wrk) used, read once it has exited.
 */
export function exitedChildrenCpuMicros(): number {
  const fields = readProcStat('self');
  return ((Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND) * 1e6;
}

export async function startChildServer(options: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  /** Ready once this path answers below 500 (so `/readyz` waits for 200 while it answers 503). */
  readyPath: string;
  timeoutMs?: number;
  /** How often the ready path is polled (100 ms unless said). */
  pollMs?: number;
  /** Runs the process on these CPUs only (a `taskset -c` list such as `0`); every CPU when absent. */
  cpus?: string;
  /** Called with each line the process writes to stdout; stdout is discarded when absent. */
  onStdoutLine?: (line: string) => void;
}): Promise<ChildServer> {
  // taskset execs the command in place, so the pid read below is the server's own.
  const [command, args] = options.cpus ? ['taskset', ['-c', options.cpus, options.command, ...options.args]] : [options.command, options.args];
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', options.onStdoutLine ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const onLine = options.onStdoutLine;
  if (onLine && child.stdout) {
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
  }
  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let startupMs: number;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited during start-up: ${stderr}`);
    try {
      const response = await fetch(base + options.readyPath);
      await response.arrayBuffer();
      if (response.status < 500) {
        startupMs = performance.now() - spawnedAt;
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not become ready: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
  const pid = child.pid as number;
  return {
    name: options.name,
    url: base,
    pid,
    startupMs,
    cpuMicros: () => {
      const fields = readProcStat(pid);
      const ticks = Number(fields[11]) + Number(fields[12]);
      return (ticks / CLOCK_TICKS_PER_SECOND) * 1e6;
    },
    rssMb: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) / 1024 : 0;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
