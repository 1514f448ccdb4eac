import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { print } from 'graphql';
import { ArticlePageDocument } from '../generated/operations';
import { REFERENCE_SLUG } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET over node:http, which (unlike fetch) hands over the bytes exactly as sent, compressed or not. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const articleUrl = (gateway: TestGateway, slug = REFERENCE_SLUG) =>
  `${gateway.url}?${new URLSearchParams({ query: print(ArticlePageDocument), variables: JSON.stringify({ slug }) })}`;

describe('CDN-correct HTTP', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'development' } });
  });
  afterAll(() => gateway.close());

  it('names Accept (and Accept-Encoding, and Origin where CORS varies) in Vary, on a miss and a hit', async () => {
    const miss = await rawGet(articleUrl(gateway));
    const hit = await rawGet(articleUrl(gateway));
    expect([miss.headers['x-cache'], hit.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    for (const response of [miss, hit]) {
      const vary = String(response.headers.vary).split(/,\s*/);
      expect(vary).toEqual(expect.arrayContaining(['Accept', 'Accept-Encoding', 'Origin']));
    }
    const anyOrigin = await startTestGateway({ env: { NODE_ENV: 'production', CORS_ORIGINS: '*', COMPRESSION: 'false' } });
    try {
      for (let round = 0; round < 2; round += 1) {
        const response = await rawGet(articleUrl(anyOrigin));
        expect(response.headers.vary).toBe('Accept');
      }
    } finally {
      await anyOrigin.close();
    }
  });

  it('sends a strong ETag and answers a matching If-None-Match with 304 and no body, on misses and hits alike', async () => {
    // A slug of its own, so the first request is a miss in this test whatever ran before.
    const { body } = await gateway.query<{ posts: { edges: { node: { slug: string } }[] } }>('{ posts(first: 3) { edges { node { slug } } } }');
    const other = body.data?.posts.edges[2]?.node;
    const url = articleUrl(gateway, other?.slug);
    const first = await rawGet(url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['x-cache']).toBe('MISS');

    const fresh = await startTestGateway({ env: { NODE_ENV: 'development' } });
    try {
      // Another instance, the same answer: the same ETag, and 304 on its very first (missing) request.
      const missRevalidated = await rawGet(articleUrl(fresh, other?.slug), { 'if-none-match': etag });
      expect(missRevalidated.headers['x-cache']).toBe('MISS');
      expect(missRevalidated.status).toBe(304);
      expect(missRevalidated.body.length).toBe(0);
      expect(missRevalidated.headers.etag).toBe(etag);
      expect(missRevalidated.headers['cache-control']).toMatch(/^public, max-age=60/);
    } finally {
      await fresh.close();
    }

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const hit = await rawGet(url, { 'if-none-match': ifNoneMatch });
      expect([hit.status, hit.headers['x-cache'], hit.body.length]).toEqual([304, 'HIT', 0]);
      expect(hit.headers.vary).toMatch(/Accept/);
      expect(hit.headers['content-length']).toBeUndefined();
    }
    const changed = await rawGet(url, { 'if-none-match': '"something-else"' });
    expect(changed.status).toBe(200);
    expect(changed.body.equals(first.body)).toBe(true);
  });

  it('sends Last-Modified from the newest updatedAt of the records in the answer', async () => {
    const query = `query Updated($slug: String!) { post(slug: $slug) { updatedAt } }`;
    const url = `${gateway.url}?${new URLSearchParams({ query, variables: JSON.stringify({ slug: REFERENCE_SLUG }) })}`;
    const response = await rawGet(url);
    const { data } = JSON.parse(response.body.toString()) as { data: { post: { updatedAt: string } } };
    expect(response.headers['last-modified']).toBe(new Date(data.post.updatedAt).toUTCString());
    expect((await rawGet(url)).headers['last-modified']).toBe(response.headers['last-modified']);
    // The article page shows six more posts: its Last-Modified is at least the article's own.
    const page = await rawGet(articleUrl(gateway));
    expect(Date.parse(String(page.headers['last-modified']))).toBeGreaterThanOrEqual(Date.parse(new Date(data.post.updatedAt).toUTCString()));
  });

  it('compresses with gzip and brotli per Accept-Encoding, to bytes that decompress to the identical answer', async () => {
    const url = articleUrl(gateway);
    const identity = await rawGet(url);
    expect(identity.headers['content-encoding']).toBeUndefined();
    const variants = new Map<string, string>();
    for (const round of ['miss or hit', 'hit']) {
      const gzip = await rawGet(url, { 'accept-encoding': 'gzip, deflate' });
      const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect([gzip.headers['content-encoding'], br.headers['content-encoding']]).toEqual(['gzip', 'br']);
      expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
      expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
      expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length);
      expect(br.body.length).toBeLessThan(identity.body.length / 2);
      // Each coding is its own representation with its own strong ETag, the same on every hit.
      expect(new Set([identity.headers.etag, gzip.headers.etag, br.headers.etag]).size).toBe(3);
      if (round === 'hit') expect([variants.get('gzip'), variants.get('br')]).toEqual([gzip.headers.etag, br.headers.etag]);
      variants.set('gzip', String(gzip.headers.etag));
      variants.set('br', String(br.headers.etag));
      const revalidated = await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
      expect([revalidated.status, revalidated.body.length]).toEqual([304, 0]);
    }
    expect((await rawGet(url, { 'accept-encoding': 'gzip;q=0, br;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await rawGet(url, { 'accept-encoding': 'br;q=0.5, gzip' })).headers['content-encoding']).toBe('gzip');
  });

  it('never compresses an answer for a caller with credentials, and leaves compression to the CDN with COMPRESSION=false', async () => {
    const credentialed = await rawGet(articleUrl(gateway), { 'accept-encoding': 'br, gzip', cookie: 'session=abc' });
    expect(credentialed.headers['content-encoding']).toBeUndefined();
    const off = await startTestGateway({ env: { NODE_ENV: 'development', COMPRESSION: 'false' } });
    try {
      for (let round = 0; round < 2; round += 1) {
        const response = await rawGet(articleUrl(off), { 'accept-encoding': 'br, gzip' });
        expect(response.headers['content-encoding']).toBeUndefined();
        expect(String(response.headers.vary)).not.toMatch(/Accept-Encoding/);
      }
    } finally {
      await off.close();
    }
  });
});
