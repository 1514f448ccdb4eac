import { createClient } from '@keyv/redis';
import CircuitBreaker from 'opossum';
import type { BreakerState } from '../telemetry';

export class RedisUnavailableError extends Error {
  constructor(reason: string) {
    super(`Redis is unavailable: ${reason}`);
    this.name = 'RedisUnavailableError';
  }
}

export interface RedisConnectionOptions {
  url: string;
  /** Longest a cache call may add to a request before it counts as a miss. */
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  /** A short window suits Redis: one that just stalled trips the breaker after a few timeouts, even when it answered thousands of calls a minute ago. */
  breaker: { errorThresholdPercent: number; minRequests: number; resetMs: number; windowMs: number; windowBuckets: number };
  onDown: (error: unknown) => void;
  onUp: () => void;
  onBreakerState?: (state: BreakerState) => void;
}

type RedisClient = ReturnType<typeof createClient>;

/** Reconnect quickly at first, then every second: a restarted Redis is used again within about a second. */
export function reconnectDelayMs(retries: number): number {
  return Math.min(50 * 2 ** retries, 1_000) + Math.floor(Math.random() * 50);
}

/**
 * One connection to the shared Redis, used by every cache tier, plus a second one for pub/sub (a
 * subscribed connection cannot send ordinary commands). Redis trouble must never fail a request, so:
 * commands are rejected at once while disconnected (no offline queue that grows and replays late), each
 * call has a timeout, and a circuit breaker stops asking a slow Redis for a second before trying again.
 * The client reconnects by itself, forever, with a capped backoff.
 */
export class RedisConnection {
  readonly client: RedisClient;
  private subscriber: RedisClient | undefined;
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private down = false;
  private everReady = false;
  private closed = false;

  constructor(private readonly options: RedisConnectionOptions) {
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: { connectTimeout: options.connectTimeoutMs, reconnectStrategy: reconnectDelayMs },
    });
    // Errors arrive once per failed reconnect attempt: report the outage once, and the recovery once.
    this.client.on('error', (error: unknown) => this.markDown(error));
    this.client.on('ready', () => this.markUp());
    this.breaker = new CircuitBreaker((operation: () => Promise<unknown>) => operation(), {
      timeout: options.commandTimeoutMs,
      errorThresholdPercentage: options.breaker.errorThresholdPercent,
      volumeThreshold: options.breaker.minRequests,
      resetTimeout: options.breaker.resetMs,
      rollingCountTimeout: options.breaker.windowMs,
      rollingCountBuckets: options.breaker.windowBuckets,
    });
    this.breaker.on('open', () => options.onBreakerState?.('open'));
    this.breaker.on('halfOpen', () => options.onBreakerState?.('half_open'));
    this.breaker.on('close', () => options.onBreakerState?.('closed'));
  }

  /** Starts connecting without waiting: the gateway serves from its own tier until Redis answers. */
  start(): void {
    this.client.connect().catch((error: unknown) => this.markDown(error));
  }

  get isReady(): boolean {
    return this.client.isReady;
  }

  /** Runs one Redis call within the timeout and the breaker; throws at once when Redis is not usable. */
  async run<T>(operation: (client: RedisClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new RedisUnavailableError('connection closed');
    if (!this.client.isReady) throw new RedisUnavailableError('not connected');
    return (await this.breaker.fire(() => operation(this.client))) as T;
  }

  async ping(): Promise<void> {
    const reply = await this.run((client) => client.ping());
    if (reply !== 'PONG') throw new RedisUnavailableError('unexpected PING reply');
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.run((client) => client.publish(channel, message));
  }

  /**
   * Subscribes on a connection of its own. Its commands may wait for a connection (unlike cache calls),
   * and it resubscribes after every reconnect; `onResubscribed` tells the caller that messages may have
   * been missed while it was away.
   */
  subscribe(channel: string, onMessage: (message: string) => void, onResubscribed: () => void): void {
    const subscriber = this.client.duplicate({ disableOfflineQueue: false });
    this.subscriber = subscriber;
    let readyBefore = false;
    subscriber.on('error', () => {
      // Same outage as the main connection, which reports it.
    });
    subscriber.on('ready', () => {
      if (readyBefore) onResubscribed();
      readyBefore = true;
    });
    subscriber.connect().catch(() => undefined);
    subscriber.subscribe(channel, (message) => onMessage(message)).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.breaker.shutdown();
    for (const client of [this.subscriber, this.client]) {
      if (!client) continue;
      // A graceful QUIT when connected; otherwise drop the reconnect loop at once.
      if (client.isReady) await client.close().catch(() => client.destroy());
      else if (client.isOpen) client.destroy();
    }
  }

  private markDown(error: unknown): void {
    if (this.down || this.closed) return;
    this.down = true;
    this.options.onDown(error);
  }

  private markUp(): void {
    if (!this.down && this.everReady) return;
    this.down = false;
    this.everReady = true;
    this.options.onUp();
  }
}
