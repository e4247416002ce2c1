import { createPartnerKeyVerifier, type PartnerKeyVerdict } from './partner-key-verifier';

function newTestVerifier(cacheSeconds: number) {
  let now = 1_000_000;
  let answer: PartnerKeyVerdict | 'fail' = { valid: true, partnerId: 'p1', name: 'Acme' };
  const sent: unknown[] = [];
  const fakeFetch = (async (_url: string, init: { body: string }) => {
    sent.push(JSON.parse(init.body));
    if (answer === 'fail') return new Response('', { status: 502 });
    return Response.json(answer);
  }) as unknown as typeof fetch;
  const verifier = createPartnerKeyVerifier({
    verifyUrl: 'http://identity/internal/partner-keys/verify',
    cacheSeconds,
    now: () => now,
    fetch: fakeFetch,
  });
  return {
    verifier,
    sent,
    advance: (seconds: number) => (now += seconds * 1000),
    answer: (next: PartnerKeyVerdict | 'fail') => (answer = next),
  };
}

describe('createPartnerKeyVerifier', () => {
  it('asks identity once per key within the cache time, then again (a revocation shows within it)', async () => {
    const t = newTestVerifier(30);
    expect(await t.verifier.verify('pk_a')).toEqual({ valid: true, partnerId: 'p1', name: 'Acme' });
    t.answer({ valid: false });
    t.advance(29);
    expect((await t.verifier.verify('pk_a')).valid).toBe(true);
    t.advance(2);
    expect(await t.verifier.verify('pk_a')).toEqual({ valid: false });
    expect(t.sent).toEqual([{ key: 'pk_a' }, { key: 'pk_a' }]);
  });

  it('caches each key on its own, and nothing with a cache time of 0', async () => {
    const t = newTestVerifier(0);
    await t.verifier.verify('pk_a');
    await t.verifier.verify('pk_a');
    await t.verifier.verify('pk_b');
    expect(t.sent).toHaveLength(3);
  });

  it('does not cache a failed check, and fails it rather than guessing', async () => {
    const t = newTestVerifier(30);
    t.answer('fail');
    await expect(t.verifier.verify('pk_a')).rejects.toThrow(/HTTP 502/);
    t.answer({ valid: false });
    expect(await t.verifier.verify('pk_a')).toEqual({ valid: false });
    expect(t.sent).toHaveLength(2);
  });
});
