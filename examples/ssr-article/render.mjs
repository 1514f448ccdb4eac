/** Text for HTML: everything the gateway answers is escaped here, once, except the article body (the CMS's HTML). */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);
}

const articleHref = (slug) => `/articles/${encodeURIComponent(slug)}`;
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const showDate = (iso) => (iso ? dateFormat.format(new Date(iso)) : '');
const initials = (name) =>
  String(name ?? '?')
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** The rail's reason as a reader reads it. */
const REASONS = { SHARED_TOPIC: 'Same topic', SAME_AUTHOR: 'Same author', LATEST: 'Latest', RECOMMENDED: 'Recommended' };

function teaser(story) {
  const href = story.post?.slug ? articleHref(story.post.slug) : story.url;
  const byline = [story.post?.author?.name, REASONS[story.reason] ?? null].filter(Boolean).map(escapeHtml).join(' · ');
  return `<li class="teaser">
      <a class="teaser-title" href="${escapeHtml(href)}">${escapeHtml(story.title)}</a>
      <p class="teaser-excerpt">${escapeHtml(story.excerpt)}</p>
      <p class="teaser-meta">${byline}</p>
    </li>`;
}

function newsletterBox(newsletter, signUp, slug) {
  const count = newsletter?.subscriberCount;
  // The count comes with the public request; should the gateway not answer it, plain words instead.
  const lead = Number.isInteger(count) && count > 0
    ? `<p class="newsletter-count">Join <strong>${escapeHtml(count.toLocaleString('en-GB'))}</strong> people to get notified about new posts, news and tips. We do not spam.</p>`
    : '<p class="newsletter-count">Get notified about new posts, news and tips. We do not spam.</p>';
  const status = signUp ? `<p class="newsletter-status" role="status">${escapeHtml(signUp)}</p>` : '';
  return `<section class="newsletter" aria-labelledby="newsletter-title">
      <h2 id="newsletter-title">Newsletter</h2>
      ${lead}
      <form method="post" action="/newsletter">
        <input type="hidden" name="slug" value="${escapeHtml(slug)}">
        <label for="newsletter-email">Email address</label>
        <input id="newsletter-email" name="email" type="email" required autocomplete="email" placeholder="you@example.com">
        <button type="submit">Sign up</button>
      </form>
      ${status}
    </section>`;
}

/** The site's own path for one of its articles' URLs (bookmarks carry the URL, not the slug). */
const localHref = (url) => {
  const slug = /\/([^/]+)\/?$/.exec(new URL(url).pathname)?.[1];
  return slug ? articleHref(decodeURIComponent(slug)) : url;
};

function bookmarksBox(reader) {
  // No reader, or the gateway could not say: no box at all, rather than a wrong one.
  if (!reader) return '';
  const items = reader.saved.length
    ? reader.saved.map((post) => `<li><a href="${escapeHtml(localHref(post.url))}">${escapeHtml(post.title)}</a></li>`).join('')
    : '<li class="empty">You have not yet added any article to your bookmarks!</li>';
  const count = reader.totalCount > reader.saved.length ? `<p class="bookmarks-count">${escapeHtml(reader.totalCount)} saved in all</p>` : '';
  return `<section class="bookmarks" aria-labelledby="bookmarks-title">
      <h2 id="bookmarks-title">Your bookmarks</h2>
      <p class="bookmarks-this">${reader.hasBookmarked ? 'This article is in your bookmarks.' : 'This article is not in your bookmarks.'}</p>
      <ul>${items}</ul>
      ${count}
    </section>`;
}

/** The whole article page. `post` is ArticlePage's `post`; `railError` says the rail came back empty with an error. */
export function renderArticlePage({ post, newsletter, reader, railError, signUp }) {
  const stories = post.relatedStories ?? [];
  const rail = stories.length
    ? `<ol class="rail-list">${stories.map(teaser).join('')}</ol>`
    : `<p class="rail-empty">${railError ? 'Related stories are unavailable right now.' : 'No related stories.'}</p>`;
  const topics = (post.topics ?? []).map((topic) => `<li class="topic topic-${escapeHtml(String(topic.kind).toLowerCase())}">${escapeHtml(topic.name)}</li>`).join('');
  const author = post.author;
  const byline = author
    ? `<div class="byline">
        <span class="avatar" aria-hidden="true">${escapeHtml(initials(author.name))}</span>
        <div><p class="author">By <span class="author-name">${escapeHtml(author.name)}</span></p>
        <p class="meta"><time datetime="${escapeHtml(post.publishedAt)}">${escapeHtml(showDate(post.publishedAt))}</time> · ${escapeHtml(post.readingTimeMinutes)} min read</p></div>
      </div>`
    : '';
  return page(
    post.title,
    post.excerpt,
    `<main class="layout">
    <article class="article">
      <ul class="topics" aria-label="Topics">${topics}</ul>
      <h1>${escapeHtml(post.title)}</h1>
      ${byline}
      <div class="body">${post.bodyHtml ?? ''}</div>
      ${author?.bio ? `<aside class="bio"><strong>${escapeHtml(author.name)}</strong> ${escapeHtml(author.bio)}</aside>` : ''}
    </article>
    <div class="sidebar">
      ${bookmarksBox(reader)}
      <section class="rail" aria-labelledby="rail-title">
        <h2 id="rail-title">Related stories</h2>
        ${rail}
      </section>
      ${newsletterBox(newsletter, signUp, post.slug)}
    </div>
  </main>`,
  );
}

