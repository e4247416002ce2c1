/**
 * A cohort's published figures with ε-differential privacy (Laplace mechanism; Dwork & Roth 2014, §3.3),
 * where neighbouring cohorts differ in ONE athlete's weekly distance and have the same size n. n itself
 * is not protected: it decides publication (n ≥ 20, so publication says "at least 20") and is shown rounded
 * down to a multiple of 10. Each distance is first clipped to [0, cap] (cohort-rules.ts).
 *
 * The budget ε is split by sequential composition, ε = ε_mean + ε_hist, half each:
 * - mean = Σ clipped / n + Laplace(cap / (n·ε_mean)): one athlete moves the clipped sum by at most cap;
 * - histogram over the fixed bins of noisy-deciles.ts, each count + Laplace(2 / ε_hist): one athlete's
 *   changed week leaves one bin and enters another, an L1 change of 2; negative counts become 0.
 * Everything after the noise is post-processing and costs no budget: the mean clamped to [0, cap], the
 * deciles read off the noisy histogram, both rounded to whole metres (far finer than the noise).
 */
import type { SeededRandom } from '../models/seeded-random';
import { binCounts, decilesOf, histogramEdges } from './noisy-deciles';

/** The share of ε spent on the mean; the rest goes to the histogram. */
export const MEAN_BUDGET_SHARE = 0.5;
/** L1 sensitivity of the histogram when one athlete's distance changes. */
export const HISTOGRAM_SENSITIVITY = 2;

export type LaplaceNoise = Pick<SeededRandom, 'laplace'>;

export interface CohortFigures {
  /** The true number of athletes. */
  athletes: number;
  /** Noisy mean weekly distance, metres. */
  meanDistance: number;
  /** Noisy deciles (11 values), metres. */
  deciles: number[];
}

/** The noisy figures of a cohort's weekly distances; noise is drawn mean first, then bin by bin. */
export function noisyCohortFigures(
  distances: readonly number[],
  cap: number,
  epsilon: number,
  random: LaplaceNoise,
): CohortFigures {
  if (distances.length === 0) throw new RangeError('A cohort needs at least one athlete');
  if (!(epsilon > 0 && Number.isFinite(epsilon))) throw new RangeError(`epsilon must be > 0, got ${epsilon}`);
  // Sorted so that the sum is the same whatever order the rows came in.
  const clipped = distances
    .map((distance) => (Number.isFinite(distance) ? clip(distance, cap) : 0))
    .sort((a, b) => a - b);
  const athletes = clipped.length;
  const meanEpsilon = epsilon * MEAN_BUDGET_SHARE;
  const histogramEpsilon = epsilon - meanEpsilon;

  const trueMean = clipped.reduce((sum, distance) => sum + distance, 0) / athletes;
  const meanDistance = clip(trueMean + random.laplace(cap / (athletes * meanEpsilon)), cap);

  const edges = histogramEdges(cap);
  const noisyCounts = binCounts(clipped, edges).map((count) =>
    Math.max(0, count + random.laplace(HISTOGRAM_SENSITIVITY / histogramEpsilon)),
  );
  return {
    athletes,
    meanDistance: Math.round(meanDistance),
    deciles: decilesOf(noisyCounts, edges).map(Math.round),
  };
}

const clip = (value: number, cap: number) => Math.min(cap, Math.max(0, value));
