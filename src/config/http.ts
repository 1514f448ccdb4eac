import { section } from './Section';
import { setting } from './Setting';
import { integer, originList } from './valueTypes';

/** The origin Apollo Sandbox runs on: allowed in development so developers can explore a local gateway. */
export const APOLLO_SANDBOX_ORIGIN = 'https://studio.apollographql.com';

export interface HttpConfig {
  bodyLimitBytes: number;
  /** A request still running after this is answered 504 GATEWAY_TIMEOUT. */
  requestTimeoutMs: number;
  /** Browser origins allowed to call the gateway; `['*']` allows any. Empty: same-origin only. */
  corsOrigins: string[];
  /** Largest batch (JSON array of operations); 0 turns batching off. */
  batchMaxOperations: number;
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
      defaultDoc: `\`${APOLLO_SANDBOX_ORIGIN}\` in development, none otherwise`,
      doc: 'browser origins allowed to call the gateway: a comma-separated list (an array in the file), or `*`',
    }),
    batchMaxOperations: setting({
      env: 'BATCH_MAX_OPERATIONS',
      file: 'http.batchMaxOperations',
      type: integer({ min: 0 }),
      default: 0,
      doc: 'largest batch (a JSON array of operations); `0` refuses every batch',
    }),
  },
  build: (values, context): { http: HttpConfig } => ({
    http: { ...values, corsOrigins: values.corsOrigins ?? (context.nodeEnv === 'development' ? [APOLLO_SANDBOX_ORIGIN] : []) },
  }),
});
