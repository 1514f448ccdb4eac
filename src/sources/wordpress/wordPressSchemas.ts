import { z } from 'zod';

/*
 * What the gateway reads from WordPress REST API v2 responses (view context, anonymous). Only the fields
 * named in `_fields` are validated; extra fields are ignored so plugins that add fields break nothing.
 */

const rendered = z.object({ rendered: z.string(), protected: z.boolean().optional() });
/** `date_gmt` and `modified_gmt` are UTC without a zone designator: `2026-01-12T08:00:00`. */
const gmtDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/, 'expected a WordPress GMT date');
const termIds = z.array(z.number().int()).default([]);

export const WpMedia = z.object({
  id: z.number().int(),
  source_url: z.url(),
  alt_text: z.string().default(''),
  media_details: z
    .object({
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
      // One entry per size WordPress made (`thumbnail`, `medium`, ... `full`); checked one by one when mapped.
      sizes: z.record(z.string(), z.unknown()).optional().or(z.array(z.unknown()).transform(() => undefined)),
    })
    .partial()
    .nullish()
    // Non-image attachments answer `media_details: {}` or an empty array.
    .or(z.array(z.unknown()).transform(() => null)),
});
export type WpMedia = z.infer<typeof WpMedia>;

export const WpPost = z.object({
  id: z.number().int(),
  slug: z.string(),
  link: z.url(),
  date_gmt: gmtDate,
  modified_gmt: gmtDate,
  title: rendered,
  excerpt: rendered,
  content: rendered,
  author: z.number().int().default(0),
  categories: termIds,
  tags: termIds,
  featured_media: z.number().int().default(0),
  // Embedded items are checked one by one when used: a broken image must not fail its post.
  _embedded: z
    .object({
      'wp:featuredmedia': z.array(z.unknown()),
      author: z.array(z.unknown()),
      // One list per taxonomy: `[[categories…], [tags…]]`.
      'wp:term': z.array(z.unknown()),
    })
    .partial()
    .optional(),
});
export type WpPost = z.infer<typeof WpPost>;

/** The little the built-in related ranking needs about each candidate. */
export const WpPostSummary = z.object({
  id: z.number().int(),
  date_gmt: gmtDate,
  author: z.number().int().default(0),
  categories: termIds,
  tags: termIds,
});
export type WpPostSummary = z.infer<typeof WpPostSummary>;

export const WpUser = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  description: z.string().default(''),
  link: z.url(),
  // Absent when the site turns avatars off; keyed by pixel size ("24", "48", "96").
  avatar_urls: z.record(z.string(), z.url()).optional().or(z.array(z.unknown()).transform(() => undefined)),
});
export type WpUser = z.infer<typeof WpUser>;

/** One of `media_details.sizes`. */
export const WpMediaSize = z.object({ source_url: z.url(), width: z.number().int().positive(), height: z.number().int().positive() });

export const WpTerm = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  description: z.string().default(''),
  // Optional: a plugin (or an older WordPress) may leave them out; the topic then has no page or parent.
  link: z.url().optional(),
  /** Categories only: the parent category's id, 0 at the top. Tags have no `parent`. */
  parent: z.number().int().nonnegative().optional(),
});
export type WpTerm = z.infer<typeof WpTerm>;

/** A term as `_embed=wp:term` embeds it: WordPress's `embed` context, which has no description. */
export const WpEmbeddedTerm = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  taxonomy: z.string(),
  link: z.url().optional(),
});
export type WpEmbeddedTerm = z.infer<typeof WpEmbeddedTerm>;

/** The REST index at the API root: enough to know it is WordPress with the v2 routes. */
export const WpIndex = z.object({ namespaces: z.array(z.string()) });

export const POST_FIELDS = ['id', 'slug', 'link', 'date_gmt', 'modified_gmt', 'title', 'excerpt', 'content', 'author', 'categories', 'tags', 'featured_media'];
export const POST_SUMMARY_FIELDS = ['id', 'date_gmt', 'author', 'categories', 'tags'];
export const MEDIA_FIELDS = ['id', 'source_url', 'alt_text', 'media_details'];
export const USER_FIELDS = ['id', 'name', 'slug', 'description', 'link', 'avatar_urls'];
export const TERM_FIELDS = ['id', 'name', 'slug', 'description', 'link', 'parent'];
