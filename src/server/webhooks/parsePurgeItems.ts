import { z } from 'zod';
import type { PurgeItem } from '../../cache/ContentPurger';
import { TAGGED_KINDS } from '../../config/entityKinds';
import { isWellFormedText } from '../httpCache/requestAcceptance';

/** More than this in one call is a bulk import: purge everything some other way. */
export const MAX_PURGE_ITEMS = 500;

export type ParsedPurgeItems = { ok: true; items: PurgeItem[] } | { ok: false; problems: string[] };

/**
 * The webhook body's parser for a list of purgeable kinds (every kind with cache tags in the entity-kind
 * table). Accepts `{ "type": "post", "id": "420" }`, an array of such items, or `{ "items": [...] }`.
 * Every item is checked before anything is purged: one bad item refuses the whole batch (400, naming
 * each problem by its index), so a sender fixes and resends one batch rather than guessing which half ran.
 */
export function createPurgeItemsParser(kinds: readonly string[]): (raw: Buffer) => ParsedPurgeItems {
  // Any Unicode (an emoji slug is fine); half a surrogate pair is not text, and no tag can spell it.
  const Text = z.string().trim().min(1).max(200).refine(isWellFormedText, { error: 'must be well-formed Unicode (it holds a lone surrogate)' });
  const Id = z.union([Text, z.number().int().nonnegative()]).transform(String);
  const Item = z.object({
    type: z.enum(kinds as [string, ...string[]], { error: `must be ${quotedList(kinds)}` }),
    id: Id,
    slug: Text.optional(),
  });
  const Body = z.union([
    Item.transform((item) => [item]),
    z.array(Item).min(1, { error: 'must name at least one item' }).max(MAX_PURGE_ITEMS, { error: `must name at most ${MAX_PURGE_ITEMS} items` }),
    z.object({ items: z.array(Item).min(1).max(MAX_PURGE_ITEMS) }).transform((body) => body.items),
  ]);
  return (raw) => {
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      return { ok: false, problems: [`body is not valid JSON: ${(error as Error).message}`] };
    }
    const parsed = Body.safeParse(json);
    if (parsed.success) return { ok: true, items: parsed.data.map((item) => (item.slug ? item : { type: item.type, id: item.id })) };
    const problems = parsed.error.issues.flatMap((issue) =>
      issue.code === 'invalid_union' ? issue.errors.flat().map((inner) => describe(inner.path, inner.message)) : [describe(issue.path, issue.message)],
    );
    return { ok: false, problems: [...new Set(problems)] };
  };
}

/** The gateway's own webhook: the kinds of ENTITY_KINDS with cache tags. */
export const parsePurgeItems = createPurgeItemsParser(TAGGED_KINDS);

function quotedList(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
}

function describe(path: PropertyKey[], message: string): string {
  return path.length > 0 ? `${path.map(String).join('.')}: ${message}` : message;
}
