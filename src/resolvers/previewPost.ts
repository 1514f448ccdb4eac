import type { GatewayContext } from '../context';
import { ForbiddenError } from '../errors';
import { fromGlobalId } from '../globalId';
import type { Post } from '../schema/Post';

/**
 * `post(..., preview: true)`: the post's latest revision as its editors see it, for an editor only. The
 * answer is marked private first, so even a refusal or a miss is never kept by a shared cache. The post
 * comes from the preview loaders, which touch no cache; its author, topics and rail resolve through the
 * public loaders as for any post (public data, cached as usual).
 */
export async function previewPost({ principal, previews, outcome }: GatewayContext, slug: string | null, id: string | null): Promise<Post | null> {
  outcome.markPrivate();
  if (principal.kind !== 'editor') throw new ForbiddenError('Previews need an editor\'s preview token (Authorization: Bearer <token> with "preview": true).');
  // An editor's token with previews off (or no source that can read them): nobody may preview here.
  if (!previews) throw new ForbiddenError('Previews are not available on this gateway.');
  if (slug != null) return previews.previewPostBySlug.load(slug);
  const { type, localId } = fromGlobalId(id as string);
  return type === 'Post' ? previews.previewPostById.load(localId) : null;
}
