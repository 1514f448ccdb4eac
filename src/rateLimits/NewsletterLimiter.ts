import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { NewsletterLimits } from '../config';

/** Refused: how long until the caller may try again. */
export interface Refusal {
  retryAfterSeconds: number;
}

/**
 * Newsletter sign-ups allowed per client address and per email address in a window (fixed windows, as
 * rate-limiter-flexible counts them). In process: with several instances each counts its own share.
 * The email limit stops anyone flooding someone else's inbox with confirmation mails from many addresses.
 */
export class NewsletterLimiter {
  private readonly perClientAddress: RateLimiterMemory;
  private readonly perEmail: RateLimiterMemory;

  constructor(limits: NewsletterLimits) {
    this.perClientAddress = new RateLimiterMemory({ keyPrefix: 'address', points: limits.perClientAddress, duration: limits.windowSeconds });
    this.perEmail = new RateLimiterMemory({ keyPrefix: 'email', points: limits.perEmail, duration: limits.windowSeconds });
  }

  /** Counts one sign-up; undefined when it may go ahead. */
  async consume(clientAddress: string, email: string): Promise<Refusal | undefined> {
    try {
      await this.perClientAddress.consume(clientAddress);
      await this.perEmail.consume(email);
      return undefined;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
  }
}
