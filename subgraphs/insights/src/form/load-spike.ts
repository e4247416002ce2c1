/**
 * The load-spike flag: raised when the acute:chronic ratio (EWMA, Williams et al. 2017) climbs above 1.5,
 * kept until it falls below 1.3. The gap between the two thresholds (hysteresis) keeps a ratio hovering
 * around 1.5 from raising and clearing the flag day after day.
 *
 * It says "your recent load is well above what you are used to", NOT "you are at risk of injury": the ACWR
 * alone does not predict injury (Impellizzeri et al. 2020, "Acute:chronic workload ratio: conceptual issues
 * and fundamental pitfalls", IJSPP), and no wording built on this flag may claim it does.
 *
 * Never raised in the first 28 days of an athlete's history (the chronic EWMA is still close to its seed,
 * the load of day 1), nor when the chronic load is 0, nor on a comeback: when the 28 days before the last
 * 7 hold no training, the chronic EWMA is only the decayed remainder of an older history and any workout
 * would read as a spike (the recommendations' BACK_GRADUALLY rule speaks to a comeback). A raised flag
 * clears in each of these cases.
 */
import { FORM_PARAMETERS } from './form-parameters';
import type { FormState } from './form-state';

export const LOAD_SPIKE_RULE = {
  version: 'load-spike@1',
  method: 'ACWR_EWMA',
  /** Raised when the ratio is strictly above this… */
  raiseAbove: 1.5,
  /** …and cleared, once raised, when it is strictly below this. */
  clearBelow: 1.3,
  /** No flag while the day of the history is ≤ this. */
  minHistoryDays: 28,
} as const;

export interface LoadSpikeEvaluation {
  raised: boolean;
  /** acute / chronic (EWMA); null when the chronic load is 0. */
  ratio: number | null;
  inputs: { acute: number; chronic: number; day: number };
  reason: string;
}

const shown = (ratio: number) => ratio.toFixed(2);

/**
 * No training in the 28 days before the acute week: the uncoupled rolling ratio, whose denominator they are,
 * is null although the history is long enough for it.
 */
const isComeback = (state: FormState) =>
  state.day >= FORM_PARAMETERS.windowDays && state.acwrUncoupled === null;

/** Whether the flag is raised on `state`'s day, given whether it was raised the day before. */
export function evaluateLoadSpike(state: FormState, currentlyRaised: boolean): LoadSpikeEvaluation {
  const { acute, chronic, day } = state;
  const { raiseAbove, clearBelow, minHistoryDays } = LOAD_SPIKE_RULE;
  const ratio = chronic > 0 ? state.acwrEwma : null;
  const result = (raised: boolean, reason: string) => ({
    raised,
    ratio,
    inputs: { acute, chronic, day },
    reason,
  });

  if (day <= minHistoryDays) {
    return result(false, `Day ${day} of the history: no flag before day ${minHistoryDays + 1}`);
  }
  if (ratio === null) return result(false, 'No chronic load: no ratio');
  if (isComeback(state)) {
    return result(
      false,
      'A comeback: no training in the 28 days before the last 7, so no chronic load to compare with',
    );
  }
  if (ratio > raiseAbove) return result(true, `Acute:chronic ${shown(ratio)} is above ${raiseAbove}`);
  if (!currentlyRaised) return result(false, `Acute:chronic ${shown(ratio)} is not above ${raiseAbove}`);
  if (ratio < clearBelow) return result(false, `Acute:chronic ${shown(ratio)} fell below ${clearBelow}`);
  return result(true, `Acute:chronic ${shown(ratio)} has not yet fallen below ${clearBelow}`);
}
