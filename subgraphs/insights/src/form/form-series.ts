/**
 * Form over runs of days, built on nextFormState: a series of consecutive days from a known state (or from
 * the first day of the history), and the form on a later day when nothing was trained in between (to read
 * "today" for an athlete whose last stored state is older).
 */
import { addDays, daysBetween } from './calendar-days';
import { FORM_PARAMETERS } from './form-parameters';
import { nextFormState, type FormState } from './form-state';
import { ratioOrNull } from './load-windows';

const { acuteLambda, chronicLambda, ctlTimeConstantDays, atlTimeConstantDays, windowDays } = FORM_PARAMETERS;

/**
 * The form of each day from `startDate`, one per load in `loads` (oldest first, 0 on rest days).
 * `previous` is the state of the day before `startDate` (null: `startDate` is the first day of the
 * history); `history` the loads of up to 34 days ending with that day, min(previous.day, 34) of them.
 */
export function formSeries(
  startDate: string,
  loads: readonly number[],
  previous: FormState | null,
  history: readonly number[],
): FormState[] {
  const expected = previous ? Math.min(previous.day, windowDays - 1) : 0;
  if (history.length !== expected) {
    throw new Error(
      `formSeries: expected ${expected} loads of history before ${startDate}, got ${history.length}`,
    );
  }
  const window = [...history];
  const states: FormState[] = [];
  let state = previous;
  loads.forEach((load, index) => {
    window.push(load);
    if (window.length > windowDays) window.shift();
    state = nextFormState(state, addDays(startDate, index), window);
    states.push(state);
  });
  return states;
}

/**
 * The form on `date` (on or after `last.date`) when the days after `last` carry no load. `recentLoads` are
 * the loads nextFormState took for `last` (min(last.day, 35) days ending with `last.date`). The first 35
 * days are stepped one by one; after them every window holds zeros only, so the rolling ratios, monotony
 * and strain are null and each average simply decays by its daily factor: the rest is applied in one
 * step, keeping the cost bounded however far `date` lies (the EWMAs do not reach 0 in any useful time:
 * CTL still holds about 0.02 % of its value after a year).
 */
export function decayedForm(last: FormState, date: string, recentLoads: readonly number[]): FormState {
  const restDays = daysBetween(last.date, date);
  if (restDays < 0) throw new Error(`decayedForm: ${date} is before the last state's day ${last.date}`);
  const window = [...recentLoads];
  let state = last;
  for (let step = 0; step < Math.min(restDays, windowDays); step++) {
    window.push(0);
    if (window.length > windowDays) window.shift();
    state = nextFormState(state, addDays(state.date, 1), window);
  }
  const remaining = restDays - windowDays;
  return remaining > 0 ? coasted(state, date, remaining) : state;
}

/** `state` after `days` more days without load, its windows already all zeros. */
function coasted(state: FormState, date: string, days: number): FormState {
  const acute = state.acute * (1 - acuteLambda) ** days;
  const chronic = state.chronic * (1 - chronicLambda) ** days;
  const ctl = state.ctl * Math.exp(-days / ctlTimeConstantDays);
  const atl = state.atl * Math.exp(-days / atlTimeConstantDays);
  return {
    ...state,
    date,
    day: state.day + days,
    acute,
    chronic,
    ctl,
    atl,
    tsb: ctl - atl,
    acwrEwma: ratioOrNull(acute, chronic),
  };
}
