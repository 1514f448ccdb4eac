import { z } from 'zod';
import { POST_FIELDS, WpPost } from './wordPressSchemas';

/*
 * What previews read from WordPress (`context=edit`, as the gateway's editor user): posts of any workflow
 * status, and their autosaves. Only the fields named in `_fields` are validated.
 */

const rendered = z.object({ rendered: z.string() });
const gmtDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/, 'expected a WordPress GMT date');

/** A post as its editors see it: with its status; a draft that was never dated may have no `date_gmt`. */
export const WpPreviewPost = WpPost.extend({
  status: z.string(),
  date_gmt: gmtDate.nullable(),
});
export type WpPreviewPost = z.infer<typeof WpPreviewPost>;

/** An autosave revision (`posts/<id>/autosaves`): the unsaved title, excerpt and body, and when they were saved. */
export const WpAutosave = z.object({
  id: z.number().int(),
  parent: z.number().int(),
  modified_gmt: gmtDate,
  title: rendered,
  excerpt: rendered,
  content: rendered,
});
export type WpAutosave = z.infer<typeof WpAutosave>;

export const PREVIEW_POST_FIELDS = [...POST_FIELDS, 'status'];
export const AUTOSAVE_FIELDS = ['id', 'parent', 'modified_gmt', 'title', 'excerpt', 'content'];
