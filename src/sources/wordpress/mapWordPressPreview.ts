import type { PostRecord } from '../records';
import { postStatusOf } from '../postStatus';
import { gmtToIso, mapWordPressPost } from './mapWordPressRecords';
import type { WpMedia } from './wordPressSchemas';
import type { WpAutosave, WpPreviewPost } from './wordPressPreviewSchemas';

/**
 * A post as its editors preview it: its newest autosave when that is newer than the post (WordPress keeps
 * unsaved changes to a published post, and other users' changes to a draft, as autosaves), the body of a
 * password-protected post included (the editor may read it), its status, and marked as a preview. Null
 * for a status previews do not show.
 */
export function mapWordPressPreview(post: WpPreviewPost, autosaves: readonly WpAutosave[], media: WpMedia | null): PostRecord | null {
  const status = postStatusOf(post.status);
  if (!status) return null;
  const autosave = newest(autosaves);
  const latest = autosave && Date.parse(gmtToIso(autosave.modified_gmt)) > Date.parse(gmtToIso(post.modified_gmt)) ? autosave : undefined;
  const record = mapWordPressPost(
    {
      ...post,
      // Never dated yet: the last change is the best date there is.
      date_gmt: post.date_gmt ?? post.modified_gmt,
      modified_gmt: latest?.modified_gmt ?? post.modified_gmt,
      title: latest?.title ?? post.title,
      excerpt: { rendered: (latest?.excerpt ?? post.excerpt).rendered },
      content: { rendered: (latest?.content ?? post.content).rendered },
    },
    media,
  );
  return { ...record, status, isPreview: true };
}

function newest(autosaves: readonly WpAutosave[]): WpAutosave | undefined {
  let found: WpAutosave | undefined;
  for (const autosave of autosaves) {
    if (!found || Date.parse(gmtToIso(autosave.modified_gmt)) > Date.parse(gmtToIso(found.modified_gmt))) found = autosave;
  }
  return found;
}

