import type { Telemetry } from '../telemetry';
import type { PostRecord } from './records';
import type { SourceCallContext } from './types';

/**
 * Posts as an editor sees them, for previews: any workflow status (draft, pending, scheduled, private,
 * published), each at its latest revision (a newer autosave wins over the saved post), with `status` and
 * `isPreview: true` set. Batch-shaped like the public sources, results aligned to keys, `null` for a post
 * that does not exist. What it returns is for one editor's request only: callers must never cache it.
 */
export interface PreviewPostSource {
  readonly name: string;
  getPreviewPostsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]>;
  getPreviewPostsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]>;
}

/** Whether a posts source (the demo newsroom does) can also read previews. */
export function readsPreviews(source: object): source is PreviewPostSource {
  const candidate = source as Partial<PreviewPostSource>;
  return typeof candidate.getPreviewPostsByIds === 'function' && typeof candidate.getPreviewPostsBySlugs === 'function';
}

/** Reports each preview call (kind `posts`, its own source name) as the other sources' calls are reported. */
export function instrumentPreviews(source: PreviewPostSource, telemetry: Telemetry): PreviewPostSource {
  const timed =
    (method: keyof Omit<PreviewPostSource, 'name'>) =>
    async (keys: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]> => {
      const startedAt = performance.now();
      try {
        const records = await source[method](keys, call);
        telemetry.sourceCall('posts', source.name, method, 'ok', performance.now() - startedAt);
        return records;
      } catch (error) {
        telemetry.sourceCall('posts', source.name, method, 'error', performance.now() - startedAt);
        throw error;
      }
    };
  return { name: source.name, getPreviewPostsByIds: timed('getPreviewPostsByIds'), getPreviewPostsBySlugs: timed('getPreviewPostsBySlugs') };
}
