/**
 * Reads of an athlete's load and form: daily loads over a range (rest days as zeros), the form on a day
 * (today by default, in the athlete's time zone; after the last training day it decays over rest days),
 * and race predictions from the running best efforts of the last year.
 */
import type { Clock } from '../../../../lib/clock';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { addDays, daysBetween, eachDay } from '../form/calendar-days';
import { FORM_PARAMETERS } from '../form/form-parameters';
import { decayedForm } from '../form/form-series';
import type { FormState } from '../form/form-state';
import { athleteToday } from '../athletes/athlete-today';
import type { InsightsRepos } from '../insights.repos';
import { dailyTotals, type DailyLoadMethod } from '../load/daily-loads';
import { predictRaces, type BestEffort, type RacePrediction } from '../predictions/race-predictions';
import { isRunning } from '../workouts/running';
import type { EffortRecord } from '../workouts/workout.repo';
import { ALL_SPORTS } from './daily-load.repo';

/** The longest range of daily loads one read returns. */
export const MAX_LOAD_DAYS = 400;

export interface DailyLoadView<S extends string = string> {
  date: string;
  sport: S | null;
  load: number;
  method: DailyLoadMethod;
  workouts: number;
}

export type TimelineService = ReturnType<typeof createTimelineService>;

export function createTimelineService(deps: {
  repos: Pick<InsightsRepos, 'athletes' | 'dailyLoads' | 'formDays' | 'workouts'>;
  clock: Clock;
}) {
  const { repos, clock } = deps;
  const today = (userId: string) => athleteToday(repos.athletes, clock, userId);

  return {
    async trainingLoad<S extends string>(
      userId: string,
      from: string,
      to: string,
      sport: S | null,
    ): Promise<DailyLoadView<S>[]> {
      if (from > to) throw new BadUserInputError('to', 'to must be on or after from.');
      if (daysBetween(from, to) >= MAX_LOAD_DAYS)
        throw new BadUserInputError('to', `A training-load read spans at most ${MAX_LOAD_DAYS} days.`);
      const rows = await repos.dailyLoads.between(userId, sport ?? ALL_SPORTS, from, to);
      const byDate = new Map(rows.map((row) => [row.date, row]));
      return eachDay(from, to).map((date): DailyLoadView<S> => {
        const row = byDate.get(date);
        return row
          ? { date, sport, load: row.load, method: row.method, workouts: row.workouts }
          : { date, sport, load: 0, method: 'NONE', workouts: 0 };
      });
    },

    /** The form on `date` (default today); null before the athlete's first training day. */
    async form(userId: string, date: string | null): Promise<FormState | null> {
      const day = date ?? (await today(userId));
      const stored = await repos.formDays.onOrBefore(userId, day);
      if (!stored || stored.date === day) return stored;
      const windowDays = Math.min(stored.day, FORM_PARAMETERS.windowDays);
      const from = addDays(stored.date, 1 - windowDays);
      const totals = await repos.dailyLoads.between(userId, ALL_SPORTS, from, stored.date);
      return decayedForm(stored, day, dailyTotals(from, stored.date, totals));
    },

    async racePredictions(userId: string): Promise<RacePrediction<EffortRecord & BestEffort>[]> {
      const to = await today(userId);
      const workouts = await repos.workouts.between(userId, addDays(to, -364), to);
      const efforts = workouts
        .filter((w) => isRunning(w.sport))
        .flatMap((w) => w.bestEfforts.map((e) => ({ ...e, workoutId: w.id, date: w.localDate })));
      return predictRaces(efforts);
    },
  };
}
