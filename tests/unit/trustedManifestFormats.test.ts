import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import { loadTrustedDocuments } from '../../src/server/trusted/loadTrustedDocuments';
import { parseManifest } from '../../src/server/trusted/manifestFormats';
import { sha256Hex, TrustedDocuments } from '../../src/server/trusted/TrustedDocuments';
import { resolveTrustedDocument } from '../../src/server/trusted/resolveTrustedDocument';
import { withTypenameAsApolloClient } from '../../src/server/trusted/typenameNormalisation';

const BODY = 'query Teasers {\n  posts(first: 2) {\n    edges {\n      node {\n        id\n        title\n      }\n    }\n  }\n}';
const APOLLO_BODY = print(withTypenameAsApolloClient(parse(BODY)));
const apolloManifest = (body: string) => ({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256Hex(body), name: 'Teasers', type: 'query', body }] });

describe('trusted-documents manifests in the formats frontends generate', () => {
  it("reads Apollo's persisted-query-manifest.json and the client preset's persisted-documents.json", () => {
    expect(parseManifest(apolloManifest(BODY), 'a.json')).toEqual([{ id: sha256Hex(BODY), name: 'Teasers', body: BODY }]);
    const sha1 = createHash('sha1').update(BODY).digest('hex');
    expect(parseManifest({ [`sha256:${sha256Hex(BODY)}`]: BODY, [sha1]: BODY, 'my-own-id': BODY }, 'p.json')).toEqual([
      { id: sha256Hex(BODY), name: 'Teasers', body: BODY },
      { id: sha1, name: 'Teasers', body: BODY },
      { id: 'my-own-id', name: 'Teasers', body: BODY },
    ]);
  });

  it('names the manifest and the problem when it is neither', () => {
    expect(() => parseManifest({ format: 'apollo-persisted-query-manifest', version: 2, operations: [] }, 'old.json')).toThrow(/^old\.json is not a valid Apollo persisted query manifest: version/);
    expect(() => parseManifest([1, 2], 'list.json')).toThrow(/^list\.json is neither an Apollo persisted query manifest .* nor a GraphQL Code Generator persisted-documents\.json/);
    expect(() => parseManifest({ [`sha256:${'0'.repeat(64)}`]: BODY }, 'p.json')).toThrow(/p\.json: trusted document "Teasers" does not hash to its id sha256:0+ \(sha256 of its body\)/);
  });

  it('adds __typename where Apollo Client 4 does: every selection set but the operation root, once', () => {
    expect(APOLLO_BODY).toContain('node {\n        id\n        title\n        __typename\n      }');
    expect(APOLLO_BODY.match(/__typename/g)).toHaveLength(3);
    expect(APOLLO_BODY).toMatch(/^query Teasers \{\n  posts\(first: 2\) \{\n/);
    expect(print(withTypenameAsApolloClient(parse(APOLLO_BODY)))).toBe(APOLLO_BODY);
  });

  it("knows a document by its id, by the hash of Apollo Client's text, and by text up to __typename and layout", () => {
    const documents = new TrustedDocuments(parseManifest(apolloManifest(BODY), 'a.json'));
    expect(documents.byHash(`sha256:${sha256Hex(BODY).toUpperCase()}`)?.body).toBe(BODY);
    expect(documents.byHash(sha256Hex(APOLLO_BODY))?.body).toBe(APOLLO_BODY);
    expect(documents.byText('query Teasers { posts(first: 2) { __typename edges { node { id title __typename } } } }')?.name).toBe('Teasers');
    expect(documents.byText('query Teasers { posts(first: 2) { edges { node { id title t: __typename } } } }')).toBeUndefined();
    expect(documents.byText('query Teasers { posts(first: 2) { edges { node { id title body } } } }')).toBeUndefined();
    expect(documents.byText('query Teasers {')).toBeUndefined();
    expect(documents.size).toBe(1);
    expect(documents.names()).toEqual(['Teasers']);
  });

  it("runs the client's text when it sends text and id together, so its __typenames are answered", () => {
    const documents = new TrustedDocuments(parseManifest(apolloManifest(BODY), 'a.json'));
    const sent = { query: APOLLO_BODY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(BODY) } } };
    expect(resolveTrustedDocument(sent, { documents, only: true })).toEqual({ ok: true, params: { query: APOLLO_BODY } });
    expect(resolveTrustedDocument({ documentId: sha256Hex(APOLLO_BODY) }, { documents, only: true })).toEqual({ ok: true, params: { query: APOLLO_BODY } });
    expect(resolveTrustedDocument({ query: '{ other }', documentId: sha256Hex(BODY) }, { documents, only: true })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('refuses one id for two different texts across manifests', () => {
    expect(() => new TrustedDocuments([{ id: 'x', name: 'A', body: '{ a }' }, { id: 'x', name: 'B', body: '{ b }' }])).toThrow(/Two trusted documents have the id x/);
  });

  describe('loadTrustedDocuments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
    const apolloFile = join(dir, 'persisted-query-manifest.json');
    const presetFile = join(dir, 'persisted-documents.json');
    const brokenFile = join(dir, 'broken.json');
    writeFileSync(apolloFile, JSON.stringify(apolloManifest(BODY)));
    writeFileSync(presetFile, JSON.stringify({ [`sha256:${sha256Hex('{ a }')}`]: '{ a }' }));
    writeFileSync(brokenFile, '{"format":');
    const urls: string[] = [];
    const fetchManifest = async (url: URL) => {
      urls.push(url.href);
      return { [sha256Hex('{ b }')]: '{ b }' };
    };
    const options = (manifests: string[], only = true) => ({ only, manifests, settingName: 'PERSISTED_OPERATIONS_MANIFESTS' });

    it('reads several files and URLs, one per frontend app', async () => {
      const documents = await loadTrustedDocuments(options([apolloFile, presetFile, 'https://cdn.example.com/app/persisted-documents.json']), fetchManifest, () => undefined);
      expect(documents.size).toBe(3);
      expect(urls).toEqual(['https://cdn.example.com/app/persisted-documents.json']);
      expect(documents.byHash(sha256Hex('{ b }'))?.body).toBe('{ b }');
    });

    it('stops start-up in trusted-only mode, naming the variable, the manifest and the problem', async () => {
      await expect(loadTrustedDocuments(options([apolloFile, join(dir, 'missing.json')]), fetchManifest, () => undefined)).rejects.toThrow(
        `PERSISTED_OPERATIONS_MANIFESTS: cannot use the trusted-documents manifest ${join(dir, 'missing.json')}: no such file`,
      );
      await expect(loadTrustedDocuments(options([brokenFile]), fetchManifest, () => undefined)).rejects.toThrow(/PERSISTED_OPERATIONS_MANIFESTS: .*broken\.json: not JSON/);
      const unreachable = async () => Promise.reject(Object.assign(new Error('The trusted-manifests service is unavailable.'), { extensions: { code: 'UPSTREAM_UNAVAILABLE' } }));
      await expect(loadTrustedDocuments(options(['http://127.0.0.1:9/m.json']), unreachable, () => undefined)).rejects.toThrow(
        'PERSISTED_OPERATIONS_MANIFESTS: cannot use the trusted-documents manifest http://127.0.0.1:9/m.json: The trusted-manifests service is unavailable. (UPSTREAM_UNAVAILABLE)',
      );
    });

    it('otherwise reports the missing manifest and keeps the others', async () => {
      const missing: string[] = [];
      const documents = await loadTrustedDocuments(options([apolloFile, brokenFile], false), fetchManifest, (error) => missing.push(error.message));
      expect(documents.size).toBe(1);
      expect(missing).toEqual([expect.stringMatching(/^PERSISTED_OPERATIONS_MANIFESTS: .*broken\.json/)]);
    });
  });
});
