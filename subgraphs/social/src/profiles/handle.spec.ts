import { checkedHandle, handleCandidates, handleStem, mentionedHandles } from './handle';

describe('handles', () => {
  it('stores a handle in lower case without the @', () => {
    expect(checkedHandle('@Ann.Lee_2')).toBe('ann.lee_2');
  });

  it.each(['ab', 'a'.repeat(31), '.ann', 'ann.', 'an..n', 'ann lee', 'änn'])('refuses %j', (raw) => {
    expect(() => checkedHandle(raw)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('makes a stem from a display name, accents removed', () => {
    expect(handleStem('Jörg Müller')).toBe('jorgmuller');
    expect(handleStem('李')).toBe('athlete');
    expect(handleStem('Al')).toBe('alathlete');
  });

  it('offers the stem first, then the stem with digits, every candidate a valid handle', () => {
    const candidates = handleCandidates('Ann Lee');
    expect(candidates.next().value).toBe('annlee');
    for (let i = 0; i < 20; i++) {
      const candidate = candidates.next().value as string;
      expect(candidate).toMatch(/^annlee\d+$/);
      expect(checkedHandle(candidate)).toBe(candidate);
    }
  });

  it('finds mentions once each, not inside emails', () => {
    expect(mentionedHandles('Great run @Ann and @bob.k! cc @ann, mail me at x@example.com')).toEqual([
      'ann',
      'bob.k',
    ]);
  });
});
