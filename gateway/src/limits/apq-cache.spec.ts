import { createApqCache } from './apq-cache';

describe('createApqCache', () => {
  it('evicts the least recently used texts once the bound is reached', async () => {
    const cache = createApqCache(30);
    await cache.set('a', 'x'.repeat(9)); // 10 bytes with its key
    await cache.set('b', 'x'.repeat(9));
    await cache.set('c', 'x'.repeat(9));
    expect(await cache.get('a')).toBeDefined(); // a is now the most recently used
    await cache.set('d', 'x'.repeat(9));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('d')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(30);
    expect(cache.size).toBe(3);
  });

  it('does not store a text larger than the whole cache', async () => {
    const cache = createApqCache(10);
    await cache.set('k', 'x'.repeat(20));
    expect(await cache.get('k')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('forgets a text after its ttl', async () => {
    let now = 0;
    const cache = createApqCache(100, () => now);
    await cache.set('k', 'query', { ttl: 10 });
    now = 9_999;
    expect(await cache.get('k')).toBe('query');
    now = 10_000;
    expect(await cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('replaces a text set again under the same key', async () => {
    const cache = createApqCache(100);
    await cache.set('k', 'one');
    await cache.set('k', 'two');
    expect(await cache.get('k')).toBe('two');
    expect(cache.bytes).toBe(4);
    expect(await cache.delete('k')).toBe(true);
    expect(cache.bytes).toBe(0);
  });
});
