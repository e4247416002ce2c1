/**
 * From workout loads to day loads: the sum per (date, sport), the method recorded for a day, and the
 * day-by-day totals (0 on rest days) that the form (acute/chronic load, CTL/ATL) is computed from.
 */
import { dayNumber, daysBetween } from '../form/calendar-days';
import type { LoadMethod } from './workout-load';

/** The method behind a day's load: the one method all its workouts share, MIXED, or NONE (rest day). */
export type DailyLoadMethod = LoadMethod | 'MIXED' | 'NONE';

/** One workout's load on the athlete's local calendar day. */
export interface DatedWorkoutLoad {
  date: string;
  sport: string;
  load: number;
  method: LoadMethod;
}

export interface DailySportLoad {
  date: string;
  sport: string;
  /** Sum of the workouts' loads, AU. */
  load: number;
  method: Exclude<DailyLoadMethod, 'NONE'>;
  workouts: number;
}

/** The single method when all agree, MIXED when they differ, NONE without workouts. */
export function dailyMethod(methods: readonly LoadMethod[]): DailyLoadMethod {
  const [first] = methods;
  if (first === undefined) return 'NONE';
  return methods.every((method) => method === first) ? first : 'MIXED';
}

function assertLoad(load: number, date: string): void {
  if (!Number.isFinite(load) || load < 0) {
    throw new Error(`A workout load must be a finite number ≥ 0, got ${load} on ${date}`);
  }
}

/** Loads summed per (date, sport), ordered by date then sport; throws on a malformed date or load. */
export function sumLoadsByDateAndSport(workouts: readonly DatedWorkoutLoad[]): DailySportLoad[] {
  const groups = new Map<string, { date: string; sport: string; load: number; methods: LoadMethod[] }>();
  for (const { date, sport, load, method } of workouts) {
    dayNumber(date); // throws on a malformed date
    assertLoad(load, date);
    const key = `${date} ${sport}`;
    const group = groups.get(key) ?? { date, sport, load: 0, methods: [] };
    group.load += load;
    group.methods.push(method);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => (a.date === b.date ? compare(a.sport, b.sport) : compare(a.date, b.date)))
    .map(({ date, sport, load, methods }) => ({
      date,
      sport,
      load,
      // A group holds at least one workout: never NONE.
      method: dailyMethod(methods) as Exclude<DailyLoadMethod, 'NONE'>,
      workouts: methods.length,
    }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The total load of each day from `from` to `to` (both included), oldest first, 0 on days without a
 * workout: the input of the form computation. Loads dated outside the range are left out.
 */
export function dailyTotals(
  from: string,
  to: string,
  loads: readonly { date: string; load: number }[],
): number[] {
  const first = dayNumber(from);
  const totals = new Array<number>(Math.max(0, daysBetween(from, to) + 1)).fill(0);
  for (const { date, load } of loads) {
    assertLoad(load, date);
    const index = dayNumber(date) - first;
    if (index >= 0 && index < totals.length) totals[index] = (totals[index] ?? 0) + load;
  }
  return totals;
}
