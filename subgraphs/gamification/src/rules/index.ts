/**
 * The gamification rules: pure functions and data, no I/O. XP per workout, the level curve, the
 * achievement catalogue, streaks and challenge progress, and the calendar helpers they share, all in the
 * athlete's time zone. README.md beside this file documents the numbers.
 */
export { onSharedBoards, type WorkoutFact, type WorkoutVisibility } from './workout-fact';
export { xpFor, isRewardable, refusalReason, type XpAward } from './xp';
export { XP_RULES, XP_LIMITS, type XpRule } from './xp-rules';
export { levelOf, xpToReachLevel, type Level } from './levels';
export { ACHIEVEMENTS, type AchievementDefinition, type AchievementRule } from './achievement-catalogue';
export { evaluateAchievements, type AchievementStatus } from './achievements';
export { streaksOf, type Streaks } from './streaks';
export {
  challengeProgress,
  type ChallengeDefinition,
  type ChallengeGoal,
  type ChallengeProgress,
} from './challenges';
export { localDay, isoWeek, localMonth, normalizeTimeZone } from './local-time';
