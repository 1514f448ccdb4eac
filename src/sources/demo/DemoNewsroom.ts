/**
 * The embedded demo newsroom's shapes: a corpus shaped like a WordPress-style CMS response (HTML titles,
 * entity-encoded text, numeric ids), so the mapping code that turns CMS shapes into gateway records is
 * exercised on realistic input. The content itself is data (newsroom.json), written by
 * scripts/demo/generateDemoNewsroom.ts.
 */

export interface DemoAuthor { id: number; slug: string; name: string; bioHtml: string; avatarUrl: string | null; }
/** `parentId`: the parent category, for a category nested under another (WordPress's `parent`). */
export interface DemoTopic { id: number; slug: string; name: string; descriptionHtml: string; kind: 'category' | 'tag'; parentId?: number; }
export interface DemoImage { url: string; alt: string; width: number; height: number; }
export interface DemoPost {
  id: number; slug: string; titleHtml: string;
  excerptHtml: string | null;
  contentHtml: string;
  date: string; modified: string;
  /**
   * WordPress's workflow statuses. Only `publish` is public; the others stay in the data because editors
   * preview them (`post(preview: true)`), and readers must never see them.
   */
  status: 'publish' | 'draft' | 'pending' | 'future' | 'private';
  authorIds: number[];
  topicIds: number[];
  image: DemoImage | null;
}
/** Unsaved changes an editor made to a post (WordPress keeps them as an autosave revision): previews show them, readers never. */
export interface DemoAutosave { postId: number; titleHtml: string; excerptHtml: string | null; contentHtml: string; modified: string; }
export interface DemoNewsroom { authors: DemoAuthor[]; topics: DemoTopic[]; posts: DemoPost[]; autosaves?: DemoAutosave[]; }
