/**
 * Who may see a workout, in one place (no I/O). A viewer — a signed-in athlete, or nobody (anonymous) — sees
 * a workout when it is theirs; otherwise, when neither of the two has blocked the other, when it is PUBLIC,
 * or FOLLOWERS and the viewer is an accepted follower of its athlete. PRIVATE is for its athlete only.
 * Anything not visible is reported exactly as a workout that does not exist (NOT_FOUND, or null).
 */
import type { Visibility, WorkoutRecord } from '../workouts/workout.repo';

/** What training knows of the viewer and a workout's athlete (its copy of social's follows and blocks). */
export interface Relation {
  /** The viewer is an accepted follower of the athlete (a pending request is not). */
  follows: boolean;
  /** One of the two has blocked the other, in either direction. */
  blocked: boolean;
}

export const STRANGERS: Relation = { follows: false, blocked: false };

/** A signed-in athlete's id, or null for anonymous. */
export type ViewerId = string | null;

export const isOwner = (viewerId: ViewerId, workout: Pick<WorkoutRecord, 'userId'>): boolean =>
  viewerId !== null && viewerId === workout.userId;

/** The visibilities of an athlete's workouts this viewer may see (all of them for the athlete themself). */
export function visibilitiesFor(viewerId: ViewerId, athleteId: string, relation: Relation): Visibility[] {
  if (viewerId !== null && viewerId === athleteId) return ['PUBLIC', 'FOLLOWERS', 'PRIVATE'];
  if (relation.blocked) return [];
  if (viewerId !== null && relation.follows) return ['PUBLIC', 'FOLLOWERS'];
  return ['PUBLIC'];
}

/** Whether the viewer may see the workout. */
export const maySee = (
  viewerId: ViewerId,
  workout: Pick<WorkoutRecord, 'userId' | 'visibility'>,
  relation: Relation,
): boolean => visibilitiesFor(viewerId, workout.userId, relation).includes(workout.visibility);

/**
 * The workout as someone other than its athlete reads it: what only the athlete sees is blanked. The notes
 * (a diary), the device, the gear (the athlete's inventory), the calories (from their weight) and the
 * heart-rate zones with the maximum and resting heart rates they were computed from (their training
 * profile). The track's positions are redacted elsewhere (privacy/track-privacy.ts).
 */
export function asSeenBy(viewerId: ViewerId, workout: WorkoutRecord): WorkoutRecord {
  if (isOwner(viewerId, workout)) return workout;
  const metrics = workout.metrics && {
    ...workout.metrics,
    calories: null,
    caloriesSource: null,
    heartRate: workout.metrics.heartRate && {
      average: workout.metrics.heartRate.average,
      max: workout.metrics.heartRate.max,
      maxUsed: null,
      restingUsed: null,
      zones: [],
    },
  };
  return {
    ...workout,
    notes: null,
    device: null,
    gearIds: [],
    calories: null,
    deviceCalories: null,
    metrics: metrics as WorkoutRecord['metrics'],
  };
}
