/**
 * The projection of training's and identity's events into an athlete's insights, in the consumer's unit of
 * work: a finished, edited or deleted workout rewrites its days' loads, the form forward from the earliest
 * changed day, the weeks and months it falls in, the load-spike flag and the recommendations of the last
 * training day. A new time zone re-dates every workout and recomputes the athlete from their first day.
 */
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import { localDateOf } from '../../../../lib/time-zone';
import { updateLoadFlag } from '../flags/update-load-flag';
import type { InsightsRepos } from '../insights.repos';
import { workoutLoad } from '../load/workout-load';
import type { Cause } from './cause';
import { adviseAthlete } from '../recommendations/advise-athlete';
import { recomputePeriods } from '../summaries/recompute-periods';
import { recomputeTimeline } from '../timeline/recompute-timeline';
import type { InsightsWorkout } from '../workouts/workout.repo';

/** A workout's row from its summary, its athlete's time zone and the RPE they gave it. */
export function workoutRow(
  summary: WorkoutSummary,
  timeZone: string,
  sessionRpe: number | null,
): InsightsWorkout {
  const startedAt = new Date(summary.startedAt);
  const figures = {
    sport: summary.sport,
    movingSeconds: summary.movingSeconds,
    elapsedSeconds: summary.elapsedSeconds,
    distanceMeters: summary.distanceMeters,
    trimp: summary.trimp ?? null,
    sessionRpe,
  };
  return {
    id: summary.workoutId,
    userId: summary.userId,
    startedAt,
    localDate: localDateOf(startedAt, timeZone),
    elevationGainMeters: summary.elevationGainMeters,
    bestEfforts: summary.bestEfforts ?? [],
    ...figures,
    ...workoutLoad(figures),
  };
}

/** Recomputes what depends on the athlete's workouts of `dates`. */
export async function refreshAthlete(
  repos: InsightsRepos,
  userId: string,
  dates: readonly string[],
  cause: Cause,
): Promise<void> {
  await repos.athletes.lock(userId);
  const latest = await recomputeTimeline(repos, userId, dates);
  await recomputePeriods(repos, userId, dates);
  const spike = await updateLoadFlag(repos, userId, latest, cause);
  await adviseAthlete(repos, userId, latest, spike, cause);
}

/** A workout finished or changed: only finished workouts count. */
export async function projectWorkout(repos: InsightsRepos, summary: WorkoutSummary, cause: Cause) {
  if (summary.status !== 'FINISHED') return;
  // One after the other: the queries share the consumer's transaction (one connection).
  await repos.athletes.lock(summary.userId);
  const athlete = await repos.athletes.of(summary.userId);
  const before = await repos.workouts.find(summary.workoutId);
  const sessionRpe = await repos.workouts.ratingOf(summary.workoutId);
  const row = workoutRow(summary, athlete.timeZone, sessionRpe);
  await repos.workouts.save(row);
  const dates =
    before && before.localDate !== row.localDate ? [before.localDate, row.localDate] : [row.localDate];
  await refreshAthlete(repos, row.userId, dates, cause);
}

export async function forgetWorkout(repos: InsightsRepos, workoutId: string, cause: Cause) {
  const before = await repos.workouts.find(workoutId);
  await repos.workouts.remove(workoutId);
  if (before) await refreshAthlete(repos, before.userId, [before.localDate], cause);
}

/** Re-dates the athlete's workouts in `timeZone` and recomputes everything that moved. */
export async function changeTimeZone(repos: InsightsRepos, userId: string, timeZone: string, cause: Cause) {
  await repos.athletes.lock(userId);
  const athlete = await repos.athletes.of(userId);
  if (athlete.timeZone === timeZone) return;
  await repos.athletes.update(userId, { timeZone });
  const workouts = await repos.workouts.all(userId);
  const dates = new Set<string>();
  for (const workout of workouts) {
    const localDate = localDateOf(workout.startedAt, timeZone);
    if (localDate === workout.localDate) continue;
    dates.add(workout.localDate).add(localDate);
    await repos.workouts.save({ ...workout, localDate });
  }
  if (dates.size > 0) await refreshAthlete(repos, userId, [...dates], cause);
}

/** Forgets every row of the athlete (identity.user.deleted); cohorts lose them at their next recompute. */
export async function eraseAthlete(repos: InsightsRepos, userId: string): Promise<void> {
  await repos.workouts.erase(userId);
  await repos.dailyLoads.erase(userId);
  await repos.formDays.erase(userId);
  await repos.flags.erase(userId);
  await repos.recommendations.erase(userId);
  await repos.injuries.erase(userId);
  await repos.summaries.erase(userId);
  await repos.gearWear.erase(userId);
  await repos.athletes.erase(userId);
}
