import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoImage, DemoNewsroom, DemoPost } from '../../src/sources/demo/DemoNewsroom';
import { createRng, type Rng } from './createRng';
import { HANDWRITTEN } from './handwrittenStories';
import {
  AUTHORS, type AuthorSeed, COMPANIES, DAYS, MONTHS, PARTIES, PLACE_RECORDS, PLAYERS, type Scope, SCOPES, SCORES,
  TOPIC_NAMES, TOPIC_PARENTS, TOPICS, TOURNAMENTS, WORKS,
} from './newsroomCast';
import { type Angle, type Family, FAMILIES, PULL_QUOTES, PUBLIC_PARAGRAPHS, SOFT_PARAGRAPHS } from './storyTemplates';

/**
 * Writes the embedded demo newsroom (src/sources/demo/newsroom.json): a deterministic corpus shaped like
 * a WordPress-style CMS response, so the gateway runs, tests and demos without any upstream. The gateway
 * only reads the file; this generator is how it is made and changed (`npm run demo:generate`), and a unit
 * test checks that regenerating gives exactly the committed file.
 *
 * Most posts are filled in from wire-copy templates by a seeded PRNG. The reference article and the six
 * stories of its related rail are written by hand, because tests and the demo page assert on their text.
 */

export const DEMO_NEWSROOM_FILE = join(__dirname, '..', '..', 'src', 'sources', 'demo', 'newsroom.json');

const SEED = 0x5eed2026;
/** Everything is dated relative to this instant, never to the clock, so builds are reproducible. */
const BASE_TIME = Date.parse('2026-01-20T00:00:00.000Z');
const GENERATED_POSTS = 313; // plus 7 hand-written published posts = 320
const FIRST_POST_ID = 40117;
const SITE = 'https://www.example-news.test';
const IMAGE_HOST = 'https://images.example-news.test';
const IMAGE_SIZES: readonly [number, number][] = [[1200, 675], [1600, 900], [1200, 800], [2048, 1152]];

type Ctx = Record<string, string>;
/** A post before it has an id: ids are handed out once every post is dated. */
type Unnumbered = Omit<DemoPost, 'id' | 'authorIds' | 'topicIds'> & { authors: number[]; topics: string[] };

export function generateDemoNewsroom(): DemoNewsroom {
  const rng = createRng(SEED);
  const topicIdBySlug = new Map(TOPICS.map(([id, slug]) => [slug, id]));
  const authorIdBySlug = new Map(AUTHORS.map((a) => [a.slug, a.id]));
  const lookup = <K, V>(map: Map<K, V>, key: K): V => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`demo newsroom: unknown reference ${String(key)}`);
    return value;
  };

  const usedSlugs = new Set<string>();
  const pending: Unnumbered[] = HANDWRITTEN.map((story) => {
    const slug = slugify(story.title);
    usedSlugs.add(slug);
    return {
      slug, titleHtml: story.title, excerptHtml: story.excerpt, contentHtml: renderBody(story.body),
      date: story.date, modified: story.date, status: story.status,
      authors: story.authors.map((s) => lookup(authorIdBySlug, s)), topics: story.topics,
      image: story.alt ? imageFor(rng, slug, story.date, story.alt) : null,
    };
  });
  for (let i = 0; i < GENERATED_POSTS; i++) pending.push(generatePost(rng, usedSlugs));

  // WordPress hands out ids in creation order, with gaps where revisions and attachments took numbers.
  // Plain code-unit comparison, not localeCompare, so the order cannot depend on the ICU build.
  pending.sort((a, b) => compare(a.date, b.date) || compare(a.slug, b.slug));
  let nextId = FIRST_POST_ID;
  // One key order for every post, whichever way it was made, so the committed file reads evenly.
  const posts = pending.map(({ slug, titleHtml, status, date, modified, authors, topics, excerptHtml, contentHtml, image }): DemoPost => {
    const id = nextId;
    nextId += rng.int(1, 9);
    const topicIds = topics.map((topic) => lookup(topicIdBySlug, topic));
    return { id, slug, titleHtml, status, date, modified, authorIds: authors, topicIds, excerptHtml, contentHtml, image };
  });

  const idBySlug = new Map(posts.map((post) => [post.slug, post.id]));
  const autosaves = HANDWRITTEN.flatMap((story) =>
    story.autosave
      ? [{ postId: lookup(idBySlug, slugify(story.title)), titleHtml: story.autosave.title, excerptHtml: story.autosave.excerpt, contentHtml: renderBody(story.autosave.body), modified: story.autosave.modified }]
      : [],
  );

  return {
    authors: AUTHORS.map((a) => ({
      id: a.id, slug: a.slug, name: a.name, bioHtml: `<p>${a.bio}</p>`,
      avatarUrl: a.avatar ? `${IMAGE_HOST}/authors/${a.slug}.jpg` : null,
    })),
    topics: TOPICS.map(([id, slug, name, kind, description]) => {
      const parent = TOPIC_PARENTS.get(slug);
      return { id, slug, name, kind, descriptionHtml: `<p>${description}</p>`, ...(parent ? { parentId: lookup(topicIdBySlug, parent) } : {}) };
    }),
    posts,
    autosaves,
  };
}

