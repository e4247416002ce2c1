/**
 * What the recommendation model reads of an athlete on their last training day: the form, whether a load
 * spike is raised, the break before that day, the longest runs (this ISO week against the three before)
 * and the gear near retirement.
 */
import { addDays, daysBetween } from '../form/calendar-days';
import type { FormState } from '../form/form-state';
import type { InsightsRepos } from '../insights.repos';
import type { RecommendationInputs } from '../models/rule-model';
import { weekStart } from '../summaries/periods';
import { isRunning } from '../workouts/running';

/** How many weeks before this one the long run is compared with. */
const PREVIOUS_WEEKS = 3;

type InputRepos = Pick<InsightsRepos, 'workouts' | 'gearWear'>;

export async function recommendationInputs(
  repos: InputRepos,
  userId: string,
  latest: FormState,
  loadSpikeRaised: boolean,
): Promise<RecommendationInputs> {
  const monday = weekStart(latest.date);
  const earlier = addDays(monday, -7 * PREVIOUS_WEEKS);
  // One after the other: the queries share the caller's transaction (one connection).
  const previousDay = await repos.workouts.lastDayBefore(userId, latest.date);
  const workouts = await repos.workouts.between(userId, earlier, latest.date);
  const gear = await repos.gearWear.of(userId);
  const longest = (from: string, to: string) => {
    const runs = workouts.filter((w) => isRunning(w.sport) && w.localDate >= from && w.localDate <= to);
    return runs.length === 0 ? null : Math.max(...runs.map((w) => w.distanceMeters ?? 0));
  };
  return {
    date: latest.date,
    form: { tsb: latest.tsb, acwrEwma: latest.acwrEwma, day: latest.day },
    loadSpikeRaised,
    daysSinceLastWorkout: previousDay === null ? null : daysBetween(previousDay, latest.date),
    longestRunThisWeekMeters: longest(monday, latest.date),
    longestRunPreviousWeeksMeters: longest(earlier, addDays(monday, -1)),
    gearNearRetirement: gear,
  };
}
