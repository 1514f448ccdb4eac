import type { ChildServer } from './childServer';
import type { CpuPlan } from './cpuPlan';
import { runAutocannon } from './autocannonLoad';
import type { LoadOptions, LoadResult } from './loadResult';
import { runWrk } from './wrkLoad';

export type LoadGeneratorName = 'wrk' | 'autocannon';

/** Drives a server at fixed connections and duration and reads the server's CPU time around the run. */
export type RunLoad = (options: LoadOptions, server?: ChildServer) => Promise<LoadResult>;

/** wrk (pinned per the plan) or autocannon (in this process, not pinned). */
export function createLoadRunner(generator: LoadGeneratorName, plan: CpuPlan): RunLoad {
  return generator === 'wrk' ? (options, server) => runWrk(options, plan, server) : runAutocannon;
}
