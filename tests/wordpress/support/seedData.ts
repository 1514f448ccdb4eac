import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The seeded newsroom, read from the same scripts/wordpress/seed.json that seed.php wrote into WordPress,
 * so expectations follow the seed instead of being copied into tests.
 */
export interface SeedText {
  title?: string;
  excerpt?: string;
  excerptStartsWith?: string;
}

export interface SeedPost {
  slug: string;
  status: 'publish' | 'draft' | 'pending' | 'private' | 'future';
  password?: string;
  date: string;
  author: string;
  categories: string[];
  tags: string[];
  image?: string;
  title: string;
  excerpt?: string;
  paragraphs: string[];
  moreAfter?: number;
  expect?: SeedText;
}

export interface SeedAuthor {
  slug: string;
  name: string;
  bio: string;
  expect: { name: string; bio: string };
}

export interface SeedTerm {
  slug: string;
  name: string;
  description: string;
  parent?: string;
  expect: { name: string; description: string };
}

export interface SeedPreview {
  editor: { slug: string; name: string };
  applicationName: string;
  autosave: { post: string; title: string; excerpt: string; paragraphs: string[] };
  unnamedDraft: { date: string; author: string; categories: string[]; tags: string[]; title: string; paragraphs: string[] };
}

export interface Seed {
  site: { title: string; permalinkStructure: string; theme: string; context: string[] };
  authors: SeedAuthor[];
  categories: SeedTerm[];
  tags: SeedTerm[];
  reference: string;
  posts: SeedPost[];
  preview: SeedPreview;
}

export const seed: Seed = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'scripts', 'wordpress', 'seed.json'), 'utf8')) as Seed;

/**
 * Text that only non-public content carries (draft, pending, private and scheduled posts, the body and
 * excerpt of the password-protected one, and a published post's unsaved autosave). It must never appear in
 * anything the gateway or WordPress answers anonymously.
 */
export const NON_PUBLIC_MARKER = /\b(?:DRAFT|PENDING|PRIVATE|FUTURE|PROTECTED|AUTOSAVE)-(?:TITLE|BODY|EXCERPT)-[0-9a-f]{4}\b/;

/** What WordPress shows anonymously: published posts, password-protected ones included (without content). */
export const listedPosts = seed.posts.filter((post) => post.status === 'publish');
export const hiddenPosts = seed.posts.filter((post) => post.status !== 'publish');
export const protectedPosts = listedPosts.filter((post) => post.password);

export function seedPost(slug: string): SeedPost {
  const post = seed.posts.find((candidate) => candidate.slug === slug);
  if (!post) throw new Error(`seed.json has no post "${slug}"`);
  return post;
}

export const referencePost = seedPost(seed.reference);

export function seedAuthor(slug: string): SeedAuthor {
  const author = seed.authors.find((candidate) => candidate.slug === slug);
  if (!author) throw new Error(`seed.json has no author "${slug}"`);
  return author;
}

export function seedTopic(slug: string): SeedTerm & { kind: 'CATEGORY' | 'TAG' } {
  const category = seed.categories.find((term) => term.slug === slug);
  if (category) return { ...category, kind: 'CATEGORY' };
  const tag = seed.tags.find((term) => term.slug === slug);
  if (tag) return { ...tag, kind: 'TAG' };
  throw new Error(`seed.json has no category or tag "${slug}"`);
}

export function topicSlugsOf(post: SeedPost): string[] {
  return [...post.categories, ...post.tags];
}

/** Listed posts filed under a topic, newest first: what a topic listing must return, in order. */
export function listedPostsIn(topicSlug: string): SeedPost[] {
  return listedPosts.filter((post) => topicSlugsOf(post).includes(topicSlug)).sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

/** The headline a reader sees: seed.json states it when WordPress's typography changes the raw title. */
export function expectedTitle(post: SeedPost): string {
  return post.expect?.title ?? post.title;
}
