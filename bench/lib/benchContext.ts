import { isDeepStrictEqual } from 'node:util';
import type { ChildServer } from './childServer';
import type { CpuPlan } from './cpuPlan';
import type { FakeWordPressProcess } from './fakeWordPressProcess';
import type { GatewayOptions, GatewayProcess } from './gateway';
import type { LoadGeneratorName, RunLoad } from './load';
import type { Operations } from './operations';
import type { BenchSettings } from './settings';

/** A server of bench/servers/, run with tsx in its own process. */
export interface BenchServerOptions {
  env: Record<string, string>;
  nodeArgs?: string[];
  onStdoutLine?: (line: string) => void;
  /** Any path that answers once it listens (`/` unless said). */
  readyPath?: string;
}

/** What every scenario is given. */
export interface BenchContext {
  settings: BenchSettings;
  wordpress: FakeWordPressProcess;
  naive: ChildServer;
  operations: Operations;
  /** The article of the cold, warm, response-cache and herd scenarios: it has a six-story rail. */
  referenceSlug: string;
  /** ArticlePage's `data` for it, as the naive server answers: every server must answer exactly this. */
  referenceData: unknown;
  /** Which CPUs servers under test and the load generator run on. */
  cpuPlan: CpuPlan;
  loadGenerator: LoadGeneratorName;
  /** Load with the run's generator (wrk or autocannon). */
  runLoad: RunLoad;
  /** Starts a gateway (`node dist/index.js`, production) against the fake WordPress, pinned per the plan; stopped at the end of the run whatever happens. */
  startGateway(name: string, options?: GatewayOptions): Promise<GatewayProcess>;
  /** Starts `bench/servers/<script>`, pinned like a gateway, stopped at the end of the run whatever happens. */
  startBenchServer(name: string, script: string, options: BenchServerOptions): Promise<ChildServer>;
  log(message: string): void;
}

/** Different data means the servers are not doing the same work: no figure comparing them would mean anything. */
export function assertSameData(name: string, actual: unknown, expected: unknown, expectedFrom = 'the naive server'): void {
  if (isDeepStrictEqual(actual, expected)) return;
  const shown = (value: unknown) => JSON.stringify(value).slice(0, 300);
  throw new Error(`${name} answered different data than ${expectedFrom}:\n  got      ${shown(actual)}\n  expected ${shown(expected)}`);
}

/** Local ids of the article and its rail, from ArticlePage's data (global ids are base64url `Post:<id>`). */
export function articleAndRailIds(data: unknown): { articleId: string; railIds: string[] } {
  const post = (data as { post?: { id: string; relatedStories: { post: { id: string } }[] } | null }).post;
  if (!post) throw new Error('ArticlePage returned no post');
  const localId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').replace(/^Post:/, '');
  return { articleId: localId(post.id), railIds: post.relatedStories.map((story) => localId(story.post.id)) };
}
