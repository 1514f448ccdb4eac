import DataLoader from 'dataloader';
import type { PreviewPostSource } from '../sources/PreviewPostSource';
import type { PostRecord } from '../sources/records';
import type { SourceCallContext } from '../sources/types';

export interface PreviewLoaders {
  previewPostById: DataLoader<string, PostRecord | null>;
  previewPostBySlug: DataLoader<string, PostRecord | null>;
}

/**
 * Loaders for editors' previews, made per request like the others, but in front of the preview source
 * alone: no entity cache, no key space, no cache tags, no stale copies. A preview is read for the request
 * that asks for it and forgotten with it, so nothing of it can reach a cache, another editor or a reader.
 */
export function createPreviewLoaders(source: PreviewPostSource, call: SourceCallContext | undefined): PreviewLoaders {
  return {
    previewPostById: new DataLoader((ids: readonly string[]) => source.getPreviewPostsByIds(ids, call)),
    previewPostBySlug: new DataLoader((slugs: readonly string[]) => source.getPreviewPostsBySlugs(slugs, call)),
  };
}
