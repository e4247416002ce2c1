/** For the leaderboard integration specs: the boards some workouts reach, and what stands on them. */
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import { challengeBoardId } from '../challenges/member-standing';
import { periodBoardsOf } from './board-key';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';
import type { LeaderboardStore } from './leaderboard-store';

/** The period boards a workout counts on. */
export const boardsOf = (summary: Pick<WorkoutSummary, 'sport' | 'startedAt'>) =>
  periodBoardsOf(summary.sport as 'RUN', Date.parse(summary.startedAt)).map(({ board }) => board);

/** The period boards of these workouts and the challenge's board, each once. */
export const boardsReachedBy = (workouts: readonly WorkoutSummary[], challengeId: string) => [
  ...new Set([...workouts.flatMap(boardsOf), challengeBoardId(challengeId)]),
];

/**
 * Every entry of these boards, by score then athlete (the boards without any left out), checking that each
 * board ranks its entries 1, 2, 3… Among equal scores the order is who reached the score first, which a
 * rebuild can only approximate (it knows when each workout last changed, not each board): ties are
 * compared as sets, everything else (athletes, scores, ranks of distinct scores) exactly.
 */
export async function snapshot(store: LeaderboardStore, boards: readonly string[]) {
  const entries = await Promise.all(
    boards.map(async (board) => {
      const top = await store.top(board, 100);
      expect(top.map((e) => e.rank)).toEqual(top.map((_e, i) => i + 1));
      const byScore = [...top].sort((a, b) => b.score - a.score || a.athleteId.localeCompare(b.athleteId));
      return [board, byScore.map((e) => ({ athleteId: e.athleteId, score: e.score }))] as const;
    }),
  );
  return Object.fromEntries(entries.filter(([, top]) => top.length > 0));
}

/** Rebuilds the boards into an empty store (in the tests' November 2026) and expects the `live` entries. */
export async function expectRebuiltAsLive(
  rebuild: (store: LeaderboardStore) => Promise<unknown>,
  boards: readonly string[],
  live: Awaited<ReturnType<typeof snapshot>>,
) {
  const fresh = createInProcessLeaderboardStore({ now: () => Date.parse('2026-11-21T12:00:00Z') });
  await rebuild(fresh);
  expect(await snapshot(fresh, boards)).toEqual(live);
  await fresh.close();
}
