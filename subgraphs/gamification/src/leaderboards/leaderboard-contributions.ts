/**
 * What a workout puts on the leaderboards: for each metric, its value on the week, month and all-time
 * leaderboards of its sport and of all sports (windows of its start, UTC). Leaderboards receive differences
 * of contributions, so an edit moves exactly the difference and a deletion takes back exactly what the
 * workout put there.
 */
import { onSharedLeaderboards, type WorkoutFact } from '../workout-facts/workout-fact';
import { periodBoardsOf, type BoardMetric } from './board-key';
import type { ScoreChange } from './leaderboard-store';

/** A workout's value for a metric: whole metres, seconds or points (boards hold integers). */
export function metricValue(fact: WorkoutFact, xp: number, metric: BoardMetric): number {
  switch (metric) {
    case 'DISTANCE':
      return Math.round(fact.distanceMeters ?? 0);
    case 'MOVING_TIME':
      return Math.round(fact.movingSeconds ?? 0);
    case 'ELEVATION':
      return Math.round(fact.elevationGainMeters ?? 0);
    case 'XP':
      return xp;
  }
}

/**
 * Board → what the workout (with `xp` points) contributes to it; boards it adds nothing to are left out.
 * A private workout contributes nothing: every signed-in athlete reads these boards. `boardsOf` names the
 * boards of a sport and instant (a rebuild passes a memoised periodBoardsOf).
 */
export function contributionsOf(
  fact: WorkoutFact | null,
  xp: number,
  boardsOf: typeof periodBoardsOf = periodBoardsOf,
): Map<string, number> {
  const contributions = new Map<string, number>();
  if (!fact || !onSharedLeaderboards(fact)) return contributions;
  for (const { metric, board } of boardsOf(fact.sport, fact.startedAt)) {
    const value = metricValue(fact, xp, metric);
    if (value !== 0) contributions.set(board, value);
  }
  return contributions;
}

/** The changes that turn `before` into `after` for one athlete (zero differences left out). */
export function differences(
  athleteId: string,
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): ScoreChange[] {
  const boards = new Set([...before.keys(), ...after.keys()]);
  return [...boards]
    .map((board) => ({ board, athleteId, delta: (after.get(board) ?? 0) - (before.get(board) ?? 0) }))
    .filter((change) => change.delta !== 0);
}

/** Sums changes per (board, athlete): one write per board and athlete. */
export function mergeChanges(changes: readonly ScoreChange[]): ScoreChange[] {
  const merged = new Map<string, ScoreChange>();
  for (const change of changes) {
    const key = `${change.board}\u0000${change.athleteId}`;
    const existing = merged.get(key);
    if (existing) existing.delta += change.delta;
    else merged.set(key, { ...change });
  }
  return [...merged.values()].filter((change) => change.delta !== 0);
}
