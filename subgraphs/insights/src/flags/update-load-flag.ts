/**
 * Raises or clears an athlete's load-spike flag from the form of their last training day (the rule in
 * form/load-spike.ts). A change writes the flag and its event in the caller's unit of work.
 */
import type { FormState } from '../form/form-state';
import { evaluateLoadSpike, LOAD_SPIKE_RULE } from '../form/load-spike';
import { derivedId } from '../derived-id';
import type { InsightsRepos } from '../insights.repos';
import type { Cause } from '../projection/cause';
import { flagCleared, flagRaised } from './load-flag.publish';
import type { LoadFlagRecord } from './load-flag.repo';

type FlagRepos = Pick<InsightsRepos, 'flags' | 'outbox'>;

/** Whether a flag is raised after the update. */
export async function updateLoadFlag(
  repos: FlagRepos,
  userId: string,
  latest: FormState | null,
  cause: Cause,
): Promise<boolean> {
  const open = await repos.flags.raised(userId);
  const { at, origin } = cause;
  const evaluation = latest ? evaluateLoadSpike(latest, open !== null) : null;
  if (open && !evaluation?.raised) {
    // No more history (every workout deleted) clears the flag on the day it was raised.
    const clearedOn = latest && latest.date > open.raisedOn ? latest.date : open.raisedOn;
    await repos.flags.clear(open.id, clearedOn);
    await repos.outbox.write([flagCleared(open, clearedOn, origin, at)]);
    return false;
  }
  if (!open && latest && evaluation?.raised && evaluation.ratio !== null) {
    const { raiseAbove, clearBelow, minHistoryDays } = LOAD_SPIKE_RULE;
    const flag: LoadFlagRecord = {
      id: derivedId(cause.id, 'load-flag'),
      userId,
      raisedOn: latest.date,
      clearedOn: null,
      method: LOAD_SPIKE_RULE.method,
      modelVersion: LOAD_SPIKE_RULE.version,
      ratio: evaluation.ratio,
      acute: evaluation.inputs.acute,
      chronic: evaluation.inputs.chronic,
      parameters: { raiseAbove, clearBelow, minHistoryDays },
    };
    await repos.flags.insert(flag);
    await repos.outbox.write([flagRaised(flag, origin, at)]);
    return true;
  }
  return open !== null;
}
