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

/**
 * The reader's part of the page (ViewerArticleState), or undefined when there is no reader or the gateway
 * cannot say: the bookmarks box is then hidden and the public page still renders.
 */
async function readerState(token, post) {
  if (!token) return undefined;
  try {
    const answer = await gateway.privateQuery('ViewerArticleState', { postId: post.id }, token);
    const viewer = answer.data?.viewer;
    if (!viewer) return undefined;
    return {
      saved: viewer.bookmarks.edges.map((edge) => edge.node),
      totalCount: viewer.bookmarks.totalCount,
      hasBookmarked: viewer.hasBookmarked,
    };
  } catch {
    return undefined;
  }
}

const SIGN_UP_ANSWERS = {
  SUBSCRIBED: 'You are subscribed. The next briefing is on its way.',
  PENDING_CONFIRMATION: 'Almost there: confirm with the link we have just emailed you.',
};

/** Sends the sign-up form to the gateway and says, in words, what happened. */
async function signUp(request, token) {
  const form = new URLSearchParams(await readBody(request, 4096));
  const email = (form.get('email') ?? '').trim();
  const answer = await gateway.privateQuery('SubscribeToNewsletter', { email }, token, {
    // The gateway limits sign-ups per client address: it must see the reader's, not this server's.
    'x-forwarded-for': request.socket.remoteAddress ?? '',
  });
  const code = answer.errors[0]?.extensions?.code;
  const status = answer.data?.subscribeToNewsletter?.status;
  const message =
    (status && SIGN_UP_ANSWERS[status]) ??
    (code === 'BAD_USER_INPUT'
      ? 'That does not look like an email address.'
      : code === 'RATE_LIMITED'
        ? `Too many sign-ups just now; try again in ${answer.errors[0].extensions.retryAfterSeconds ?? 60} seconds.`
        : 'Sign-ups are unavailable right now; try again in a moment.');
  return { slug: form.get('slug') ?? FRONT_PAGE_SLUG, message };
}

function readBody(request, limitBytes) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > limitBytes) reject(new Error('form too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function cookie(request, name) {
  const pair = (request.headers.cookie ?? '').split(';').map((part) => part.trim().split('=')).find(([key]) => key === name);
  return pair ? decodeURIComponent(pair.slice(1).join('=')) : undefined;
}

async function articlePage(request, response, slug, signUp) {
  const article = await gateway.query('SsrArticlePage', { slug });
  const post = article.data?.post;
  if (!post) {
    const failed = article.status >= 500 || (!article.data && article.errors.length > 0);
    return send(response, failed ? 502 : 404, renderMessagePage(failed ? 'Unavailable' : 'Not found', failed ? 'The newsroom is unavailable; try again in a moment.' : 'There is no article at this address.'));
  }
  const railError = article.errors.some((error) => error.path?.includes('relatedStories'));
  const reader = await readerState(cookie(request, READER_COOKIE), post);
  const html = renderArticlePage({ post, newsletter: article.data.newsletter, reader, railError, signUp });
  // A page with a reader's bookmarks is theirs alone, and so is a sign-up's answer; else it is the same for everyone.
  send(response, 200, html, reader || signUp ? 'private, no-store' : 'public, max-age=60');
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
      const { slug, message } = await signUp(request, cookie(request, READER_COOKIE));
      return articlePage(request, response, slug, message);
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
