import { NODE_ENVS, type NodeEnv, section } from './Section';
import { setting } from './Setting';
import { flag, integer, oneOf, text } from './valueTypes';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string | undefined;
  logLevel: LogLevel;
  shutdownGraceMs: number;
  /** Schema exploration for developers: on in development, off in production unless asked for. */
  introspection: boolean;
  landingPage: boolean;
  /** "Did you mean …?" hints in errors: they reveal the schema, so they follow introspection unless set. */
  fieldSuggestions: boolean;
  /** Stack traces and unmasked messages; never in production unless asked for. */
  exposeErrorDetails: boolean;
  /** The Node HTTP server's own guards, and the readiness probe. */
  server: { headersTimeoutMs: number; receiveTimeoutMs: number; readinessCheckTimeoutMs: number };
  metrics: { enabled: boolean };
}

const settings = {
  nodeEnv: setting({
    env: 'NODE_ENV',
    type: oneOf(NODE_ENVS),
    default: 'development',
    doc: '`production` turns off introspection, the landing page, schema hints and error details; `test` makes logs silent unless `LOG_LEVEL` is set',
  }),
  configFile: setting({ env: 'GATEWAY_CONFIG', type: text(), defaultDoc: 'none', doc: 'path of a JSON config file (below)' }),
  port: setting({ env: 'PORT', file: 'port', type: integer({ min: 0, max: 65535 }), default: 4000, doc: 'port to listen on' }),
  host: setting({ env: 'HOST', file: 'host', type: text(), defaultDoc: 'all interfaces', doc: 'address to bind' }),
  logLevel: setting({
    env: 'LOG_LEVEL',
    file: 'logLevel',
    type: oneOf(LOG_LEVELS),
    defaultDoc: '`info` (`silent` under `NODE_ENV=test`)',
    doc: 'pino log level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`',
  }),
  shutdownGraceMs: setting({
    env: 'SHUTDOWN_GRACE_MS',
    file: 'shutdownGraceMs',
    type: integer({ min: 1 }),
    default: 25_000,
    doc: 'on SIGTERM, how long in-flight requests may run before their connections are closed (exit code 1 then)',
  }),
  server: {
    headersTimeoutMs: setting({
      env: 'SERVER_HEADERS_TIMEOUT_MS',
      file: 'server.headersTimeoutMs',
      type: integer({ min: 1 }),
      default: 10_000,
      doc: "longest a client may take to send a request's headers (Node's `server.headersTimeout`): a JSON 408 after it, so a slow client cannot hold a socket",
    }),
    receiveTimeoutMs: setting({
      env: 'SERVER_RECEIVE_TIMEOUT_MS',
      file: 'server.receiveTimeoutMs',
      type: integer({ min: 1 }),
      default: 30_000,
      doc: 'longest a client may take to send a request body once its headers are in; a JSON 408 after it (Node\'s `server.requestTimeout` stays behind it as a backstop)',
    }),
    readinessCheckTimeoutMs: setting({
      env: 'READINESS_CHECK_TIMEOUT_MS',
      file: 'server.readinessCheckTimeoutMs',
      type: integer({ min: 1 }),
      default: 2_000,
      doc: 'a `/readyz` check (Redis, …) still unanswered after this counts as failed',
    }),
  },
  metrics: {
    enabled: setting({ env: 'METRICS_ENABLED', file: 'metrics.enabled', type: flag, default: true, doc: 'serve Prometheus metrics at `/metrics`' }),
  },
  introspection: setting({ env: 'INTROSPECTION', file: 'introspection', type: flag, defaultDoc: 'on in development, off in production', doc: 'schema introspection' }),
  landingPage: setting({ env: 'LANDING_PAGE', file: 'landingPage', type: flag, defaultDoc: 'on in development, off in production', doc: "Apollo's landing page on `GET /graphql`" }),
  exposeErrorDetails: setting({
    env: 'EXPOSE_ERROR_DETAILS',
    file: 'exposeErrorDetails',
    type: flag,
    defaultDoc: 'on in development, off in production',
    doc: 'stack traces and unmasked messages in error responses',
  }),
  fieldSuggestions: setting({
    env: 'FIELD_SUGGESTIONS',
    file: 'fieldSuggestions',
    type: flag,
    defaultDoc: 'as `INTROSPECTION`',
    doc: '"Did you mean …?" hints in errors (they reveal the schema)',
  }),
};

export const serverSection = section({
  title: 'Server and process',
  settings,
  build: (values, context): ServerConfig => {
    const production = context.nodeEnv === 'production';
    const introspection = values.introspection ?? !production;
    const { server } = values;
    if (server.headersTimeoutMs > server.receiveTimeoutMs && !context.reported(settings.server.headersTimeoutMs) && !context.reported(settings.server.receiveTimeoutMs)) {
      context.problems.push(`${settings.server.headersTimeoutMs.name}: must not be longer than ${settings.server.receiveTimeoutMs.name} (${server.receiveTimeoutMs} ms)`);
    }
    return {
      nodeEnv: values.nodeEnv,
      port: values.port,
      host: values.host,
      logLevel: values.logLevel ?? (values.nodeEnv === 'test' ? 'silent' : 'info'),
      shutdownGraceMs: values.shutdownGraceMs,
      introspection,
      landingPage: values.landingPage ?? !production,
      fieldSuggestions: values.fieldSuggestions ?? introspection,
      exposeErrorDetails: values.exposeErrorDetails ?? !production,
      server,
      metrics: values.metrics,
    };
  },
});
