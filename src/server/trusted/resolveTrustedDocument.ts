import { ErrorCode } from '../../errors';
import { sha256Hex, type TrustedDocuments } from './TrustedDocuments';

export interface TrustedDocumentOptions {
  documents: TrustedDocuments;
  /** Refuse every operation that is not in the manifest. */
  only: boolean;
}

export interface GraphQLRequestParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
  [key: string]: unknown;
}

export type Resolution = { ok: true; params: GraphQLRequestParams } | { ok: false; status: number; code: ErrorCode; message: string };

/**
 * Turns a request that names a trusted document (GraphQL-over-HTTP `documentId`, or Apollo's
 * `extensions.persistedQuery.sha256Hash`) into one carrying its text, before Apollo sees it; with `only`,
 * refuses anything else. Unknown hashes outside `only` mode are left to Apollo's automatic persisted queries.
 */
export function resolveTrustedDocument(params: GraphQLRequestParams, options: TrustedDocumentOptions): Resolution {
  const persistedQuery = persistedQueryOf(params.extensions);
  const rawId = typeof params.documentId === 'string' ? params.documentId : persistedQuery?.sha256Hash;
  const query = typeof params.query === 'string' && params.query !== '' ? params.query : undefined;

  if (typeof rawId === 'string') {
    const document = options.documents.byHash(rawId);
    if (query !== undefined) {
      // Both: the text must be what the id names (Apollo's automatic persisted queries register it so).
      const consistent = document ? options.documents.matches(rawId, query) : sha256Hex(query) === rawId.replace(/^sha256:/i, '').toLowerCase();
      if (!consistent) return refuse(400, ErrorCode.BAD_REQUEST, 'The query text does not match its hash; send one or the other.');
      // The client's own text, so the answer has every `__typename` it asked for.
      if (document) return { ok: true, params: withText(params, query) };
    }
    if (document) return { ok: true, params: withText(params, document.body) };
    if (options.only || params.documentId !== undefined) {
      return refuse(400, ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, `No trusted operation has the id ${rawId.slice(0, 80)}; this gateway runs only the operations in its manifest.`);
    }
    return { ok: true, params };
  }

  if (options.only) {
    // The client's text runs, not the manifest's: it may differ by the `__typename`s the client wants answered.
    if (query !== undefined && options.documents.byText(query)) return { ok: true, params };
    return refuse(
      400,
      ErrorCode.QUERY_NOT_IN_SAFELIST,
      'This gateway runs only trusted operations: send the operation id (extensions.persistedQuery.sha256Hash or documentId) from its manifest.',
    );
  }
  return { ok: true, params };
}

function persistedQueryOf(extensions: unknown): { sha256Hash?: unknown } | undefined {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const persistedQuery = (extensions as { persistedQuery?: unknown }).persistedQuery;
  return typeof persistedQuery === 'object' && persistedQuery !== null ? (persistedQuery as { sha256Hash?: unknown }) : undefined;
}

/** The request with the document's text and without the id, so Apollo's own persisted-query cache stays out of it. */
function withText(params: GraphQLRequestParams, body: string): GraphQLRequestParams {
  const { documentId: _id, extensions, ...rest } = params;
  const result: GraphQLRequestParams = { ...rest, query: body };
  if (typeof extensions === 'object' && extensions !== null) {
    const { persistedQuery: _persisted, ...otherExtensions } = extensions as Record<string, unknown>;
    if (Object.keys(otherExtensions).length > 0) result.extensions = otherExtensions;
  }
  return result;
}

function refuse(status: number, code: ErrorCode, message: string): Resolution {
  return { ok: false, status, code, message };
}

/** The same for a GET request, whose parameters travel in the query string. */
export function resolveTrustedSearch(search: URLSearchParams, options: TrustedDocumentOptions): { ok: true; search: URLSearchParams } | Extract<Resolution, { ok: false }> {
  const params: GraphQLRequestParams = {
    query: search.get('query') ?? undefined,
    documentId: search.get('documentId') ?? undefined,
    extensions: parseJsonObject(search.get('extensions')),
  };
  const resolution = resolveTrustedDocument(params, options);
  if (!resolution.ok) return resolution;
  if (resolution.params === params) return { ok: true, search };
  const rewritten = new URLSearchParams(search);
  rewritten.set('query', String(resolution.params.query));
  rewritten.delete('documentId');
  if (resolution.params.extensions === undefined) rewritten.delete('extensions');
  else rewritten.set('extensions', JSON.stringify(resolution.params.extensions));
  return { ok: true, search: rewritten };
}

function parseJsonObject(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Apollo answers malformed extensions with its own 400.
    return undefined;
  }
}