export function renderMessagePage(title, message) {
  return page(title, message, `<main class="layout"><article class="article"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></article></main>`);
}

function page(title, description, main) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} · The Newsroom</title>
  <meta name="description" content="${escapeHtml(description)}">
  <link rel="icon" href="data:,">
  <style>${STYLES}</style>
</head>
<body>
  <header class="masthead"><a href="/">The Newsroom</a></header>
  ${main}
  <footer class="footer">Server-rendered from one GET request to the newsroom gateway, by persisted hash.</footer>
</body>
</html>`;
}

const STYLES = `
  :root { --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e3; --accent: #b3261e; font-family: Georgia, 'Times New Roman', serif; color: var(--ink); }
  body { margin: 0; background: #fafaf7; }
  .masthead { border-bottom: 3px double var(--ink); padding: 14px 24px; font: 700 26px/1 Georgia, serif; letter-spacing: .02em; }
  .masthead a { color: inherit; text-decoration: none; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 40px; max-width: 1180px; margin: 0 auto; padding: 28px 24px; }
  @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
  h1 { font-size: 38px; line-height: 1.15; margin: 10px 0 18px; }
  .topics { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; padding: 0; margin: 0; }
  .topic { font: 600 12px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .06em; color: var(--accent); border: 1px solid currentColor; border-radius: 3px; padding: 4px 7px; }
  .topic-tag { color: var(--muted); }
  .byline { display: flex; gap: 12px; align-items: center; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 10px 0; margin-bottom: 18px; font-family: system-ui, sans-serif; }
  .byline p { margin: 2px 0; }
  .avatar { width: 42px; height: 42px; border-radius: 50%; background: var(--ink); color: #fff; display: grid; place-items: center; font: 700 15px system-ui, sans-serif; }
  .author-name { font-weight: 700; }
  .meta { color: var(--muted); font-size: 14px; }
  .body { font-size: 19px; line-height: 1.6; }
  .body blockquote { border-left: 3px solid var(--accent); margin: 1.2em 0; padding-left: 1em; font-style: italic; }
  .bio { font: 15px/1.5 system-ui, sans-serif; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 12px; }
  .sidebar section { border-top: 2px solid var(--ink); margin-bottom: 28px; }
  .sidebar h2 { font: 700 14px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .08em; margin: 12px 0; }
  .rail-list { list-style: none; padding: 0; margin: 0; counter-reset: rail; }
  .teaser { border-bottom: 1px solid var(--rule); padding: 10px 0; }
  .teaser-title { color: var(--ink); font-weight: 700; font-size: 17px; line-height: 1.3; text-decoration: none; }
  .teaser-title:hover { text-decoration: underline; }
  .teaser-excerpt { margin: 6px 0 4px; font-size: 15px; line-height: 1.45; }
  .teaser-meta { margin: 0; color: var(--muted); font: 12px system-ui, sans-serif; }
  .newsletter { background: #fff; border: 1px solid var(--rule); border-top: 2px solid var(--ink); padding: 0 16px 16px; }
  .newsletter form { display: grid; gap: 8px; font-family: system-ui, sans-serif; }
  .newsletter label { font-size: 13px; color: var(--muted); }
  .newsletter input { font: inherit; padding: 8px; border: 1px solid #bbb; border-radius: 3px; }
  .newsletter button { font: 600 15px system-ui, sans-serif; padding: 9px; border: 0; border-radius: 3px; background: var(--accent); color: #fff; cursor: pointer; }
  .bookmarks ul { padding-left: 18px; font-family: system-ui, sans-serif; }
  .footer { color: var(--muted); font: 13px system-ui, sans-serif; text-align: center; padding: 24px; border-top: 1px solid var(--rule); }
`;
