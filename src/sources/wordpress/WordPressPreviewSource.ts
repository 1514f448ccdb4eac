import { z } from 'zod';
import { ErrorCode, UpstreamError } from '../../errors';
import type { UpstreamClient } from '../http/UpstreamClient';
import type { PreviewPostSource } from '../PreviewPostSource';
import { PREVIEW_STATUSES } from '../postStatus';
import type { PostRecord } from '../records';
import type { SourceCallContext } from '../types';
import { alignToKeys, chunk } from '../batchKeys';
import { embeddedFeaturedMedia } from './mapWordPressRecords';
import { mapWordPressPreview } from './mapWordPressPreview';
import { restUrl } from './restRoot';
import { wordPressEndpointClass } from './wordPressEndpointClass';
import type { QueryParams } from './WordPressApi';
import { isUsableSlug, isWordPressId } from './wordPressIds';
import { AUTOSAVE_FIELDS, PREVIEW_POST_FIELDS, WpAutosave, WpPreviewPost } from './wordPressPreviewSchemas';

const PreviewPostList = z.array(WpPreviewPost);
const AutosaveList = z.array(WpAutosave);
const SignedInUser = z.object({ id: z.number().int() });

export interface WordPressPreviewSourceOptions {
  /** The REST root, found (or configured) by the public source: discovery is anonymous and shared. */
  restRoot: () => Promise<string>;
  /** A WordPress user with the Editor role, and one of its application passwords. */
  user: string;
  appPassword: string;
}

/**
 * Posts as editors see them, from WordPress REST API v2 with an application password (HTTP Basic), on an
 * upstream client of their own: its calls never share an answer with public ones, and a refused password
 * (UPSTREAM_UNAUTHORIZED) never opens the public client's breaker. Lookups ask `context=edit` for every
 * workflow status, one `include=`/`slug=` call per 100 keys; then each post found has its autosaves read
 * (WordPress has no batch route for them), and the newest wins when it is newer than the post. By id
 * finds drafts that have no slug yet. Authors and terms are not embedded: the editor's view of them is
 * not public, and previews show them as readers see them.
 *
 * A password WordPress does not accept is UPSTREAM_UNAUTHORIZED. WordPress may say so (401), or, as
 * WordPress 6.1 does, quietly treat the request as anonymous, which then asks for statuses an anonymous
 * reader may not list (400): a refused lookup is followed by one `users/me` call to tell the two apart.
 *
 * The credentials travel in one header only: never in a URL, a log line or an error.
 */
export class WordPressPreviewSource implements PreviewPostSource {
  readonly name = 'wordpress-preview';
  private readonly authorization: Readonly<Record<string, string>>;

  constructor(
    private readonly client: UpstreamClient,
    private readonly options: WordPressPreviewSourceOptions,
  ) {
    this.authorization = { authorization: `Basic ${Buffer.from(`${options.user}:${options.appPassword}`, 'utf8').toString('base64')}` };
  }

  async getPreviewPostsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]> {
    const batches = chunk(ids.filter(isWordPressId));
    const pages = await Promise.all(batches.map((batch) => this.fetchPosts({ include: batch.join(','), per_page: batch.length }, call)));
    return alignToKeys(ids, pages.flat(), (post) => post.id);
  }

  async getPreviewPostsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]> {
    const batches = chunk(slugs.filter(isUsableSlug));
    const pages = await Promise.all(batches.map((batch) => this.fetchPosts({ slug: batch.join(','), per_page: batch.length }, call)));
    return alignToKeys(slugs, pages.flat().filter((post) => post.slug !== ''), (post) => post.slug);
  }

  private async fetchPosts(params: QueryParams, call?: SourceCallContext): Promise<PostRecord[]> {
    let posts: WpPreviewPost[];
    try {
      posts = await this.get(
        'posts',
        {
          ...params,
          context: 'edit',
          status: PREVIEW_STATUSES.join(','),
          // `_embedded` (and the `_links` it is built from) must be asked for, or `_fields` drops them.
          _fields: [...PREVIEW_POST_FIELDS, '_links', '_embedded'].join(','),
          _embed: 'wp:featuredmedia',
        },
        PreviewPostList,
        call,
      );
    } catch (error) {
      throw await this.explain(error, call);
    }
    const autosaves = await Promise.all(
      posts.map((post) => this.get(`posts/${post.id}/autosaves`, { context: 'edit', _fields: AUTOSAVE_FIELDS.join(',') }, AutosaveList, call)),
    );
    return posts.flatMap((post, index) => mapWordPressPreview(post, autosaves[index] ?? [], embeddedFeaturedMedia(post)) ?? []);
  }

  /** A refused lookup may be a login WordPress took for an anonymous reader: asks who the gateway is signed in as. */
  private async explain(error: unknown, call?: SourceCallContext): Promise<unknown> {
    if (!(error instanceof UpstreamError) || error.extensions.code !== ErrorCode.UPSTREAM_BAD_RESPONSE) return error;
    try {
      await this.get('users/me', { context: 'edit', _fields: 'id' }, SignedInUser, call);
    } catch (whoAmI) {
      if (whoAmI instanceof UpstreamError && whoAmI.extensions.code === ErrorCode.UPSTREAM_UNAUTHORIZED) return whoAmI;
    }
    return error;
  }

  private async get<T>(route: string, params: QueryParams, schema: z.ZodType<T>, call?: SourceCallContext): Promise<T> {
    const url = restUrl(await this.options.restRoot(), `wp/v2/${route}`, params);
    // The public calls' endpoint classes, on this client's own slots and breakers.
    return (await this.client.request({ url, schema, call, headers: this.authorization, endpointClass: wordPressEndpointClass(route, params) })).body;
  }
}
