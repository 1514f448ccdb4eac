import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type BookmarkRecord, MAX_LISTED_BOOKMARKS, type NewsletterSignUp, type ReaderSource, type SignUpStatus } from './ReaderSource';

/**
 * Migrations in order; `PRAGMA user_version` records how many ran. Append only: a file written by an
 * older gateway is brought up to date at start, never rebuilt.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE bookmarks (
     reader_id TEXT NOT NULL,
     post_id TEXT NOT NULL,
     saved_at INTEGER NOT NULL,
     UNIQUE (reader_id, post_id)
   );
   CREATE INDEX bookmarks_newest ON bookmarks (reader_id, saved_at DESC);
   CREATE TABLE newsletter_subscriptions (
     email TEXT PRIMARY KEY,
     topic_slugs TEXT NOT NULL,
     subscribed_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
];

interface BookmarkRow {
  reader_id: string;
  post_id: string;
  saved_at: number;
}

const toRecord = (row: BookmarkRow): BookmarkRecord => ({ postId: row.post_id, savedAt: new Date(row.saved_at) });

/**
 * The embedded reader store: one SQLite file (READER_DB_PATH), created and migrated when the gateway
 * starts, in WAL mode so reads never wait for a write. The file belongs to one instance: several
 * instances need the reader service instead. better-sqlite3 is synchronous; every statement here is an
 * indexed lookup of one reader or one address, well under a millisecond.
 */
export class SqliteReaderStore implements ReaderSource {
  readonly name = 'reader-sqlite';
  private readonly db: Database.Database;
  private readonly statements;

  constructor(
    path: string,
    private readonly newsletterTopicSlugs: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // Another instance of this process starting on the same file (a restart overlapping the old one) waits, not fails.
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.statements = {
      listByReaders: this.db.prepare<[string, number], BookmarkRow>(
        `SELECT reader_id, post_id, saved_at FROM (
           SELECT reader_id, post_id, saved_at,
                  ROW_NUMBER() OVER (PARTITION BY reader_id ORDER BY saved_at DESC, rowid DESC) AS position
           FROM bookmarks WHERE reader_id IN (SELECT value FROM json_each(?))
         ) WHERE position <= ? ORDER BY reader_id, position`,
      ),
      byPosts: this.db.prepare<[string, string], BookmarkRow>(
        'SELECT reader_id, post_id, saved_at FROM bookmarks WHERE reader_id = ? AND post_id IN (SELECT value FROM json_each(?))',
      ),
      insert: this.db.prepare<[string, string, number]>('INSERT INTO bookmarks (reader_id, post_id, saved_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      one: this.db.prepare<[string, string], BookmarkRow>('SELECT reader_id, post_id, saved_at FROM bookmarks WHERE reader_id = ? AND post_id = ?'),
      remove: this.db.prepare<[string, string]>('DELETE FROM bookmarks WHERE reader_id = ? AND post_id = ?'),
      subscribe: this.db.prepare<[string, string, number, number]>(
        `INSERT INTO newsletter_subscriptions (email, topic_slugs, subscribed_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (email) DO UPDATE SET topic_slugs = excluded.topic_slugs, updated_at = excluded.updated_at`,
      ),
      count: this.db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM newsletter_subscriptions'),
    };
  }

  private migrate(): void {
    const applied = this.db.pragma('user_version', { simple: true }) as number;
    const run = this.db.transaction(() => {
      for (let version = applied; version < MIGRATIONS.length; version += 1) this.db.exec(MIGRATIONS[version] as string);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    });
    if (applied < MIGRATIONS.length) run.immediate();
  }

  async listBookmarksByReaderIds(readerIds: readonly string[]): Promise<BookmarkRecord[][]> {
    const byReader = new Map<string, BookmarkRecord[]>(readerIds.map((id) => [id, []]));
    for (const row of this.statements.listByReaders.all(JSON.stringify(readerIds), MAX_LISTED_BOOKMARKS)) byReader.get(row.reader_id)?.push(toRecord(row));
    return readerIds.map((id) => byReader.get(id) ?? []);
  }

  async getBookmarksByPostIds(readerId: string, postIds: readonly string[]): Promise<(BookmarkRecord | null)[]> {
    const found = new Map(this.statements.byPosts.all(readerId, JSON.stringify(postIds)).map((row) => [row.post_id, toRecord(row)]));
    return postIds.map((id) => found.get(id) ?? null);
  }

  async addBookmark(readerId: string, postId: string): Promise<BookmarkRecord> {
    this.statements.insert.run(readerId, postId, this.now());
    return toRecord(this.statements.one.get(readerId, postId) as BookmarkRow);
  }

  async removeBookmark(readerId: string, postId: string): Promise<void> {
    this.statements.remove.run(readerId, postId);
  }

  /** The embedded store sends no mail, so there is nothing to confirm: every sign-up is `subscribed`. */
  async subscribeToNewsletter(signUp: NewsletterSignUp): Promise<SignUpStatus> {
    const now = this.now();
    this.statements.subscribe.run(signUp.email, JSON.stringify(signUp.topicSlugs), now, now);
    return 'subscribed';
  }

  async countNewsletterSubscribers(): Promise<number> {
    return (this.statements.count.get() as { count: number }).count;
  }

  async listNewsletterTopicSlugs(): Promise<string[]> {
    return [...this.newsletterTopicSlugs];
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
