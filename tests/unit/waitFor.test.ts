import { waitFor } from '../support/waitFor';

describe('waitFor', () => {
  it('resolves with the first truthy value the condition gives, checking at once and then every interval', async () => {
    let checks = 0;
    const value = await waitFor(() => {
      checks += 1;
      return checks >= 3 && { checks };
    }, { intervalMs: 1, description: 'the third check' });
    expect(value).toEqual({ checks: 3 });
  });

  it('counts a check that throws as not yet', async () => {
    let checks = 0;
    await expect(waitFor(async () => {
      checks += 1;
      if (checks < 2) throw new Error('not up yet');
      return 'up';
    }, { intervalMs: 1, description: 'the service' })).resolves.toBe('up');
  });

  it('gives up after timeoutMs, naming what it waited for and what the last check gave', async () => {
    await expect(waitFor(() => ({ ready: false }).ready, { timeoutMs: 30, intervalMs: 5, description: 'the cache to fill' })).rejects.toThrow(
      'Timed out after 30 ms waiting for the cache to fill: its last check gave false',
    );
  });

  it('names the last error when the last check threw', async () => {
    await expect(waitFor(() => Promise.reject(new Error('connection refused')), { timeoutMs: 30, intervalMs: 5, description: 'Redis' })).rejects.toThrow(
      'Timed out after 30 ms waiting for Redis: its last check threw Error: connection refused',
    );
  });
});
