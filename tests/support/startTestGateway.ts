import 'reflect-metadata';
import pino, { type Logger } from 'pino';
import { print, type DocumentNode } from 'graphql';
import { loadConfig } from '../../src/config';
import type { ReadinessCheck } from '../../src/server/routes/readinessRoute';
import { DemoNewsroomSource } from '../../src/sources/demo/DemoNewsroomSource';
import type { ReaderSource } from '../../src/sources/reader/ReaderSource';
import type { Sources } from '../../src/sources/types';
import type { Telemetry } from '../../src/telemetry';
import { createGateway, type Gateway } from '../../src/wiring/createGateway';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

export interface TestGateway {
  gateway: Gateway;
  url: string;
  /** `http://127.0.0.1:<port>`, for the other routes. */
  baseUrl: string;
  /** POSTs an operation to /graphql over a real socket. */
  query<T = Record<string, unknown>>(document: DocumentNode | string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

let sharedDemo: DemoNewsroomSource | undefined;

/** One demo newsroom per test file: building it is deterministic, so sharing it changes nothing. */
export function demoSources(): Sources {
  sharedDemo ??= new DemoNewsroomSource();
  return { posts: sharedDemo, authors: sharedDemo, topics: sharedDemo, related: sharedDemo };
}

export interface TestGatewayOptions {
  /** Leaf sources in place of what `env` would wire for their slots; coalesced and instrumented as in production. */
  sources?: Partial<Sources>;
  env?: Record<string, string>;
  /** Defaults to a silent logger; pass one writing to a capture stream to read the log lines. */
  logger?: Logger;
  /** Told every telemetry event besides the gateway's own metrics. */
  telemetry?: Telemetry;
  readinessChecks?: ReadinessCheck[];
  /** The reader store in place of the SQLite file or service `env` names (a counting one, say). */
  reader?: ReaderSource;
}

export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  // Reader data in memory unless a test names a file: test gateways never share or leave a SQLite file.
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', READER_DB_PATH: ':memory:', ...options.env });
  const logger = options.logger ?? pino({ level: 'silent' });
  const usesDemoOnly = Object.values(config.sources).every((choice) => choice === 'demo');
  // The demo newsroom is shared (building it is the slow part) as the leaf adapter of every slot;
  // anything with upstreams is wired from `env` as in production.
  const sources = options.sources ?? (usesDemoOnly ? demoSources() : undefined);
  const gateway = await createGateway(config, { sources, logger, telemetry: options.telemetry, readinessChecks: options.readinessChecks, reader: options.reader });
  const address = await gateway.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const url = `${baseUrl}/graphql`;
  return {
    gateway,
    url,
    baseUrl,
    async query(document, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse['body'] } as never;
    },
    close: () => gateway.close(),
  };
}
