import { DemoNewsroomSource } from '../../src/sources/demo/DemoNewsroomSource';
import type { PostRecord } from '../../src/sources/records';
import type { PostListPage, PostListParams, PostSource, Sources } from '../../src/sources/types';

/**
 * The demo newsroom with posts an editor can change, the way a CMS's content changes between two
 * requests. Test-only: it stands in for an upstream until the fake WordPress server can play that part
 * (swap `sources` and `editPost` for that server's fixtures).
 */
export class EditableNewsroom {
  private readonly base = new DemoNewsroomSource();
  private readonly edits = new Map<string, Partial<PostRecord>>();
  readonly sources: Sources;

  constructor() {
    const base = this.base;
    const apply = (post: PostRecord | null) => (post && this.edits.has(post.id) ? { ...post, ...this.edits.get(post.id) } : post);
    const posts: PostSource = {
      name: 'editable',
      getPostsByIds: async (ids) => (await base.getPostsByIds(ids)).map(apply),
      getPostsBySlugs: async (slugs) => (await base.getPostsBySlugs(slugs)).map(apply),
      listPosts: async (params: PostListParams): Promise<PostListPage> => {
        const page = await base.listPosts(params);
        return { ...page, items: page.items.map((post) => apply(post) as PostRecord) };
      },
    };
    this.sources = { posts, authors: base, topics: base, related: base };
  }

  editPost(id: string, patch: Partial<PostRecord>): void {
    this.edits.set(id, { ...this.edits.get(id), ...patch });
  }
}
