import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';
import type { KeySetSource } from '../../identity/TokenVerifier';
import type { UpstreamClient } from '../http/UpstreamClient';

const KeySet = z.object({ keys: z.array(z.looseObject({ kty: z.string() })) });

export interface JwksSourceOptions {
  url: string;
  /** How long a fetched set is used before it is fetched again. */
  maxAgeMs: number;
  /** Least time between two fetches forced by unknown keys: a flood of forged `kid`s costs one fetch. */
  refreshCooldownMs: number;
  now?: () => number;
}

/**
 * A JSON Web Key Set from a URL (the identity provider's `jwks_uri`), over the upstream client (deadline,
 * retries, breaker), cached for `maxAgeMs` and fetched again early when a token names a key it lacks.
 * Concurrent requests share one fetch.
 */
export class JwksSource implements KeySetSource {
  private cached: { set: JSONWebKeySet; fetchedAt: number } | undefined;
  private inFlight: Promise<JSONWebKeySet> | undefined;
  private lastForcedAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(
    private readonly client: UpstreamClient,
    private readonly options: JwksSourceOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get(): Promise<JSONWebKeySet> {
    const cached = this.cached;
    if (cached && this.now() - cached.fetchedAt < this.options.maxAgeMs) return Promise.resolve(cached.set);
    // An old set still checks tokens while the provider is briefly unreachable.
    return cached ? this.fetch().catch(() => cached.set) : this.fetch();
  }

  refresh(): Promise<JSONWebKeySet> {
    if (this.now() - this.lastForcedAt < this.options.refreshCooldownMs && this.cached) return Promise.resolve(this.cached.set);
    this.lastForcedAt = this.now();
    return this.fetch();
  }

  private fetch(): Promise<JSONWebKeySet> {
    this.inFlight ??= (async () => {
      try {
        const response = await this.client.request({ url: new URL(this.options.url), schema: KeySet });
        const set = response.body as unknown as JSONWebKeySet;
        this.cached = { set, fetchedAt: this.now() };
        return set;
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }
}
