export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 25, maxMs: 400 };

/**
 * "Full jitter" exponential backoff: a random wait between 0 and base·2^attempt (capped), so many gateway
 * instances retrying the same failed upstream spread out instead of hitting it again in lockstep.
 */
export function jitteredBackoffMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}
