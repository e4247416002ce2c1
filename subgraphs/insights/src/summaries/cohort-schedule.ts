/**
 * Cohort benchmarks are recomputed for the last complete week (by UTC) when the subgraph starts and every
 * six hours, and on demand with `npm run insights:cohorts`. A recompute replaces the week's figures, so an
 * athlete who withdrew consent or was deleted no longer counts in them; each recompute draws fresh noise
 * from a random seed (the budget ε is per published release: see the README).
 */
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import type { Logger } from '../../../../lib/logging/logger';
import { localDateOf } from '../../../../lib/time-zone';
import type { InsightsRepos } from '../insights.repos';
import { createSeededRandom, randomSeed } from '../models/seeded-random';
import { lastCompleteWeek, recomputeCohortBenchmarks } from './cohort-benchmarks';

export const COHORT_RECOMPUTE_INTERVAL_MS = 6 * 60 * 60 * 1000;

interface CohortDeps {
  inTransaction: InTransaction<InsightsRepos>;
  clock: Clock;
}

/** Recomputes `week` (default: the last complete one) and says what was published. */
export async function recomputeLastWeek(
  { inTransaction, clock }: CohortDeps,
  week?: string,
): Promise<string> {
  const now = clock.now();
  const monday = week ?? lastCompleteWeek(localDateOf(now, 'UTC'));
  const published = await inTransaction((repos) =>
    recomputeCohortBenchmarks(repos, { week: monday, random: createSeededRandom(randomSeed()), now }),
  );
  return `insights: ${published.length} cohort benchmark(s) published for the week of ${monday}.`;
}

export function startCohortSchedule(deps: CohortDeps & { logger: Logger }) {
  const run = () =>
    recomputeLastWeek(deps).then(
      (message) => deps.logger.info(message),
      (error: unknown) => deps.logger.error({ err: error }, 'recomputing the cohort benchmarks failed'),
    );
  void run();
  const timer = setInterval(() => void run(), COHORT_RECOMPUTE_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
