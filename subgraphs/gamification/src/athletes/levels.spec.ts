import { levelOf, xpToReachLevel } from './levels';

describe('xpToReachLevel', () => {
  it('follows 100 · (n − 1)^1.5, floored', () => {
    expect([1, 2, 3, 5, 10, 100].map(xpToReachLevel)).toEqual([0, 100, 282, 800, 2_700, 98_503]);
  });

  it('refuses a level below 1', () => {
    expect(() => xpToReachLevel(0)).toThrow(RangeError);
  });
});

describe('levelOf', () => {
  it('starts at level 1 with 0 XP', () => {
    expect(levelOf(0)).toEqual({ level: 1, totalXp: 0, xpIntoLevel: 0, xpForNextLevel: 100 });
  });

  it('reaches a level at exactly its threshold', () => {
    expect(levelOf(99)).toEqual({ level: 1, totalXp: 99, xpIntoLevel: 99, xpForNextLevel: 100 });
    expect(levelOf(100)).toEqual({ level: 2, totalXp: 100, xpIntoLevel: 0, xpForNextLevel: 182 });
    expect(levelOf(3_000)).toEqual({ level: 10, totalXp: 3_000, xpIntoLevel: 300, xpForNextLevel: 462 });
  });

  it('agrees with the thresholds for the first 500 levels', () => {
    for (let level = 2; level <= 500; level += 1) {
      const threshold = xpToReachLevel(level);
      expect(levelOf(threshold).level).toBe(level);
      expect(levelOf(threshold - 1).level).toBe(level - 1);
    }
  });

  it('refuses a negative or fractional total', () => {
    expect(() => levelOf(-1)).toThrow(RangeError);
    expect(() => levelOf(1.5)).toThrow(RangeError);
  });
});
