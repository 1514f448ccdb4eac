import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { GatewayClient } from './gateway.mjs';
import { renderArticlePage, renderMessagePage } from './render.mjs';

const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';
const PORT = Number(process.env.PORT ?? 3000);
const MANIFEST = process.env.TRUSTED_MANIFEST ?? fileURLToPath(new URL('../../operations/persisted-query-manifest.json', import.meta.url));
const FRONT_PAGE_SLUG = process.env.ARTICLE_SLUG ?? 'lee-jae-myung-to-visit-japan-for-summit-with-takaichi-after-xi-meeting';
/** The reader's token, as the site's sign-in would set it. */
const READER_COOKIE = 'reader_token';

const gateway = new GatewayClient({ url: GATEWAY_URL, manifestPath: MANIFEST });

/** The reader's bookmarks, or undefined when there is no reader or the gateway cannot say (the box is then hidden). */
async function readerBookmarks(token, post) {
  if (!token || !gateway.has('ViewerArticleState')) return undefined;
  try {
    // Variables the operation does not declare are ignored by GraphQL, so both ways of naming the article are sent.
    const answer = await gateway.privateQuery('ViewerArticleState', { slug: post.slug, postId: post.id }, token);
    return listOf(answer.data?.viewer?.bookmarks)?.map((item) => item.post ?? item);
  } catch {
    return undefined;
  }
}

/** A list, a connection's `nodes` or its `edges`. */
function listOf(value) {
  if (Array.isArray(value)) return value;
  if (Array.isArray(value?.nodes)) return value.nodes;
  if (Array.isArray(value?.edges)) return value.edges.map((edge) => edge.node);
  return undefined;
}

function cookie(request, name) {
  const pair = (request.headers.cookie ?? '').split(';').map((part) => part.trim().split('=')).find(([key]) => key === name);
  return pair ? decodeURIComponent(pair.slice(1).join('=')) : undefined;
}

async function articlePage(request, response, slug, signUp) {
  const article = await gateway.query('ArticlePage', { slug });
  const post = article.data?.post;
  if (!post) {
    const failed = article.status >= 500 || (!article.data && article.errors.length > 0);
    return send(response, failed ? 502 : 404, renderMessagePage(failed ? 'Unavailable' : 'Not found', failed ? 'The newsroom is unavailable; try again in a moment.' : 'There is no article at this address.'));
  }
  const railError = article.errors.some((error) => error.path?.includes('relatedStories'));
  const bookmarks = await readerBookmarks(cookie(request, READER_COOKIE), post);
  const html = renderArticlePage({ post, newsletter: article.data.newsletter, bookmarks, railError, signUp });
  // A page with a reader's bookmarks is theirs alone; without, it is the same for everyone.
  send(response, 200, html, bookmarks ? 'private, no-store' : 'public, max-age=60');
}

function send(response, status, html, cacheControl = 'no-store') {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': cacheControl }).end(html);
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const article = /^\/articles\/([^/]+)\/?$/.exec(url.pathname);
  const handle = async () => {
    if (request.method === 'GET' && url.pathname === '/') return response.writeHead(302, { location: `/articles/${encodeURIComponent(FRONT_PAGE_SLUG)}` }).end();
    if (request.method === 'GET' && article) return articlePage(request, response, decodeURIComponent(article[1]), undefined);
    if (request.method === 'POST' && url.pathname === '/newsletter') {
      request.resume();
      // The gateway has no sign-up mutation yet; the example says so rather than pretend.
      return send(response, 501, renderMessagePage('Newsletter', 'Sign-ups are not open on this gateway yet.'));
    }
    if (url.pathname === '/healthz') return response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    send(response, 404, renderMessagePage('Not found', 'There is no page at this address.'));
  };
  handle().catch((error) => {
    process.stderr.write(`ssr-article: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!response.headersSent) send(response, 502, renderMessagePage('Unavailable', 'The newsroom is unavailable; try again in a moment.'));
  });
});

server.listen(PORT, () => {
  process.stdout.write(`ssr-article example at http://localhost:${server.address().port}/ (gateway ${GATEWAY_URL})\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
