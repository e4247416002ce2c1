/** How far an athlete is into their level, from the API's Level. */

export interface LevelFigures {
  level: number;
  totalXp: number;
  xpIntoLevel: number;
  xpForNextLevel: number;
}

export interface LevelProgress {
  /** 0 to 100, whole. */
  percent: number;
  /** XP still needed for the next level. */
  xpToGo: number;
  /** The total XP at which the next level comes. */
  nextLevelAt: number;
}

export function levelProgress({ totalXp, xpIntoLevel, xpForNextLevel }: LevelFigures): LevelProgress {
  const span = Math.max(xpForNextLevel, 0);
  const into = Math.min(Math.max(xpIntoLevel, 0), span);
  return {
    percent: span === 0 ? 100 : Math.floor((into / span) * 100),
    xpToGo: span - into,
    nextLevelAt: totalXp - xpIntoLevel + xpForNextLevel,
  };
}
