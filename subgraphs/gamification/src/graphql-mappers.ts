/** The domain types the gamification resolvers return for each GraphQL type (used by codegen's mappers). */
export type { AchievementView as Achievement } from './athlete.service';
export type { BoardMove as LeaderboardMove, BoardUpdateMessage as LeaderboardUpdate } from './board-updates';
export type { ChallengeRecord as Challenge } from './challenge.repo';
export type { MemberProgress as ChallengeProgress } from './challenge.service';
export type { BoardEntry as LeaderboardEntry } from './leaderboards';
export type { Level, Streaks } from './rules';

/** A user reference: gamification knows only the id; identity resolves the rest. */
export interface User {
  id: string;
}

/** A workout reference, resolved by training. */
export interface Workout {
  id: string;
}
