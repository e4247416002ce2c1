/**
 * After an athlete's workouts changed on some days (completed, edited, deleted, or moved from one day to
 * another: the caller passes both days), rewrites their summary of every week and month containing one of
 * those days from the workouts stored then. Each period is recomputed whole, so running it twice, or for
 * a period whose workouts did not change, leaves the same rows.
 */
import type { InsightsRepos } from '../insights.repos';
import { figuresBySport } from './period-totals';
import { periodEnd, periodsOf, type PeriodKey } from './periods';

type PeriodRepos = Pick<InsightsRepos, 'workouts' | 'summaries'>;

/** Rewrites the athlete's weeks and months containing `dates`; returns the periods rewritten. */
export async function recomputePeriods(
  repos: PeriodRepos,
  userId: string,
  dates: readonly string[],
): Promise<PeriodKey[]> {
  const periods = periodsOf(dates);
  for (const { period, start } of periods) {
    const workouts = await repos.workouts.between(userId, start, periodEnd(period, start));
    await repos.summaries.replace(userId, period, start, figuresBySport(workouts));
  }
  return periods;
}