/**
 * The committed file's text: JSON indented by two, lists of ids on one line, so a change to the
 * generator or the stories shows as a readable diff.
 */
export function formatDemoNewsroom(newsroom: DemoNewsroom): string {
  const text = JSON.stringify(newsroom, null, 2).replace(/\[\n\s*([\d,\s]*?)\n\s*\]/g, (_, ids: string) => `[${ids.split(/,\s*/).join(', ')}]`);
  return `${text}\n`;
}

function generatePost(rng: Rng, usedSlugs: Set<string>): Unnumbered {
  // Retry on a title collision rather than suffixing slugs: duplicate headlines would look broken in lists.
  for (;;) {
    const family = pickWeighted(rng, FAMILIES);
    const angle = rng.pick(family.angles);
    const scope: Scope | 'world' = rng.chance(family.worldShare) ? 'world' : rng.pick(family.scopes ?? SCOPES);
    const published = BASE_TIME - rng.int(1, 362) * 86_400_000 + rng.int(5 * 60, 21 * 60) * 60_000;
    const ctx = makeContext(rng, family, scope, new Date(published));
    const titleHtml = capitalize(fill(angle.title, ctx));
    const slug = slugify(titleHtml);
    if (usedSlugs.has(slug)) continue;
    usedSlugs.add(slug);

    const desk = angle.desk ?? family.desk;
    const date = new Date(published).toISOString();
    const edited = rng.chance(0.55) ? published + rng.int(4, 2_880) * 60_000 : published;
    const excerpt = rng.chance(0.6) ? fill(angle.dek, ctx) : null;
    return {
      slug, titleHtml, status: 'publish', date, modified: new Date(edited).toISOString(),
      excerptHtml: excerpt, contentHtml: renderBody(composeBody(rng, family, angle, ctx)),
      authors: pickAuthors(rng, scope, desk),
      // One geographic category per generated story; only the hand-written Asia-Pacific headlines carry
      // World and Asia together, which is what puts them at the top of the reference article's rail.
      topics: [scope, desk, ...family.tags],
      image: rng.chance(0.85) ? imageFor(rng, slug, date, fill(angle.alt, ctx)) : null,
    };
  }
}

function makeContext(rng: Rng, family: Family, scope: Scope | 'world', date: Date): Ctx {
  const home: Scope = scope === 'world' ? rng.pick(SCOPES) : scope;
  const place = rng.pick(PLACE_RECORDS[home]);
  // World stories are cross-border, so their counterpart comes from another region.
  const partnerScope: Scope = scope === 'world' ? rng.pick(SCOPES.filter((s) => s !== home)) : home;
  const partner = rng.pick(PLACE_RECORDS[partnerScope].filter((p) => p.country !== place.country));
  const [name, name2, name3, name4] = rng.shuffle(place.names) as [string, string, string, string];
  const [player, player2] = rng.shuffle(PLAYERS) as [string, string];
  const geoName = TOPIC_NAMES.get(scope) ?? 'World';
  const ctx: Ctx = {
    country: place.country, city: place.city, adj: place.adj, name, name2, name3, name4,
    partner: partner.country, partnerCity: partner.city,
    day: DAYS[date.getUTCDay()] ?? 'Monday', prevMonth: MONTHS[(date.getUTCMonth() + 11) % 12] ?? 'January',
    ...smallNumber(rng.int(2, 9)), n2: String(rng.int(12, 60)), pct: (rng.int(12, 98) / 10).toFixed(1),
    share: String(rng.int(24, 47)), turnout: String(rng.int(52, 81)), big: thousands(rng.int(12, 480) * 100),
    money: String(rng.int(12, 95) * 10), hires: thousands(rng.int(15, 240) * 10), gdp: (rng.int(20, 35) / 10).toFixed(1),
    age: String(rng.int(71, 96)), mag: (rng.int(56, 72) / 10).toFixed(1), temp: String(rng.int(38, 46)),
    rank: String(rng.int(2, 30)), score: rng.pick(SCORES), player, player2, tournament: '',
    company: rng.pick(COMPANIES), party: rng.pick(PARTIES), work: rng.pick(WORKS), noun: family.noun,
    area: scope === 'world' ? 'other parts of the world' : 'the region', geoName, geoUrl: `${SITE}/topic/${scope}`,
  };
  const tournaments = TOURNAMENTS[home];
  if (family.tags.includes('tennis') && tournaments) {
    const [tournament = '', city = '', country = ''] = rng.pick(tournaments).split('|');
    Object.assign(ctx, { tournament, city, country });
  }
  return ctx;
}

