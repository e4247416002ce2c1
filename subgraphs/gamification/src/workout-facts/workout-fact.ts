/**
 * What gamification knows about one workout: its figures as training last published them (the input of
 * every rule), made from training's summaries and read back from the WorkoutFact rows.
 */
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import { SPORTS, type Sport } from '../../../../lib/sports';

export interface WorkoutFact {
  workoutId: string;
  userId: string;
  sport: Sport;
  /** Start instant, ms since the epoch (UTC). */
  startedAt: number;
  distanceMeters: number | null;
  movingSeconds: number | null;
  elevationGainMeters: number | null;
  gearIds: string[];
  /** Codes of the problems the metrics engine found in the track (SPEED_JUMP, …). */
  trackFlags: string[];
  /** Who may see the workout: a `PRIVATE` one counts for its athlete only, never on a shared board. */
  visibility: WorkoutVisibility;
}

export type WorkoutVisibility = 'PUBLIC' | 'FOLLOWERS' | 'PRIVATE';

/** Whether the workout counts on boards other athletes read (leaderboards, challenge boards). */
export const onSharedLeaderboards = (fact: WorkoutFact): boolean => fact.visibility !== 'PRIVATE';

/**
 * One fact per workout (the last occurrence wins), oldest first; equal start instants are ordered by
 * workout id so every evaluation walks the same history in the same order.
 */
export function chronological(facts: readonly WorkoutFact[]): WorkoutFact[] {
  const byId = new Map<string, WorkoutFact>();
  for (const fact of facts) byId.set(fact.workoutId, fact);
  return [...byId.values()].sort(
    (a, b) =>
      a.startedAt - b.startedAt || (a.workoutId < b.workoutId ? -1 : a.workoutId > b.workoutId ? 1 : 0),
  );
}

const isSport = (value: string): value is Sport => (SPORTS as readonly string[]).includes(value);
const isVisibility = (value: string): value is WorkoutVisibility =>
  value === 'PUBLIC' || value === 'FOLLOWERS' || value === 'PRIVATE';

/** The fact of a finished workout; null for a workout still being recorded (it counts once finished). */
export function factOfSummary(summary: WorkoutSummary): WorkoutFact | null {
  if (summary.status !== 'FINISHED') return null;
  return {
    workoutId: summary.workoutId,
    userId: summary.userId,
    // A sport this version does not know yet counts as OTHER rather than being dropped.
    sport: isSport(summary.sport) ? summary.sport : 'OTHER',
    startedAt: Date.parse(summary.startedAt),
    distanceMeters: summary.distanceMeters,
    movingSeconds: summary.movingSeconds ?? summary.elapsedSeconds,
    elevationGainMeters: summary.elevationGainMeters,
    gearIds: [...summary.gearIds],
    trackFlags: [...(summary.trackFlags ?? [])],
    visibility: summary.visibility ?? 'FOLLOWERS',
  };
}

/** The columns of a WorkoutFact row. */
export interface WorkoutFactRow {
  workoutId: string;
  userId: string;
  sport: string;
  startedAt: Date;
  distanceMeters: number | null;
  movingSeconds: number | null;
  elevationGainMeters: number | null;
  gearIds: string[];
  trackFlags: string[];
  visibility: string;
  deletedAt: Date | null;
}

export function factOfRow(row: WorkoutFactRow): WorkoutFact {
  return {
    workoutId: row.workoutId,
    userId: row.userId,
    sport: isSport(row.sport) ? row.sport : 'OTHER',
    startedAt: row.startedAt.getTime(),
    distanceMeters: row.distanceMeters,
    movingSeconds: row.movingSeconds,
    elevationGainMeters: row.elevationGainMeters,
    gearIds: row.gearIds,
    trackFlags: row.trackFlags,
    visibility: isVisibility(row.visibility) ? row.visibility : 'FOLLOWERS',
  };
}

/** Whether two facts would give the same XP, boards and achievements (an update that changes nothing). */
export function sameFact(a: WorkoutFact, b: WorkoutFact): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
