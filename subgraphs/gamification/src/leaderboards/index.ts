/** The leaderboard port of gamification: board keys and windows, the store and its factory. */
export {
  BOARD_METRICS,
  BOARD_PERIODS,
  boardId,
  parseBoardId,
  periodBoardsOf,
  type BoardKey,
  type BoardMetric,
  type BoardPeriod,
} from './board-key';
export { windowBounds, windowExpiry, windowOf } from './board-window';
export type { ScoreChange, LeaderboardEntry, LeaderboardStore } from './leaderboard-store';
export { createLeaderboardStore } from './create-leaderboard-store';
export { createInProcessLeaderboardStore } from './in-process-leaderboard-store';
