import type { PurgeLedger } from './PurgeLedger';
import type { RedisConnection } from './RedisConnection';
import { ADVANCE, PURGE } from './redisScripts';

/** Longer than any refill can take (request deadlines, upstream timeouts): a mark older than this is never handed back. */
const STAMP_MS = 10 * 60_000;

/**
 * The purge generations every instance sees, in the shared Redis: one counter, and per purged name the
 * value it had when the name was last purged. A purge advances them before it deletes and, in the same
 * step as the delete, after; a shared-tier write is checked against them in the step that writes (see
 * WRITE_UNLESS_PURGED), so a refill that began before a purge on any instance never lands after it.
 * The generations a purge takes are noted in the ledger once this instance applied it (PurgeLedger.appliedShared).
 */
export class SharedGenerations {
  readonly counterKey: string;
  private readonly stampPrefix: string;

  constructor(
    private readonly connection: RedisConnection,
    keyPrefix: string,
    private readonly ledger: PurgeLedger,
  ) {
    this.counterKey = `${keyPrefix}:gen`;
    this.stampPrefix = `${keyPrefix}:gen:`;
  }

  stampKey(name: string): string {
    return this.stampPrefix + name;
  }

  /** A write answered the counter: one below the writer's mark means Redis lost its data (restarted empty). */
  seen(counter: number, mark: number): void {
    if (counter >= mark) return;
    this.ledger.advanceAll();
    this.ledger.restartShared(counter);
  }

  /** The counter now, for marks to start from (after connecting, and after the purge channel was away). */
  async read(): Promise<number> {
    const value = await this.connection.run((client) => client.get(this.counterKey));
    return Number(value ?? 0);
  }

  /** Answers the new generation. */
  async advance(names: readonly string[]): Promise<number> {
    return Number(await this.connection.run((client) => ADVANCE.run(client, [this.counterKey, ...names.map((name) => this.stampKey(name))], [String(STAMP_MS)])));
  }

  /** Deletes `keys` and every member of `sets` (with the sets), then advances `names`, atomically. `deleted`: members per set. */
  async purge(keys: readonly string[], sets: readonly string[], names: readonly string[]): Promise<{ deleted: number[]; generation: number }> {
    const reply = (await this.connection.run((client) =>
      PURGE.run(client, [this.counterKey, ...keys, ...sets, ...names.map((name) => this.stampKey(name))], [String(STAMP_MS), String(keys.length), String(sets.length)]),
    )) as number[];
    return { generation: Number(reply[0]), deleted: reply.slice(1).map(Number) };
  }
}
