import { readFileSync } from 'node:fs';

/**
 * The two requests the page makes to the gateway. The public one goes by GET with the operation's persisted
 * hash only, so the gateway's response cache and a CDN can answer it; the reader's own goes by POST with their
 * token and is never shared.
 */
export class GatewayClient {
  constructor({ url, manifestPath, timeoutMs = 5000 }) {
    this.url = url;
    this.timeoutMs = timeoutMs;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    this.ids = new Map(manifest.operations.map((operation) => [operation.name, operation.id]));
  }

  has(operationName) {
    return this.ids.has(operationName);
  }

  /** One GET by hash: `extensions.persistedQuery.sha256Hash` from the manifest, the variables in the URL. */
  async query(operationName, variables) {
    const search = new URLSearchParams({
      operationName,
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: this.idOf(operationName) } }),
    });
    // A GET query needs no preflight header: the gateway runs queries, never mutations, over GET.
    return this.send(`${this.url}?${search}`, { headers: { accept: 'application/json' } });
  }

  /** The reader's own request (their token, when signed in; mutations): by POST, never cached on the way. */
  async privateQuery(operationName, variables, token, extraHeaders = {}) {
    const body = JSON.stringify({ operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: this.idOf(operationName) } } });
    const headers = { 'content-type': 'application/json', accept: 'application/json', ...extraHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    return this.send(this.url, { method: 'POST', body, headers });
  }

  idOf(operationName) {
    const id = this.ids.get(operationName);
    if (!id) throw new Error(`${operationName} is not in the trusted-documents manifest`);
    return id;
  }

  async send(url, init) {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    const body = await response.json().catch(() => ({ errors: [{ message: `gateway answered ${response.status} without JSON` }] }));
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
  }
}