function composeBody(rng: Rng, family: Family, angle: Angle, ctx: Ctx): string[] {
  const pool = family.pool === 'public' ? PUBLIC_PARAGRAPHS : family.pool === 'soft' ? SOFT_PARAGRAPHS : [];
  const candidates = [angle.lede, angle.more, ...rng.shuffle(family.body), ...rng.shuffle(pool)];
  const target = rng.int(3, 8);
  const paragraphs: string[] = [];
  let words = 0;
  // Keep adding past the target while the story is too short to read like a real article.
  for (const template of candidates) {
    if (paragraphs.length >= target && words >= 250) break;
    const paragraph = capitalize(fill(template, ctx));
    paragraphs.push(paragraph);
    words += countSpaces(paragraph) + 1;
  }
  const blocks = [...paragraphs];
  if (blocks.length >= 5 && rng.chance(0.6)) blocks.splice(3, 0, `## ${rng.pick(family.subheads)}`);
  if (family.pool !== 'none' && rng.chance(0.3)) {
    blocks.splice(2, 0, `> &#8220;${rng.pick(PULL_QUOTES[family.pool])}&#8221;`);
  }
  if (rng.chance(0.15)) blocks.push(fill('<em>Additional reporting from {partnerCity}.</em>', ctx));
  return blocks;
}

/**
 * Who files a story, in order of preference: the region's correspondent for that desk, the desk's
 * specialist, the region's correspondent, anyone on the desk. Keeps a Seoul correspondent off Nairobi stories.
 */
function pickAuthors(rng: Rng, scope: Scope | 'world', desk: string): number[] {
  const inRegion = (a: AuthorSeed) => a.scopes.includes(scope);
  const onDesk = (a: AuthorSeed) => a.desks.includes(desk);
  const tiers = [
    AUTHORS.filter((a) => inRegion(a) && onDesk(a)),
    AUTHORS.filter((a) => a.scopes.length === 0 && onDesk(a)),
    AUTHORS.filter(inRegion),
    AUTHORS.filter(onDesk),
  ];
  const primary = rng.pick(tiers.find((tier) => tier.length > 0) ?? AUTHORS);
  if (!rng.chance(0.1)) return [primary.id];
  // Co-authors come from the same beat, and never a correspondent from another region.
  const colleagues = AUTHORS.filter((a) => a.id !== primary.id && (inRegion(a) || (onDesk(a) && a.scopes.length === 0)));
  const fallback = AUTHORS.filter((a) => a.id !== primary.id && a.scopes.length === 0);
  return [primary.id, rng.pick(colleagues.length > 0 ? colleagues : fallback).id];
}

function imageFor(rng: Rng, slug: string, date: string, alt: string): DemoImage {
  const [width, height] = rng.pick(IMAGE_SIZES);
  return { url: `${IMAGE_HOST}/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}.jpg`, alt, width, height };
}

function pickWeighted(rng: Rng, families: readonly Family[]): Family {
  let roll = rng.next() * families.reduce((sum, f) => sum + f.weight, 0);
  for (const family of families) {
    roll -= family.weight;
    if (roll < 0) return family;
  }
  return families[families.length - 1] as Family;
}


/** Templates split once into [text, slot, text, slot, ...]: filling is the hot path of a build. */
const compiledTemplates = new Map<string, string[]>();

function fill(template: string, ctx: Ctx): string {
  let parts = compiledTemplates.get(template);
  if (!parts) compiledTemplates.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i % 2 === 0) { out += part; continue; }
    const value = ctx[part];
    if (value === undefined) throw new Error(`demo newsroom template uses unknown slot {${part}}`);
    out += value;
  }
  return out;
}

function countSpaces(text: string): number {
  let count = 0;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) count++;
  return count;
}

function renderBody(blocks: readonly string[]): string {
  return blocks
    .map((block) =>
      block.startsWith('## ') ? `<h2>${block.slice(3)}</h2>`
      : block.startsWith('> ') ? `<blockquote><p>${block.slice(2)}</p></blockquote>`
      : `<p>${block}</p>`)
    .join('\n');
}

/** WordPress-style slug: entities decoded, apostrophes dropped, everything else non-alphanumeric hyphenated. */
function slugify(titleHtml: string): string {
  return titleHtml
    .replace(/<[^>]*>/g, '')
    .replace(/&#82(16|17);/g, '')
    .replace(/&[#\w]+;/g, ' ')
    .toLowerCase()
    .replace(/['\u2018\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Wire style spells out small numbers in copy; headlines keep the numeral. */
function smallNumber(value: number): { n: string; nNum: string } {
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  return { n: words[value] ?? String(value), nNum: String(value) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

if (require.main === module) {
  writeFileSync(DEMO_NEWSROOM_FILE, formatDemoNewsroom(generateDemoNewsroom()));
  process.stdout.write(`wrote ${DEMO_NEWSROOM_FILE}\n`);
}
