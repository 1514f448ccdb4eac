import { isDeepStrictEqual } from 'node:util';
import type { ChildServer } from './childServer';
import type { FakeWordPressProcess } from './fakeWordPressProcess';
import type { GatewayProcess } from './gateway';
import type { Operations } from './operations';
import type { BenchSettings } from './settings';

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
  /** Starts a gateway (`node dist/index.js`, production) against the fake WordPress; stopped at the end of the run whatever happens. */
  startGateway(name: string, env?: Record<string, string>): Promise<GatewayProcess>;
  log(message: string): void;
}

/** Different data means the servers are not doing the same work: no figure comparing them would mean anything. */
export function assertSameData(name: string, actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return;
  const shown = (value: unknown) => JSON.stringify(value).slice(0, 300);
  throw new Error(`${name} answered different data than the naive server:\n  got      ${shown(actual)}\n  expected ${shown(expected)}`);
}

/** Local ids of the article and its rail, from ArticlePage's data (global ids are base64url `Post:<id>`). */
export function articleAndRailIds(data: unknown): { articleId: string; railIds: string[] } {
  const post = (data as { post?: { id: string; relatedStories: { post: { id: string } }[] } | null }).post;
  if (!post) throw new Error('ArticlePage returned no post');
  const localId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').replace(/^Post:/, '');
  return { articleId: localId(post.id), railIds: post.relatedStories.map((story) => localId(story.post.id)) };
}
