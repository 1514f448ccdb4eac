import { randomBytes } from 'node:crypto';
import { signedWebhookHeaders } from '../../src/server/webhooks/verifySignature';
import { type ChildServer, freePort, startChildServer } from './childServer';

/** A gateway process as users run it (`node dist/index.js`, production), plus what the bench needs to drive it. */
export interface GatewayProcess extends ChildServer {
  /** Drops entities (and the responses showing them) through the signed purge webhook, as a CMS would. */
  purge(items: { type: 'post' | 'author' | 'topic'; id: string; slug?: string }[]): Promise<void>;
  metrics(): Promise<string>;
}

export interface GraphqlAnswer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: unknown[] };
}

/** How one gateway of the run differs from the others. */
export interface GatewayOptions {
  env?: Record<string, string>;
  /** Node flags before `dist/index.js` (`--trace-gc`, …). */
  nodeArgs?: string[];
  /** Each stdout line (pino's logs, V8's traces); stdout is discarded when absent. */
  onStdoutLine?: (line: string) => void;
  /** Ready once this answers below 500: `/healthz` unless said (`/readyz` waits for its 200). */
  readyPath?: string;
  pollMs?: number;
}

export async function startGateway(
  options: GatewayOptions & {
    name: string;
    wordpressUrl: string;
    logLevel: string;
    /** Writes a V8 CPU profile of the whole process life into this directory. */
    cpuProfileDir?: string;
    /** `taskset -c` list, or undefined: not pinned. */
    cpus?: string;
  },
): Promise<GatewayProcess> {
  const webhookSecret = randomBytes(24).toString('hex');
  const server = await startChildServer({
    name: options.name,
    command: process.execPath,
    args: [...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : []), ...(options.nodeArgs ?? []), 'dist/index.js'],
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: options.logLevel,
      WORDPRESS_URL: options.wordpressUrl,
      WEBHOOK_SECRET: webhookSecret,
      HOST: '127.0.0.1',
      // One instance with its in-process tiers, whatever the shell exports (empty counts as unset).
      REDIS_URL: '',
      GATEWAY_CONFIG: '',
      WORDPRESS_API_ROOT: '',
      ...options.env,
    },
    port: await freePort(),
    readyPath: options.readyPath ?? '/healthz',
    pollMs: options.pollMs,
    cpus: options.cpus,
    onStdoutLine: options.onStdoutLine,
  });
  return Object.assign(server, {
    purge: async (items: { type: 'post' | 'author' | 'topic'; id: string; slug?: string }[]) => {
      const body = JSON.stringify(items);
      const response = await fetch(`${server.url}/webhooks/content-changed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedWebhookHeaders(webhookSecret, body) },
        body,
      });
      if (response.status !== 200) throw new Error(`${options.name}: purge answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer().catch(() => undefined);
    },
    metrics: async () => {
      const response = await fetch(`${server.url}/metrics`);
      if (!response.ok) throw new Error(`${options.name}: /metrics answered ${response.status}`);
      return response.text();
    },
  });
}

/** One GraphQL POST (or any request given as `init`), answered as JSON. */
export async function graphql(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<GraphqlAnswer> {
  const response = await fetch(url, { method: init.method ?? 'POST', headers: init.headers ?? { 'content-type': 'application/json' }, body: init.body });
  const text = await response.text();
  let body: GraphqlAnswer['body'];
  try {
    body = JSON.parse(text) as GraphqlAnswer['body'];
  } catch {
    throw new Error(`${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}

/** A 200 without errors, or an error naming what came back: a failed request is never a data point. */
export function assertAnswered(name: string, answer: GraphqlAnswer): GraphqlAnswer {
  if (answer.status !== 200 || answer.body.errors !== undefined) {
    throw new Error(`${name}: answered ${answer.status}${answer.body.errors ? ` with errors ${JSON.stringify(answer.body.errors).slice(0, 400)}` : ''}`);
  }
  return answer;
}
