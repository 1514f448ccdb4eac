import { type ChildServer, freePort, startChildServer } from './childServer';

export interface FakeWordPressContent {
  url: string;
  restRoot: string;
  /** Published posts' slugs, newest first. */
  slugs: string[];
  authorIds: string[];
  topicIds: string[];
}

export interface UpstreamRequest {
  route: string;
  search: string;
  /** Epoch milliseconds (the fake's clock) when the request arrived and when its answer was written; null while unanswered. */
  receivedAtMs: number;
  answeredAtMs: number | null;
}

export interface FakeWordPressProcess {
  process: ChildServer;
  content: FakeWordPressContent;
  /** WordPress requests since the last reset. */
  count(): Promise<number>;
  requests(): Promise<UpstreamRequest[]>;
  reset(): Promise<void>;
  /** Resolves once no new WordPress request has arrived for `quietMs`: work left over from earlier load is done. */
  settle(quietMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts bench/servers/fakeWordPress.ts in a child process and talks to its control port. */
export async function startFakeWordPressProcess(options: { latencyMs: number; posts: number }): Promise<FakeWordPressProcess> {
  const wordpressPort = await freePort();
  const child = await startChildServer({
    name: 'fake WordPress',
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/servers/fakeWordPress.ts'],
    env: { WORDPRESS_PORT: String(wordpressPort), FAKE_LATENCY_MS: String(options.latencyMs), FAKE_POSTS: String(options.posts) },
    port: await freePort(),
    readyPath: '/stats',
  });
  const control = async <T>(path: string, method = 'GET'): Promise<T> => {
    const response = await fetch(`${child.url}${path}`, { method });
    if (!response.ok) throw new Error(`fake WordPress control ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const content = await control<FakeWordPressContent>('/content');
  return {
    process: child,
    content,
    count: async () => (await control<{ count: number }>('/stats')).count,
    requests: () => control<UpstreamRequest[]>('/requests'),
    reset: async () => {
      await control('/reset', 'POST');
    },
    settle: async (quietMs) => {
      let last = -1;
      for (;;) {
        const { count } = await control<{ count: number }>('/stats');
        if (count === last) return;
        last = count;
        await new Promise((resolve) => setTimeout(resolve, quietMs));
      }
    },
    stop: () => child.stop(),
  };
}
