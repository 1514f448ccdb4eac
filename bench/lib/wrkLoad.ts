import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ChildServer, exitedChildrenCpuMicros } from './childServer';
import type { CpuPlan } from './cpuPlan';
import { POST_HEADERS } from './operations';
import { cpuFigures, type LoadOptions, type LoadResult, round } from './loadResult';

/** What bench/lib/wrkCounters.lua prints when wrk is done. */
export interface WrkReport {
  durationMicros: number;
  requests: number;
  responses: number;
  non2xx: number;
  graphqlErrors: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  timeouts: number;
  latencyMeanMicros: number;
  latencyP50Micros: number;
  latencyP99Micros: number;
  latencyMaxMicros: number;
  xCache: Record<string, number>;
}

const SCRIPT = join(__dirname, 'wrkCounters.lua');

/** The script's `WRK_RESULT {…}` line out of wrk's output; an error when it is missing (wrk failed before done()). */
export function parseWrkReport(stdout: string): WrkReport {
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('WRK_RESULT '));
  if (!line) throw new Error(`wrk printed no result line:\n${stdout.slice(-1000)}`);
  return JSON.parse(line.slice('WRK_RESULT '.length)) as WrkReport;
}

/** The figures of a run from wrk's report (latencies in µs there, ms here). */
export function loadResultFromWrk(report: WrkReport, durationSeconds: number): Omit<LoadResult, 'cpuMicrosPerRequest' | 'serverCoresBusy' | 'loadGeneratorCoresBusy'> {
  const ms = (micros: number) => round(micros / 1000);
  return {
    rps: round(report.requests / (report.durationMicros / 1e6)),
    p50Ms: ms(report.latencyP50Micros),
    p99Ms: ms(report.latencyP99Micros),
    meanMs: ms(report.latencyMeanMicros),
    requests: report.requests,
    non2xx: report.non2xx,
    errors: report.connectErrors + report.readErrors + report.writeErrors + report.timeouts,
    graphqlErrors: report.graphqlErrors,
    xCache: report.xCache,
    durationSeconds,
  };
}

/**
 * One wrk run (`-t` threads per the CPU plan, pinned to the load generator's CPUs), with the bench's Lua
 * script counting statuses, GraphQL errors and X-Cache values of every answer. wrk's CPU is read as this
 * process's exited-children time, which grows only by wrk's own once it has exited.
 */
export async function runWrk(options: LoadOptions, plan: CpuPlan, server?: ChildServer): Promise<LoadResult> {
  const directory = mkdtempSync(join(tmpdir(), 'newsroom-bench-wrk-'));
  try {
    const env: Record<string, string> = { WRK_METHOD: options.method ?? 'POST' };
    if (options.body !== undefined) {
      env.WRK_BODY_FILE = join(directory, 'body');
      writeFileSync(env.WRK_BODY_FILE, options.body);
    }
    if (options.bodies) {
      if (options.bodies.list.some((body) => body.includes('\n'))) throw new Error('wrk bodies must be one line each');
      env.WRK_BODIES_FILE = join(directory, 'bodies');
      env.WRK_SEQUENCE_FILE = join(directory, 'sequence');
      writeFileSync(env.WRK_BODIES_FILE, `${options.bodies.list.join('\n')}\n`);
      writeFileSync(env.WRK_SEQUENCE_FILE, `${options.bodies.sequence.join('\n')}\n`);
    }
    const headers = Object.entries(options.headers ?? POST_HEADERS).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
    const threads = Math.max(1, Math.min(plan.loadGeneratorThreads, options.connections));
    const wrkArgs = ['-t', String(threads), '-c', String(options.connections), '-d', `${options.durationSeconds}s`, '--timeout', '10s', '-s', SCRIPT, ...headers, options.url];
    const [command, args] = plan.loadGeneratorCpus ? ['taskset', ['-c', plan.loadGeneratorCpus, 'wrk', ...wrkArgs]] : ['wrk', wrkArgs];

    const cpuBefore = server?.cpuMicros();
    const wrkCpuBefore = exitedChildrenCpuMicros();
    const startedAt = performance.now();
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
      child.once('error', reject);
      child.once('close', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
    });
    const cpuAfter = server?.cpuMicros();
    const elapsedMicros = (performance.now() - startedAt) * 1000;
    const wrkCpu = exitedChildrenCpuMicros() - wrkCpuBefore;
    if (code !== 0) throw new Error(`wrk exited with ${code}: ${stderr || stdout.slice(-1000)}`);
    const report = parseWrkReport(stdout);
    return {
      ...loadResultFromWrk(report, options.durationSeconds),
      ...cpuFigures(cpuBefore, cpuAfter, report.requests, elapsedMicros),
      loadGeneratorCoresBusy: round(wrkCpu / elapsedMicros),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
