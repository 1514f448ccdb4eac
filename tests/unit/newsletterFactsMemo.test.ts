import { NewsletterFactsMemo } from '../../src/sources/reader/NewsletterFactsMemo';
import { SqliteReaderStore } from '../../src/sources/reader/SqliteReaderStore';

describe('NewsletterFactsMemo', () => {
  const setUp = () => {
    const store = new SqliteReaderStore(':memory:', ['politics']);
    let now = 0;
    let failing = false;
    let reads = 0;
    const counted = Object.assign(Object.create(store) as SqliteReaderStore, {
      countNewsletterSubscribers: async () => {
        reads += 1;
        if (failing) throw new Error('reader store down');
        return store.countNewsletterSubscribers();
      },
    });
    const memo = new NewsletterFactsMemo(counted, 60_000, () => now);
    return { store, memo, reads: () => reads, advance: (ms: number) => (now += ms), fail: (on: boolean) => (failing = on) };
  };

  it('reads the count once per minute', async () => {
    const { store, memo, reads, advance } = setUp();
    expect(await memo.countNewsletterSubscribers()).toBe(0);
    await store.subscribeToNewsletter({ email: 'a@example.com', topicSlugs: [] });
    expect(await memo.countNewsletterSubscribers()).toBe(0);
    expect(reads()).toBe(1);
    advance(60_001);
    expect(await memo.countNewsletterSubscribers()).toBe(1);
    expect(reads()).toBe(2);
  });

  it('answers a failed read with the last count, keeps no failure, and fails when there is nothing to fall back on', async () => {
    const { memo, reads, advance, fail } = setUp();
    fail(true);
    await expect(memo.countNewsletterSubscribers()).rejects.toThrow('reader store down');
    fail(false);
    expect(await memo.countNewsletterSubscribers()).toBe(0);
    expect(reads()).toBe(2);
    advance(60_001);
    fail(true);
    expect(await memo.countNewsletterSubscribers()).toBe(0);
    // The failure was not kept: the next caller tries again.
    expect(await memo.countNewsletterSubscribers()).toBe(0);
    expect(reads()).toBe(4);
  });
});
