import { PurgeLedger } from '../../src/cache/PurgeLedger';

describe('PurgeLedger', () => {
  it('refuses a mark only for names purged after it, and answers at once when nothing was purged', () => {
    const ledger = new PurgeLedger();
    const mark = ledger.mark();
    expect(ledger.movedSince(['post:1'], mark.local)).toBe(false);
    ledger.advance(['post:1', 'post-list']);
    expect(ledger.movedSince(['post:1'], mark.local)).toBe(true);
    expect(ledger.movedSince(['post:2'], mark.local)).toBe(false);
    // Taken after the purge: nothing moved since.
    expect(ledger.movedSince(['post:1'], ledger.mark().local)).toBe(false);
    ledger.advanceAll();
    expect(ledger.movedSince(['post:2'], mark.local)).toBe(true);
  });

  it('refuses marks older than a name it had to forget to stay bounded', () => {
    const ledger = new PurgeLedger(Date.now, { maxNames: 2 });
    const mark = ledger.mark();
    ledger.advance(['post:1']);
    ledger.advance(['post:2']);
    ledger.advance(['post:3']);
    // post:1 was forgotten; whatever a mark from before it depends on is refused.
    expect(ledger.movedSince(['author:9'], mark.local)).toBe(true);
    expect(ledger.movedSince(['author:9'], ledger.mark().local)).toBe(false);
  });

  it('vouches for a shared generation only once every generation up to it was applied here', () => {
    let now = 0;
    const ledger = new PurgeLedger(() => now, { gapMs: 1_000 });
    expect(ledger.mark().shared).toBeUndefined();
    ledger.restartShared(10);
    const epoch = ledger.epoch;
    ledger.appliedShared([13, 14]);
    // 11 and 12 (another instance's purge) are not heard of yet.
    expect(ledger.mark().shared).toBe(10);
    ledger.appliedShared([11, 12]);
    expect(ledger.mark().shared).toBe(14);
    expect(ledger.epoch).not.toBe(epoch);
    // A purge that failed between its two generations is waited for, then passed over.
    ledger.appliedShared([16]);
    expect(ledger.mark().shared).toBe(14);
    now += 1_000;
    ledger.closeGaps();
    expect(ledger.mark().shared).toBe(16);
  });
});
