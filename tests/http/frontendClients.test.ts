import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { REFERENCE_SLUG, REFERENCE_TITLE } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

/*
 * The clients frontends reach for, each with its own defaults (only the URL given), running the article
 * page against a development gateway. A loopback proxy in front of the gateway records what each client
 * really sends, so the test also shows which method and headers the client chose.
 */

interface Seen {
  method: string;
  headers: IncomingHttpHeaders;
  status: number;
}

describe('frontend clients with their defaults', () => {
  let gateway: TestGateway;
  let proxyUrl: string;
  const seen: Seen[] = [];
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'host') headers.set(name, value);
      void fetch(`${gateway.baseUrl}${req.url ?? '/'}`, { method: req.method, headers, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined }).then(async (response) => {
        seen.push({ method: req.method ?? '', headers: req.headers, status: response.status });
        const body = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
        res.end(body);
      });
    });
  });

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'development' } });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await gateway.close();
  });
  beforeEach(() => {
    seen.length = 0;
  });

  function expectArticle(data: ArticlePageQuery | undefined | null): void {
    expect(data?.post?.title).toBe(REFERENCE_TITLE);
    expect(data?.post?.relatedStories).toHaveLength(6);
  }

  it('Apollo Client 4 over POST (its default), with entities normalised in its cache', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: proxyUrl }), cache: new InMemoryCache() });
    const { data, error } = await client.query({ query: ArticlePageDocument, variables: { slug: REFERENCE_SLUG } });
    expect(error).toBeUndefined();
    expectArticle(data);
    expect(seen.map(({ method, status }) => [method, status])).toEqual([['POST', 200]]);
    const cached = client.cache.extract() as Record<string, { __typename?: string }>;
    expect(Object.values(cached).some((entity) => entity.__typename === 'Post')).toBe(true);
  });

  it('Apollo Client 4 with useGETForQueries', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: proxyUrl, useGETForQueries: true }), cache: new InMemoryCache() });
    const { data, error } = await client.query({ query: ArticlePageDocument, variables: { slug: REFERENCE_SLUG } });
    expect(error).toBeUndefined();
    expectArticle(data);
    expect(seen.map(({ method, status }) => [method, status])).toEqual([['GET', 200]]);
  });

  it('urql with its default GET for queries (no content-type, no preflight header)', async () => {
    const client = new Client({ url: proxyUrl, exchanges: [cacheExchange, fetchExchange] });
    const result = await client.query(ArticlePageDocument, { slug: REFERENCE_SLUG }).toPromise();
    expect(result.error).toBeUndefined();
    expectArticle(result.data);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', status: 200 });
    expect(seen[0]?.headers['content-type']).toBeUndefined();
    expect(seen[0]?.headers['apollo-require-preflight']).toBeUndefined();
  });

  it('graphql-request over POST (its default) and over GET', async () => {
    const post = new GraphQLClient(proxyUrl);
    expectArticle(await post.request(ArticlePageDocument, { slug: REFERENCE_SLUG }));
    const get = new GraphQLClient(proxyUrl, { method: 'GET' });
    expectArticle(await get.request(ArticlePageDocument, { slug: REFERENCE_SLUG }));
    expect(seen.map(({ method, status }) => [method, status])).toEqual([
      ['POST', 200],
      ['GET', 200],
    ]);
  });
});
