import { MAX_PURGE_ITEMS, parsePurgeItems } from '../../src/server/webhooks/parsePurgeItems';

const parse = (value: unknown) => parsePurgeItems(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));

describe('purge request body', () => {
  it('accepts one item, an array, or { items }, with string or numeric ids and an optional slug', () => {
    expect(parse({ type: 'post', id: '420' })).toEqual({ ok: true, items: [{ type: 'post', id: '420' }] });
    expect(parse([{ type: 'author', id: 2 }, { type: 'topic', id: '3', slug: 'asia' }])).toEqual({
      ok: true,
      items: [{ type: 'author', id: '2' }, { type: 'topic', id: '3', slug: 'asia' }],
    });
    expect(parse({ items: [{ type: 'post', id: 1 }] })).toEqual({ ok: true, items: [{ type: 'post', id: '1' }] });
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['an unknown type', { type: 'page', id: '1' }, /type/],
    ['no id', { type: 'post' }, /id/],
    ['an empty batch', [], /at least one/],
    ['a negative id', { type: 'post', id: -1 }, /id/],
    ['too many items', Array.from({ length: MAX_PURGE_ITEMS + 1 }, (_, id) => ({ type: 'post', id })), /at most/],
  ])('refuses %s, naming the problem', (_case, body, problem) => {
    const result = parse(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('; ')).toMatch(problem);
  });
});
