import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';

export interface WaitForOptions {
  /** How long the condition may take to hold; 5 s unless told. */
  timeoutMs?: number;
  /** Pause between checks; 25 ms unless told. */
  intervalMs?: number;
  /** What is awaited, in words: the timeout error starts with it. */
  description: string;
}

/** What a condition gives once it holds: its value, less the falsy ones. */
export type Truthy<T> = Exclude<T, false | 0 | 0n | '' | null | undefined>;

/**
 * Checks `condition` at once and then every `intervalMs` until it gives a truthy value, and resolves with
 * that value. A check that throws counts as "not yet". When `timeoutMs` has passed, it throws an error
 * naming `description` and what the last check gave or threw, so a failed wait says what it saw.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitForOptions): Promise<Truthy<T>> {
  const { timeoutMs = 5_000, intervalMs = 25, description } = options;
  const deadline = Date.now() + timeoutMs;
  let last: { value: unknown } | { error: unknown } | undefined;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as Truthy<T>;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  const seen = last && 'error' in last ? `its last check threw ${describe(last.error)}` : `its last check gave ${describe(last?.value)}`;
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}: ${seen}`);
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return inspect(value, { depth: 3, breakLength: Infinity, maxStringLength: 500 });
}
