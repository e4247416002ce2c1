/**
 * An athlete's form on one day, computed FORWARD: the state of day d is a function of the state of day
 * d − 1 and the loads of the last 35 days up to d, so a change to a past day is repaired by recomputing
 * from that day on, and the days before it are never touched. The formulas and constants are in
 * form-parameters.ts.
 */
import { daysBetween, dayNumber } from './calendar-days';
import { FORM_PARAMETERS } from './form-parameters';
import { monotonyAndStrain, ratioOrNull, rollingCoupledRatio, rollingUncoupledRatio } from './load-windows';

const { acuteLambda, chronicLambda, ctlTimeConstantDays, atlTimeConstantDays, windowDays } = FORM_PARAMETERS;
const CTL_FACTOR = 1 - Math.exp(-1 / ctlTimeConstantDays);
const ATL_FACTOR = 1 - Math.exp(-1 / atlTimeConstantDays);

export interface FormState {
  /** 'YYYY-MM-DD', the athlete's local date. */
  date: string;
  /** 1 = the first day of the athlete's history. */
  day: number;
  /** The day's total load, AU. */
  load: number;
  /** EWMA of the load, N = 7 (Williams et al. 2017). */
  acute: number;
  /** EWMA of the load, N = 28. */
  chronic: number;
  /** Fitness: impulse-response with τ = 42 days. */
  ctl: number;
  /** Fatigue: impulse-response with τ = 7 days. */
  atl: number;
  /** CTL − ATL of this same day. */
  tsb: number;
  acwrEwma: number | null;
  acwrCoupled: number | null;
  acwrUncoupled: number | null;
  monotony: number | null;
  strain: number | null;
}

const isLoad = (value: number) => Number.isFinite(value) && value >= 0;

function assertInputs(previous: FormState | null, date: string, day: number, recentLoads: readonly number[]) {
  dayNumber(date);
  if (previous && daysBetween(previous.date, date) !== 1) {
    throw new Error(`nextFormState: ${date} does not follow the previous state's day ${previous.date}`);
  }
  if (previous && ![previous.acute, previous.chronic, previous.ctl, previous.atl].every(isLoad)) {
    throw new Error(`nextFormState: the state of ${previous.date} holds a load that is not finite and ≥ 0`);
  }
  const expected = Math.min(day, windowDays);
  if (recentLoads.length !== expected) {
    throw new Error(
      `nextFormState: expected the loads of the last ${expected} days ending ${date} (day ${day} of ` +
        `the history), got ${recentLoads.length}`,
    );
  }
  const bad = recentLoads.find((load) => !isLoad(load));
  if (bad !== undefined) throw new Error(`nextFormState: a day load must be finite and ≥ 0, got ${bad}`);
}

/**
 * The form on `date`, from the state of the day before (null: `date` is the first day of the history) and
 * the loads of the last min(day, 35) days ending with `date`, oldest first, 0 on rest days. Throws on a
 * gap between the days, a window of the wrong length, or a load that is not finite and ≥ 0.
 */
export function nextFormState(
  previous: FormState | null,
  date: string,
  recentLoads: readonly number[],
): FormState {
  const day = previous ? previous.day + 1 : 1;
  assertInputs(previous, date, day, recentLoads);
  const load = recentLoads[recentLoads.length - 1] ?? 0;
  const acute = previous ? previous.acute + acuteLambda * (load - previous.acute) : load;
  const chronic = previous ? previous.chronic + chronicLambda * (load - previous.chronic) : load;
  const ctl = (previous?.ctl ?? 0) + (load - (previous?.ctl ?? 0)) * CTL_FACTOR;
  const atl = (previous?.atl ?? 0) + (load - (previous?.atl ?? 0)) * ATL_FACTOR;
  return {
    date,
    day,
    load,
    acute,
    chronic,
    ctl,
    atl,
    tsb: ctl - atl,
    acwrEwma: ratioOrNull(acute, chronic),
    acwrCoupled: rollingCoupledRatio(recentLoads),
    acwrUncoupled: rollingUncoupledRatio(recentLoads),
    ...monotonyAndStrain(recentLoads),
  };
}
