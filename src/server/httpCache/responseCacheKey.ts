import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { declaredVariables, undeclaredVariables } from './declaredVariables';

/** What identifies a GraphQL request's answer, taken from a POST body or a GET query string. */
export interface GraphqlRequestParts {
  query: string | undefined;
  /** The Automatic Persisted Query hash, when the client sent one. */
  persistedQueryHash: string | undefined;
  operationName: string | undefined;
  variables: unknown;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Reads the parts of a request that decide its answer; `undefined` when the request is not a plain,
 * well-formed one (a batch, bad JSON in the query string, …), which Apollo then answers itself.
 */
export function graphqlRequestParts(method: string, body: unknown, search: URLSearchParams): GraphqlRequestParts | undefined {
  if (method === 'POST') {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const { query, operationName, variables, extensions } = body as Record<string, unknown>;
    return partsFrom(query, operationName, variables, extensions);
  }
  try {
    const variables = search.get('variables');
    const extensions = search.get('extensions');
    return partsFrom(
      search.get('query') ?? undefined,
      search.get('operationName') ?? undefined,
      variables ? (JSON.parse(variables) as unknown) : undefined,
      extensions ? (JSON.parse(extensions) as unknown) : undefined,
    );
  } catch {
    return undefined;
  }
}

function partsFrom(query: unknown, operationName: unknown, variables: unknown, extensions: unknown): GraphqlRequestParts | undefined {
  if (query !== undefined && query !== null && typeof query !== 'string') return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  const hash = persisted?.sha256Hash;
  if (hash !== undefined && (typeof hash !== 'string' || !SHA256_HEX.test(hash))) return undefined;
  return { query: query ?? undefined, persistedQueryHash: hash, operationName: operationName ?? undefined, variables: variables ?? undefined };
}

/**
 * The response-cache key: the document (by its SHA-256, so a persisted-query hash and the full text
 * meet in one entry), the operation name, the variables the operation declares, in canonical form, and
 * the negotiated media type (Accept). `undefined` (the request goes the long way, uncached) when there is
 * no document, the text and hash disagree, the operation's declarations are unknown, or the request
 * sends a variable the operation does not declare: Apollo's pipeline refuses those (400 BAD_USER_INPUT,
 * undeclaredVariablesPlugin), hit or miss, so an unused variable never makes a new entry.
 */
export function responseCacheKey(parts: GraphqlRequestParts, accept: string | undefined): string | undefined {
  const textHash = parts.query !== undefined ? documentHash(parts.query) : undefined;
  if (textHash && parts.persistedQueryHash && textHash !== parts.persistedQueryHash) return undefined;
  const documentId = textHash ?? parts.persistedQueryHash;
  if (!documentId) return undefined;
  const names = declaredVariables(documentId, parts.query, parts.operationName);
  if (!names || undeclaredVariables(parts.variables, names).length > 0) return undefined;
  const variables: Record<string, unknown> = {};
  const sent = (parts.variables ?? {}) as Record<string, unknown>;
  for (const name of names) if (Object.hasOwn(sent, name)) variables[name] = sent[name];
  const normalizedAccept = (accept ?? '').toLowerCase().replace(/\s+/g, '');
  return sha256(JSON.stringify([documentId, parts.operationName ?? null, canonicalJson(variables), normalizedAccept]));
}

/** JSON with object keys sorted at every level: `{a, b}` and `{b, a}` are the same variables. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Clients send the same few documents over and over: hashing each once keeps the cache-hit path short. */
const documentHashes = new LRUCache<string, string>({ max: 1_000 });

function documentHash(query: string): string {
  let hash = documentHashes.get(query);
  if (hash === undefined) {
    hash = sha256(query);
    documentHashes.set(query, hash);
  }
  return hash;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
