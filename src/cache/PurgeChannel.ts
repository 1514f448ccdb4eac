import { randomUUID } from 'node:crypto';
import type { RedisConnection } from './RedisConnection';

/** One changed entity, slugs resolved by the instance that purged. */
export interface PurgedEntity {
  type: string;
  id: string;
  slugs: string[];
}

/** A purge as instances tell each other: the entities, and the two shared generations it took. */
export interface PurgeNotice {
  entities: PurgedEntity[];
  generations: number[];
}

export type PurgeChannelState = 'starting' | 'listening' | 'down';

export interface PurgeChannelOptions {
  connection: RedisConnection;
  channel: string;
  instanceId: string;
  now: () => number;
  /** PURGE_CHANNEL_DOWN_MAX_AGE_SECONDS, in milliseconds: sets how often the channel is proven. */
  downMaxAgeMs: number;
  /** Applies another instance's purge, synchronously; the acknowledgement follows. */
  onPurge: (notice: PurgeNotice) => void;
  isPurgedEntity: (value: unknown) => value is PurgedEntity;
  /** The channel stopped proving itself: purges sent since `heardAt` may not have been heard. */
  onDown: (heardAt: number) => void;
  /** Heard again (or for the first time): whatever was missed must be dropped before this resolves. */
  onUp: () => Promise<void>;
  /** Every beat, for housekeeping (closing generation gaps). */
  onBeat?: () => void;
}

type Message =
  | { type: 'purge'; origin: string; id: string; entities: PurgedEntity[]; generations: number[] }
  | { type: 'ack'; origin: string; id: string; to: string }
  | { type: 'beat'; origin: string; sentAt: number };

/** The longest a purge waits for the other instances to say they applied it. */
const ACK_TIMEOUT_MS = 2_000;

/**
 * The instances' purge channel over Redis pub/sub. A purge is answered only once every instance that
 * received it said it applied it (or after ACK_TIMEOUT_MS), so a read that starts anywhere after the
 * webhook answered never finds the old copy. The channel proves itself: each instance publishes a beat
 * and must hear its own echo; pub/sub gives no other sign of a paused or partitioned Redis (the socket
 * stays open, and a subscriber never sends). While unproven, the owner bounds its in-process entries.
 */
export class PurgeChannel {
  private stateNow: PurgeChannelState = 'starting';
  private heardAt: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly waiting = new Map<string, { acks: Set<string>; expected: number | undefined; done: () => void }>();
  private readonly beatMs: number;
  private recovering = false;

  constructor(private readonly options: PurgeChannelOptions) {
    this.heardAt = options.now();
    // Five proofs per allowed age: a lost channel is noticed after two missed beats, with most of the age left.
    this.beatMs = Math.min(1_000, Math.max(50, Math.floor(options.downMaxAgeMs / 5)));
  }

  get state(): PurgeChannelState {
    return this.stateNow;
  }

  start(): void {
    const { connection, channel } = this.options;
    connection.subscribe(
      channel,
      (raw) => this.receive(raw),
      () => this.lose(),
    );
    this.timer = setInterval(() => this.beat(), this.beatMs);
    this.timer.unref();
    this.beat();
  }

  stop(): void {
    clearInterval(this.timer);
    for (const waiter of this.waiting.values()) waiter.done();
  }

  /** Publishes a purge and waits for the instances that received it to apply it. */
  async tell(notice: PurgeNotice): Promise<{ told: number; acknowledged: number }> {
    // `told`/`acknowledged` count the other instances.
    const id = randomUUID();
    const acks = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    const settled = new Promise<void>((resolve) => {
      this.waiting.set(id, { acks, expected: undefined, done: resolve });
      timer = setTimeout(resolve, ACK_TIMEOUT_MS);
    });
    try {
      const message: Message = { type: 'purge', origin: this.options.instanceId, id, ...notice };
      // Every receiver acknowledges, our own subscriber too (it applies nothing): the count is exact.
      const expected = await this.publish(message);
      const waiter = this.waiting.get(id);
      if (waiter) waiter.expected = expected;
      if (acks.size < expected) await settled;
      const self = acks.has(this.options.instanceId) ? 1 : 0;
      return { told: expected - self, acknowledged: acks.size - self };
    } finally {
      clearTimeout(timer);
      this.waiting.delete(id);
    }
  }

  private async publish(message: Message): Promise<number> {
    const { connection, channel } = this.options;
    return connection.run((client) => client.publish(channel, JSON.stringify(message)));
  }

  private beat(): void {
    this.options.onBeat?.();
    // Starting counts too: an instance that never heard the channel must bound its entries as well.
    if (this.stateNow !== 'down' && this.options.now() - this.heardAt > 2 * this.beatMs) this.lose();
    this.publish({ type: 'beat', origin: this.options.instanceId, sentAt: this.options.now() }).catch(() => undefined);
  }

  private lose(): void {
    if (this.stateNow === 'down') return;
    this.stateNow = 'down';
    this.options.onDown(this.heardAt);
  }

  private receive(raw: string): void {
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const self = message.origin === this.options.instanceId;
    if (message.type === 'beat' && self && typeof message.sentAt === 'number') this.heard(message.sentAt);
    else if (message.type === 'ack' && message.to === this.options.instanceId) this.acknowledged(message);
    else if (message.type === 'purge' && this.isNotice(message)) {
      if (!self) this.options.onPurge({ entities: message.entities, generations: message.generations });
      this.publish({ type: 'ack', origin: this.options.instanceId, id: message.id, to: message.origin }).catch(() => undefined);
    }
  }

  private heard(sentAt: number): void {
    // Everything published before our beat was delivered before its echo.
    this.heardAt = Math.max(this.heardAt, sentAt);
    if (this.stateNow === 'listening' || this.recovering) return;
    this.recovering = true;
    this.options.onUp().then(
      () => {
        this.recovering = false;
        this.stateNow = 'listening';
      },
      () => {
        // The counter could not be read: still unproven; the next beat tries again.
        this.recovering = false;
      },
    );
  }

  private acknowledged(message: { id: string; origin: string }): void {
    const waiter = this.waiting.get(message.id);
    if (!waiter) return;
    waiter.acks.add(message.origin);
    if (waiter.expected !== undefined && waiter.acks.size >= waiter.expected) waiter.done();
  }

  private isNotice(message: { id?: unknown; entities?: unknown; generations?: unknown }): message is { id: string; entities: PurgedEntity[]; generations: number[] } {
    return (
      typeof message.id === 'string' &&
      Array.isArray(message.entities) &&
      message.entities.every(this.options.isPurgedEntity) &&
      Array.isArray(message.generations) &&
      message.generations.every((generation) => Number.isSafeInteger(generation))
    );
  }
}
