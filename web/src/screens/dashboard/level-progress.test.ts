import { describe, expect, it } from 'vitest';
import { levelProgress } from './level-progress';

describe('progress to the next level', () => {
  it('is the share of the level’s span already earned', () => {
    expect(levelProgress({ level: 3, totalXp: 450, xpIntoLevel: 150, xpForNextLevel: 400 })).toEqual({
      percent: 37,
      xpToGo: 250,
      nextLevelAt: 700,
    });
  });

  it('starts at zero for a new athlete and never exceeds the span', () => {
    expect(levelProgress({ level: 1, totalXp: 0, xpIntoLevel: 0, xpForNextLevel: 100 })).toMatchObject({
      percent: 0,
      xpToGo: 100,
      nextLevelAt: 100,
    });
    expect(levelProgress({ level: 9, totalXp: 10, xpIntoLevel: 20, xpForNextLevel: 10 }).percent).toBe(100);
    expect(levelProgress({ level: 9, totalXp: 10, xpIntoLevel: 0, xpForNextLevel: 0 }).percent).toBe(100);
  });
});
