import { section } from './Section';
import { setting } from './Setting';
import { flag, headerNameList, integer, originList } from './valueTypes';

/** The origin Apollo Sandbox runs on: allowed in development so developers can explore a local gateway. */
export const APOLLO_SANDBOX_ORIGIN = 'https://studio.apollographql.com';

/** Local frontends (Next.js on 3000, Vite on 5173, …) on any port: allowed in development. */
export const LOCAL_DEVELOPMENT_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

/**
 * Request headers browsers may always send: content-type, Apollo's CSRF-prevention headers, Apollo
 * Client's client-awareness headers, the request id and bearer tokens.
 */
export const CORS_BASE_HEADERS = [
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
  'authorization',
];

export interface HttpConfig {
  bodyLimitBytes: number;
  /** How much of an oversized upload is read and dropped before its 413, so the client reads the answer. */
  bodyDrainLimitBytes: number;
  /** A request still running after this is answered 504 GATEWAY_TIMEOUT. */
  requestTimeoutMs: number;
  /** Browser origins allowed to call the gateway; `['*']` allows any. Empty: same-origin only. */
  corsOrigins: string[];
  /** Request headers a browser may send cross-origin: CORS_BASE_HEADERS plus CORS_ALLOWED_HEADERS. */
  corsAllowedHeaders: string[];
  /** Largest batch (JSON array of operations); 0 turns batching off. */
  batchMaxOperations: number;
  /** gzip and brotli answers per Accept-Encoding; false leaves compression to a CDN or proxy. */
  compression: boolean;
}

export const httpSection = section({
  title: 'HTTP',
  settings: {
    bodyLimitBytes: setting({
      env: 'BODY_LIMIT_BYTES',
      file: 'http.bodyLimitBytes',
      type: integer({ min: 1 }),
      default: 100 * 1024,
      doc: 'largest accepted request body; larger ones get a JSON 413',
    }),
    bodyDrainLimitBytes: setting({
      env: 'BODY_DRAIN_LIMIT_BYTES',
      file: 'http.bodyDrainLimitBytes',
      type: integer({ min: 0 }),
      default: 16 * 1024 * 1024,
      doc: 'how much of an oversized upload is read and dropped before the 413 is sent, so clients still sending (Node\'s fetch) read it; past this the connection is closed under the upload',
    }),
    requestTimeoutMs: setting({
      env: 'REQUEST_TIMEOUT_MS',
      file: 'http.requestTimeoutMs',
      type: integer({ min: 1 }),
      default: 10_000,
      doc: 'a request still running after this gets a JSON 504 `GATEWAY_TIMEOUT`; upstream calls no other request is waiting on are aborted',
    }),
    corsOrigins: setting({
      env: 'CORS_ORIGINS',
      file: 'http.corsOrigins',
      type: originList,
      defaultDoc: `\`${APOLLO_SANDBOX_ORIGIN}\` and \`${LOCAL_DEVELOPMENT_ORIGINS.join('`, `')}\` in development, none otherwise`,
      doc: 'browser origins allowed to call the gateway: a comma-separated list (an array in the file), or `*`; a port of `*` matches any port',
    }),
    corsAllowedHeaders: setting({
      env: 'CORS_ALLOWED_HEADERS',
      file: 'http.corsAllowedHeaders',
      type: headerNameList,
      default: [],
      defaultDoc: 'none',
      doc: `request headers browsers may send besides those always allowed (\`${CORS_BASE_HEADERS.join('`, `')}\`): a comma-separated list (an array in the file)`,
    }),
    batchMaxOperations: setting({
      env: 'BATCH_MAX_OPERATIONS',
      file: 'http.batchMaxOperations',
      type: integer({ min: 0 }),
      default: 0,
      doc: 'largest batch (a JSON array of operations); `0` refuses every batch',
    }),
    compression: setting({
      env: 'COMPRESSION',
      file: 'http.compression',
      type: flag,
      default: true,
      doc: 'gzip and brotli GraphQL answers per `Accept-Encoding` (each cached answer compressed once); `false` leaves compression to the CDN or proxy in front',
    }),
  },
  build: (values, context): { http: HttpConfig } => ({
    http: {
      ...values,
      corsOrigins: values.corsOrigins ?? (context.nodeEnv === 'development' ? [APOLLO_SANDBOX_ORIGIN, ...LOCAL_DEVELOPMENT_ORIGINS] : []),
      corsAllowedHeaders: [...new Set([...CORS_BASE_HEADERS, ...values.corsAllowedHeaders])],
    },
  }),
});
