/**
 * The level curve: reaching level n (n ≥ 1) takes ⌊100 · (n − 1)^1.5⌋ XP in total, so level 1 is at 0,
 * level 2 at 100, level 5 at 800, level 10 at 2 700 and level 100 at 98 503; each level asks a little
 * more than the one before, and there is no top level.
 */

export interface Level {
  level: number;
  totalXp: number;
  /** XP earned since this level was reached. */
  xpIntoLevel: number;
  /** XP between this level and the next (the length of the progress bar, not what remains). */
  xpForNextLevel: number;
}

/** Total XP needed to reach a level. */
export function xpToReachLevel(level: number): number {
  if (!Number.isInteger(level) || level < 1) throw new RangeError(`Levels start at 1, got ${level}.`);
  return Math.floor(100 * (level - 1) ** 1.5);
}

/** The level a total of XP reaches, and how far into it. */
export function levelOf(totalXp: number): Level {
  if (!Number.isInteger(totalXp) || totalXp < 0) {
    throw new RangeError(`A total of XP is a whole number of points, not negative; got ${totalXp}.`);
  }
  // Invert the curve, then settle on the exact integer threshold (floating point may be one off).
  let level = Math.floor((totalXp / 100) ** (2 / 3)) + 1;
  while (level > 1 && xpToReachLevel(level) > totalXp) level -= 1;
  while (xpToReachLevel(level + 1) <= totalXp) level += 1;
  const floor = xpToReachLevel(level);
  return { level, totalXp, xpIntoLevel: totalXp - floor, xpForNextLevel: xpToReachLevel(level + 1) - floor };
}
