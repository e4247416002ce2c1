/**
 * What a workout puts on the boards: for each metric, its value on the week, month and all-time boards of
 * its sport and of all sports (windows of its start, UTC). Boards receive differences of contributions, so
 * an edit moves exactly the difference and a deletion takes back exactly what the workout put there.
 */
import { periodBoardsOf, type BoardChange, type BoardMetric } from './leaderboards';
import { onSharedBoards, type WorkoutFact } from './rules';

export type { BoardChange };

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
  if (!fact || !onSharedBoards(fact)) return contributions;
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
): BoardChange[] {
  const boards = new Set([...before.keys(), ...after.keys()]);
  return [...boards]
    .map((board) => ({ board, athleteId, delta: (after.get(board) ?? 0) - (before.get(board) ?? 0) }))
    .filter((change) => change.delta !== 0);
}

/** Sums changes per (board, athlete): one write per board and athlete. */
export function mergeChanges(changes: readonly BoardChange[]): BoardChange[] {
  const merged = new Map<string, BoardChange>();
  for (const change of changes) {
    const key = `${change.board}\u0000${change.athleteId}`;
    const existing = merged.get(key);
    if (existing) existing.delta += change.delta;
    else merged.set(key, { ...change });
  }
  return [...merged.values()].filter((change) => change.delta !== 0);
}
