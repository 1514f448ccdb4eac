import { print } from 'graphql';
import { sha256Hex } from '../../src/server/trusted/TrustedDocuments';
import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { countingSources } from '../support/countingSources';
import { rawPost } from '../support/rawPost';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { JSON_HEADERS, REFERENCE_SLUG } from '../support/fixtures';

const ARTICLE_PAGE_ID = sha256Hex(print(ArticlePageDocument));

describe('PERSISTED_OPERATIONS_ONLY=true: only the trusted documents run', () => {
  const counted = countingSources(demoSources());
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ sources: counted.sources, env: { NODE_ENV: 'production', PERSISTED_OPERATIONS_ONLY: 'true' } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => counted.reset());

  const send = (body: unknown) => rawPost(gateway.url, JSON.stringify(body), JSON_HEADERS);

  it('runs ArticlePage by its SHA-256 in extensions.persistedQuery', async () => {
    const response = await send({ variables: { slug: REFERENCE_SLUG }, extensions: { persistedQuery: { version: 1, sha256Hash: ARTICLE_PAGE_ID } } });
    expect(response.status).toBe(200);
    const body = response.json() as { data: ArticlePageQuery };
    expect(body.data.post?.slug).toBe(REFERENCE_SLUG);
    expect(body.data.post?.relatedStories).toHaveLength(6);
  });

  it('runs it by documentId too, and over GET', async () => {
    const byDocumentId = await send({ documentId: `sha256:${ARTICLE_PAGE_ID}`, variables: { slug: REFERENCE_SLUG } });
    expect(byDocumentId.status).toBe(200);
    expect((byDocumentId.json().data as ArticlePageQuery).post?.slug).toBe(REFERENCE_SLUG);

    const search = new URLSearchParams({
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: ARTICLE_PAGE_ID } }),
      variables: JSON.stringify({ slug: REFERENCE_SLUG }),
    });
    const get = await fetch(`${gateway.url}?${search.toString()}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: ArticlePageQuery }).data.post?.slug).toBe(REFERENCE_SLUG);
  });

  it('runs the exact text of a trusted document', async () => {
    const response = await send({ query: print(ArticlePageDocument), variables: { slug: REFERENCE_SLUG } });
    expect(response.status).toBe(200);
  });

  it('refuses an unknown id with 400 PERSISTED_QUERY_NOT_IN_LIST before any upstream call', async () => {
    const response = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'e'.repeat(64) } } });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json().errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(counted.count()).toBe(0);
  });

  it('refuses any other text with 400 QUERY_NOT_IN_SAFELIST, GET or POST, before any upstream call', async () => {
    const post = await send({ query: '{ posts(first: 1) { totalCount } }' });
    expect(post.status).toBe(400);
    expect(post.json().errors?.[0]?.extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ posts(first: 1) { totalCount } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('QUERY_NOT_IN_SAFELIST');
    expect(counted.count()).toBe(0);
  });

  it('does not let a client register its own operation (automatic persisted queries are off)', async () => {
    const query = '{ posts(first: 1) { totalCount } }';
    const register = await send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } } });
    expect(register.status).toBe(400);
    const reuse = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } } });
    expect(reuse.status).toBe(400);
    expect(reuse.json().errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(counted.count()).toBe(0);
  });
});

describe('without PERSISTED_OPERATIONS_ONLY', () => {
  it('serves trusted documents by id and other operations as text', async () => {
    const gateway = await startTestGateway({ env: { NODE_ENV: 'production' } });
    try {
      const byId = await rawPost(gateway.url, JSON.stringify({ variables: { slug: REFERENCE_SLUG }, extensions: { persistedQuery: { version: 1, sha256Hash: ARTICLE_PAGE_ID } } }), JSON_HEADERS);
      expect(byId.status).toBe(200);
      expect((await gateway.query('{ posts(first: 1) { totalCount } }')).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('refuses to start in trusted-only mode without a manifest, naming the variable and the file', async () => {
    await expect(startTestGateway({ env: { PERSISTED_OPERATIONS_ONLY: 'true', PERSISTED_OPERATIONS_MANIFESTS: '/nonexistent/manifest.json' } })).rejects.toThrow(
      'PERSISTED_OPERATIONS_MANIFESTS: cannot use the trusted-documents manifest /nonexistent/manifest.json: no such file',
    );
  });
});
