import { spawnSync } from 'node:child_process';

/**
 * Which CPUs the server under test and everything else run on. With two or more CPUs and `taskset` at
 * hand, the server gets CPU 0 to itself and the load generator, the fake upstream and the bench's own
 * process share the others, so nothing of the bench steals the server's time slices and its CPU per
 * request is its own work; with one CPU (or no taskset) nothing is pinned.
 */
export interface CpuPlan {
  /** `taskset -c` list for servers under test, or undefined: not pinned. */
  serverCpus: string | undefined;
  /** `taskset -c` list for the load generator, the fake upstream and the bench process, or undefined: not pinned. */
  loadGeneratorCpus: string | undefined;
  /** wrk threads: one per CPU the load generator has, at most 4. */
  loadGeneratorThreads: number;
}

export function planCpus(cpuCount: number, pinning: boolean): CpuPlan {
  if (!pinning || cpuCount < 2) return { serverCpus: undefined, loadGeneratorCpus: undefined, loadGeneratorThreads: 1 };
  const last = cpuCount - 1;
  return { serverCpus: '0', loadGeneratorCpus: last === 1 ? '1' : `1-${last}`, loadGeneratorThreads: Math.min(last, 4) };
}

/** Moves every thread of this process onto these CPUs; children spawned later inherit them unless pinned otherwise. */
export function pinThisProcess(cpus: string): void {
  const result = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
  if (result.error || result.status !== 0) throw new Error(`taskset could not pin the bench to CPUs ${cpus}`);
}

/** Whether a command runs here (`wrk`, `taskset`): spawned with a harmless argument, its exit status ignored. */
export function commandExists(command: string, probeArgs: string[] = ['--version']): boolean {
  const result = spawnSync(command, probeArgs, { stdio: 'ignore' });
  return result.error === undefined;
}
