import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PersistedQueryManifest } from '@apollo/generate-persisted-query-manifest';
import { generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import { sha256Hex } from '../../src/server/trusted/TrustedDocuments';
import { rawPost } from '../support/rawPost';
import { JSON_HEADERS, REFERENCE_SLUG } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

const ROOT = join(__dirname, '..', '..');
const OPERATIONS = 'operations/*.graphql';
const articlePage = gql(readFileSync(join(ROOT, 'operations', 'ArticlePage.graphql'), 'utf8'));

type ApolloManifest = PersistedQueryManifest;

/** A tool's command-line entry point, run as a frontend's build runs it. */
const runBin = (name: string, args: string[]) => promisify(execFile)(join(ROOT, 'node_modules', '.bin', name), args, { cwd: ROOT, timeout: 60_000 });

/** Apollo Client 4 as a frontend sets it up: the persisted-queries link in front of its HTTP link. */
function apolloClient(gatewayUrl: string, persisted: PersistedQueryLink.Options) {
  const cache = new InMemoryCache();
  const link = new PersistedQueryLink(persisted).concat(new HttpLink({ uri: gatewayUrl }));
  return { client: new ApolloClient({ cache, link }), cache };
}

function expectNormalised(cache: InMemoryCache) {
  const keys = Object.keys(cache.extract());
  expect(keys).toContain('ROOT_QUERY');
  // Entities of their own, not answers nested under ROOT_QUERY: the cache saw __typename and id.
  expect(keys.filter((key) => key.startsWith('Post:')).length).toBeGreaterThan(1);
  expect(keys.some((key) => key.startsWith('Author:'))).toBe(true);
  expect(keys.some((key) => key.startsWith('Topic:'))).toBe(true);
}

describe("trusted documents from the frontend's own tooling, in trusted-documents-only mode", () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontend-manifests-'));
  let apolloManifest: ApolloManifest;
  let presetManifest: Record<string, string>;
  let manifestServer: Server;
  let manifestRequests = 0;
  let gateway: TestGateway;

  beforeAll(async () => {
    // The two tools, run on the repository's operations as a frontend's build would run them.
    const apolloFile = join(dir, 'persisted-query-manifest.json');
    const apolloConfig = join(dir, 'persisted-query-manifest.config.json');
    writeFileSync(apolloConfig, JSON.stringify({ documents: [OPERATIONS], output: apolloFile }));
    const codegenConfig = join(dir, 'codegen.json');
    const presetOutput = `${join(dir, 'gql')}/`;
    writeFileSync(codegenConfig, JSON.stringify({ schema: 'schema.graphql', documents: [OPERATIONS], generates: { [presetOutput]: { preset: 'client', presetConfig: { persistedDocuments: true } } } }));
    await Promise.all([runBin('generate-persisted-query-manifest', ['--config', apolloConfig]), runBin('graphql-codegen', ['--config', codegenConfig, '--silent'])]);
    apolloManifest = JSON.parse(readFileSync(apolloFile, 'utf8')) as ApolloManifest;
    presetManifest = JSON.parse(readFileSync(join(dir, 'gql', 'persisted-documents.json'), 'utf8')) as Record<string, string>;

    // The second app publishes its manifest at a URL, as a CI artefact would be.
    manifestServer = createServer((_request, response) => {
      manifestRequests += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(presetManifest));
    });
    await new Promise<void>((resolve) => manifestServer.listen(0, '127.0.0.1', resolve));
    const manifestUrl = `http://127.0.0.1:${(manifestServer.address() as AddressInfo).port}/persisted-documents.json`;
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', PERSISTED_OPERATIONS_ONLY: 'true', PERSISTED_OPERATIONS_MANIFESTS: `${apolloFile},${manifestUrl}` } });
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => manifestServer?.close(resolve));
  });

  it('generated both manifests in their own formats, with their own hashes', () => {
    expect(apolloManifest.format).toBe('apollo-persisted-query-manifest');
    const article = apolloManifest.operations.find((operation) => operation.name === 'ArticlePage');
    expect(article?.body).toContain('__typename');
    expect(Object.keys(presetManifest).every((key) => /^sha256:[0-9a-f]{64}$/.test(key))).toBe(true);
    expect(manifestRequests).toBe(1);
  });

  it("runs ArticlePage from Apollo Client 4 with @apollo/persisted-query-lists, and Apollo's cache normalises the answer", async () => {
    const { client, cache } = apolloClient(gateway.url, generatePersistedQueryIdsFromManifest({ loadManifest: async () => apolloManifest }));
    const result = await client.query({ query: articlePage, variables: { slug: REFERENCE_SLUG } });
    expect(result.error).toBeUndefined();
    const post = (result.data as { post: { slug: string; __typename: string; relatedStories: unknown[] } }).post;
    expect(post.slug).toBe(REFERENCE_SLUG);
    expect(post.__typename).toBe('Post');
    expect(post.relatedStories).toHaveLength(6);
    expectNormalised(cache);
  });

  it("runs ArticlePage by the client preset's hash as documentId", async () => {
    const [hash] = Object.entries(presetManifest).find(([, body]) => body.startsWith('query ArticlePage(')) ?? [];
    const response = await rawPost(gateway.url, JSON.stringify({ documentId: hash, variables: { slug: REFERENCE_SLUG } }), JSON_HEADERS);
    expect(response.status).toBe(200);
    const post = (response.json().data as { post: { slug: string; relatedStories: unknown[] } }).post;
    expect(post.slug).toBe(REFERENCE_SLUG);
    expect(post.relatedStories).toHaveLength(6);
  });

  it('still refuses what neither manifest lists', async () => {
    const query = '{ posts(first: 1) { totalCount } }';
    const byText = await rawPost(gateway.url, JSON.stringify({ query }), JSON_HEADERS);
    expect(byText.json().errors?.[0]?.extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
    const byId = await rawPost(gateway.url, JSON.stringify({ documentId: `sha256:${sha256Hex(query)}` }), JSON_HEADERS);
    expect(byId.json().errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });
});

describe("Apollo Client's own hashes against the repository's manifest (npm run codegen)", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', PERSISTED_OPERATIONS_ONLY: 'true' } });
  });
  afterAll(() => gateway.close());

  it('runs the __typename-augmented document Apollo Client hashes itself, and its cache normalises the answer', async () => {
    const { client, cache } = apolloClient(gateway.url, { sha256: async (text: string) => sha256Hex(text) });
    const result = await client.query({ query: articlePage, variables: { slug: REFERENCE_SLUG } });
    expect(result.error).toBeUndefined();
    expect((result.data as { post: { slug: string } }).post.slug).toBe(REFERENCE_SLUG);
    expectNormalised(cache);
  });

  it("runs Apollo Client's full text (no persisted-queries link), __typenames and all", async () => {
    const client = new ApolloClient({ cache: new InMemoryCache(), link: new HttpLink({ uri: gateway.url }) });
    const result = await client.query({ query: articlePage, variables: { slug: REFERENCE_SLUG } });
    expect(result.error).toBeUndefined();
    expect((result.data as { post: { author: { __typename: string } } }).post.author.__typename).toBe('Author');
    expectNormalised(client.cache as InMemoryCache);
  });
});
