import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { print } from 'graphql';
import { DEFAULT_PERSISTED_OPERATIONS_MANIFEST } from '../../src/config';
import { parseManifest } from '../../src/server/trusted/manifestFormats';
import { sha256Hex, TrustedDocuments } from '../../src/server/trusted/TrustedDocuments';
import { resolveTrustedDocument, resolveTrustedSearch } from '../../src/server/trusted/resolveTrustedDocument';
import { ArticlePageDocument } from '../generated/operations';
import { operationFiles } from '../support/operationFiles';

const { buildPersistedManifest } = require('../../scripts/codegenPersistedManifest.cjs') as {
  buildPersistedManifest: (documents: unknown[]) => { operations: { id: string; name: string; body: string }[] };
};

describe('the trusted-documents manifest', () => {
  const committed = JSON.parse(readFileSync(DEFAULT_PERSISTED_OPERATIONS_MANIFEST, 'utf8')) as { operations: { id: string; name: string; body: string }[] };

  it('lists every operation in operations/ as codegen would write it now (run `npm run codegen` after changing one)', () => {
    expect(DEFAULT_PERSISTED_OPERATIONS_MANIFEST).toBe(join(__dirname, '..', '..', 'operations', 'persisted-query-manifest.json'));
    expect(committed).toEqual(buildPersistedManifest(operationFiles().map((file) => file.document)));
    expect(committed.operations.map((operation) => operation.name)).toEqual(operationFiles().map((file) => file.name));
  });

  it('identifies each operation by the SHA-256 of its printed text, as Apollo clients hash it', () => {
    const article = committed.operations.find((operation) => operation.name === 'ArticlePage');
    expect(article?.body).toBe(print(ArticlePageDocument));
    expect(article?.id).toBe(sha256Hex(print(ArticlePageDocument)));
    expect(new TrustedDocuments(parseManifest(committed, 'committed')).size).toBe(operationFiles().length);
  });

  it('refuses a manifest whose id does not match its text', () => {
    const manifest = { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256Hex('{ a }'), name: 'A', type: 'query', body: '{ b }' }] };
    expect(() => parseManifest(manifest, 'edited.json')).toThrow(/edited\.json: trusted document "A" does not hash to its id/);
  });
});

describe('resolveTrustedDocument', () => {
  const body = '{ posts { totalCount } }';
  const id = sha256Hex(body);
  const documents = new TrustedDocuments([{ id, name: 'Count', body }]);

  it('swaps a known id for its text and drops the persisted-query extension', () => {
    expect(resolveTrustedDocument({ extensions: { persistedQuery: { version: 1, sha256Hash: id }, trace: true }, variables: { a: 1 } }, { documents, only: true })).toEqual({
      ok: true,
      params: { query: body, variables: { a: 1 }, extensions: { trace: true } },
    });
    expect(resolveTrustedDocument({ documentId: `sha256:${id}` }, { documents, only: true })).toEqual({ ok: true, params: { query: body } });
  });

  it('in only mode refuses unknown ids and text that is not a trusted document, and accepts a trusted text as it is', () => {
    expect(resolveTrustedDocument({ extensions: { persistedQuery: { sha256Hash: 'f'.repeat(64) } } }, { documents, only: true })).toMatchObject({ ok: false, status: 400, code: 'PERSISTED_QUERY_NOT_IN_LIST' });
    expect(resolveTrustedDocument({ query: '{ posts { edges { cursor } } }' }, { documents, only: true })).toMatchObject({ ok: false, status: 400, code: 'QUERY_NOT_IN_SAFELIST' });
    expect(resolveTrustedDocument({}, { documents, only: true })).toMatchObject({ ok: false, code: 'QUERY_NOT_IN_SAFELIST' });
    expect(resolveTrustedDocument({ query: body }, { documents, only: true })).toEqual({ ok: true, params: { query: body } });
  });

  it('refuses text that does not match the id sent with it', () => {
    expect(resolveTrustedDocument({ query: '{ other }', extensions: { persistedQuery: { sha256Hash: id } } }, { documents, only: false })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('outside only mode leaves other text and unknown hashes to Apollo (automatic persisted queries)', () => {
    const unknown = { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } };
    expect(resolveTrustedDocument(unknown, { documents, only: false })).toEqual({ ok: true, params: unknown });
    expect(resolveTrustedDocument({ query: '{ anything }' }, { documents, only: false })).toEqual({ ok: true, params: { query: '{ anything }' } });
  });

  it('rewrites GET parameters the same way', () => {
    const search = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }), variables: '{}' });
    const resolved = resolveTrustedSearch(search, { documents, only: true });
    expect(resolved.ok && Object.fromEntries(resolved.search)).toEqual({ query: body, variables: '{}' });
    expect(resolveTrustedSearch(new URLSearchParams({ query: '{ x }' }), { documents, only: true })).toMatchObject({ ok: false, code: 'QUERY_NOT_IN_SAFELIST' });
  });
});
