import type { PostRecord } from '../records';
import { postStatusOf } from '../postStatus';
import type { DemoAutosave, DemoNewsroom } from './DemoNewsroom';
import { mapDemoPost } from './mapDemoRecords';

/**
 * Every post of the demo newsroom as an editor previews it: whatever its status, at its latest revision
 * (an autosave newer than the post replaces its title, excerpt and body), with its status, and marked as
 * a preview. Built from the data alone: nothing of it is cached.
 */
export function demoPreviewRecords(newsroom: DemoNewsroom): PostRecord[] {
  const newestAutosave = new Map<number, DemoAutosave>();
  for (const autosave of newsroom.autosaves ?? []) {
    const known = newestAutosave.get(autosave.postId);
    if (!known || Date.parse(autosave.modified) > Date.parse(known.modified)) newestAutosave.set(autosave.postId, autosave);
  }
  return newsroom.posts.flatMap((post) => {
    const status = postStatusOf(post.status);
    if (!status) return [];
    const autosave = newestAutosave.get(post.id);
    const latest = autosave && Date.parse(autosave.modified) > Date.parse(post.modified)
      ? { ...post, titleHtml: autosave.titleHtml, excerptHtml: autosave.excerptHtml, contentHtml: autosave.contentHtml, modified: autosave.modified }
      : post;
    return [{ ...mapDemoPost(latest), status, isPreview: true as const }];
  });
}
