import type { PostRecord } from '../../src/sources/records';
import type { PostSource, Sources } from '../../src/sources/types';
import { EditableNewsroom } from './editableNewsroom';

type PostMethod = 'getPostsByIds' | 'getPostsBySlugs' | 'listPosts';

/**
 * The editable newsroom, with post calls a test can hold in flight: a held call reads the posts when it
 * starts (as an upstream answers what it had then) and answers only once released, so an edit and a
 * purge can land while it is in flight. Optionally every call takes up to `jitterMs`, so calls overlap
 * under load.
 */
export class HeldNewsroom {
  private readonly editable = new EditableNewsroom();
  private readonly holds: { method: PostMethod; release: Promise<void>; open: () => void; taken: boolean }[] = [];
  /** Calls read and waiting for their release. */
  waiting = 0;
  readonly sources: Sources;

  constructor(options: { jitterMs?: number } = {}) {
    const base = this.editable.sources;
    const jitterMs = options.jitterMs ?? 0;
    const held =
      <A extends unknown[], R>(method: PostMethod, call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const answer = await call(...args);
        const hold = this.holds.find((candidate) => candidate.method === method && !candidate.taken);
        if (hold) {
          hold.taken = true;
          this.waiting += 1;
          await hold.release;
          this.waiting -= 1;
        } else if (jitterMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * jitterMs)));
        }
        return answer;
      };
    const posts: PostSource = {
      name: 'held',
      getPostsByIds: held('getPostsByIds', (ids: readonly string[]) => base.posts.getPostsByIds(ids)),
      getPostsBySlugs: held('getPostsBySlugs', (slugs: readonly string[]) => base.posts.getPostsBySlugs(slugs)),
      listPosts: held('listPosts', (params: Parameters<PostSource['listPosts']>[0]) => base.posts.listPosts(params)),
    };
    this.sources = { ...base, posts };
  }

  /** The next call of `method` is held after it read; answers the function that releases it. */
  holdNext(method: PostMethod): () => void {
    let open = () => {};
    const release = new Promise<void>((resolve) => {
      open = resolve;
    });
    const hold = { method, release, open, taken: false };
    this.holds.push(hold);
    return () => {
      this.holds.splice(this.holds.indexOf(hold), 1);
      open();
    };
  }

  editPost(id: string, patch: Partial<PostRecord>): void {
    this.editable.editPost(id, patch);
  }
}
