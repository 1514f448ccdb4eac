import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** Every error that reaches a client carries one of these in `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_REQUEST',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
  /** The upstream refused the gateway's own credentials (401/403): a wrong or revoked WordPress application password. */
  UPSTREAM_UNAUTHORIZED: 'UPSTREAM_UNAUTHORIZED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The request ran longer than REQUEST_TIMEOUT_MS. */
  GATEWAY_TIMEOUT: 'GATEWAY_TIMEOUT',
  /** A trusted-document id that is not in the manifest. */
  PERSISTED_QUERY_NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /** An Automatic Persisted Query of a version other than 1 (the only one there is). */
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** Operation text that is not a trusted document, while PERSISTED_OPERATIONS_ONLY is on. */
  QUERY_NOT_IN_SAFELIST: 'QUERY_NOT_IN_SAFELIST',
  /** HTTP 401: missing or invalid credentials (a webhook signature, a token). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller is known (or anonymous) but may not have this: a preview without an editor's preview token. */
  FORBIDDEN: 'FORBIDDEN',
  /** HTTP 404: no such route, or a route that is turned off. */
  NOT_FOUND: 'NOT_FOUND',
  /** HTTP 405: the route does not take this method. */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** HTTP 408: the request (headers or body) did not arrive in time. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** HTTP 413: the body is larger than BODY_LIMIT_BYTES. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** HTTP 431: the request's headers are too large. */
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes that describe the client's request or a named upstream's failure: safe to show as they are. Apollo
 * Server assigns the GRAPHQL_* and PERSISTED_QUERY_* ones itself.
 */
const CLIENT_SAFE_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.BAD_REQUEST,
  ErrorCode.UPSTREAM_UNAVAILABLE,
  ErrorCode.UPSTREAM_TIMEOUT,
  ErrorCode.UPSTREAM_BAD_RESPONSE,
  ErrorCode.UPSTREAM_UNAUTHORIZED,
  ErrorCode.GATEWAY_TIMEOUT,
  ErrorCode.FORBIDDEN,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export class BadUserInputError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...details } });
  }
}

/** The caller may not have what it asked for; the message says what would be needed, never why a token failed. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/** Throws BAD_USER_INPUT naming the argument and its allowed range. */
export function assertIntInRange(argumentName: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`Argument "${argumentName}" must be between ${min} and ${max}; got ${value}.`, {
      argumentName,
      min,
      max,
    });
  }
}

export type UpstreamErrorCode =
  | typeof ErrorCode.UPSTREAM_UNAVAILABLE
  | typeof ErrorCode.UPSTREAM_TIMEOUT
  | typeof ErrorCode.UPSTREAM_BAD_RESPONSE
  | typeof ErrorCode.UPSTREAM_UNAUTHORIZED;

/**
 * An upstream failed. Carries the service name so clients and operators know which dependency degraded,
 * and never the upstream URL, status body or stack: those stay in the logs.
 */
export class UpstreamError extends GraphQLError {
  readonly serviceName: string;
  constructor(code: UpstreamErrorCode, serviceName: string, message: string, options: { cause?: unknown } = {}) {
    super(message, { extensions: { code, serviceName }, originalError: asError(options.cause) });
    this.serviceName = serviceName;
  }
}

/**
 * The request a call served has ended (past REQUEST_TIMEOUT_MS, or its client left) before the call
 * answered: the call was abandoned, nothing failed upstream. Its client already has its 504 or is gone.
 */
export class RequestEndedError extends GraphQLError {
  constructor(reason?: unknown) {
    super('The request ended before the upstream call it was waiting on answered.', { extensions: { code: ErrorCode.GATEWAY_TIMEOUT }, originalError: asError(reason) });
  }
}

function asError(value: unknown): Error | undefined {
  return value instanceof Error ? value : undefined;
}

export interface FormatErrorOptions {
  /** Development only: keep stack traces and unexpected messages for the developer at the keyboard. */
  exposeInternals: boolean;
  /** Strip "Did you mean …?" hints, which reveal field and type names when introspection is off. */
  hideSuggestions?: boolean;
  /** The id of the request the error belongs to: a masked error names it so support can find the log line. */
  requestId?: (error: unknown) => string | undefined;
  onUnexpectedError?: (error: unknown, requestId?: string) => void;
}

const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * The one choke point for errors leaving the gateway: known client and upstream errors pass with their
 * code; anything else is masked as INTERNAL_SERVER_ERROR so internals never leak.
 */
export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = original instanceof GraphQLError ? (original.extensions?.code ?? formatted.extensions?.code) : undefined;
    if (typeof code === 'string' && CLIENT_SAFE_CODES.has(code)) {
      const shown = options.exposeInternals ? formatted : withoutStacktrace(formatted);
      // Apollo strips hints from validation errors only; variable and argument coercion errors carry them too.
      return options.hideSuggestions && SUGGESTION.test(shown.message) ? { ...shown, message: shown.message.replace(SUGGESTION, '') } : shown;
    }
    const requestId = options.requestId?.(error);
    options.onUnexpectedError?.(original, requestId);
    if (options.exposeInternals) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) } };
    }
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
