/**
 * How well a risk score ranks and how honest its probabilities are, on days held back from training:
 * AUC (discrimination), Brier score and expected calibration error (calibration), and the athlete-level
 * split that keeps all of an athlete's days on one side, so that a model is never scored on the athlete it
 * learned from (days of one athlete are strongly correlated).
 */
import { createHash } from 'node:crypto';

/**
 * Area under the ROC curve by the Mann–Whitney U statistic: the probability that a random positive scores
 * above a random negative, ties counting one half (tied scores share their average rank).
 * (R₊ − n₊(n₊ + 1)/2) / (n₊·n₋), R₊ the sum of the positives' ranks. NaN without positives or negatives.
 */
export function auc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  if (scores.length !== labels.length) throw new RangeError('auc needs one label per score');
  const order = scores.map((_, index) => index).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]!] === 1) {
        positives += 1;
        positiveRankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface CalibrationBin {
  /** The bin covers predicted probabilities in [lower, upper) (the last bin includes 1). */
  lower: number;
  upper: number;
  meanPredicted: number;
  observedRate: number;
  count: number;
}

export interface Calibration {
  /** Mean of (p − y)²: 0 is perfect, 0.25 is a constant 0.5. */
  brier: number;
  /** Σ over bins of (count / N)·|meanPredicted − observedRate|. */
  expectedCalibrationError: number;
  /** The non-empty bins, in increasing order. */
  bins: CalibrationBin[];
}

/** Brier score and expected calibration error over `bins` equal-width bins of [0, 1]. */
export function calibration(scores: readonly number[], labels: readonly (0 | 1)[], bins = 10): Calibration {
  if (scores.length !== labels.length) throw new RangeError('calibration needs one label per score');
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError('bins must be a positive integer');
  const sums = Array.from({ length: bins }, () => ({ predicted: 0, observed: 0, count: 0 }));
  let squaredError = 0;
  scores.forEach((score, index) => {
    const label = labels[index]!;
    squaredError += (score - label) ** 2;
    const bin = sums[Math.min(bins - 1, Math.max(0, Math.floor(score * bins)))]!;
    bin.predicted += score;
    bin.observed += label;
    bin.count += 1;
  });
  const filled = sums
    .map((sum, index) => ({ ...sum, index }))
    .filter((sum) => sum.count > 0)
    .map(({ predicted, observed, count, index }) => ({
      lower: index / bins,
      upper: (index + 1) / bins,
      meanPredicted: predicted / count,
      observedRate: observed / count,
      count,
    }));
  const total = scores.length;
  return {
    brier: total > 0 ? squaredError / total : Number.NaN,
    expectedCalibrationError: filled.reduce(
      (error, bin) => error + (bin.count / total) * Math.abs(bin.meanPredicted - bin.observedRate),
      0,
    ),
    bins: filled,
  };
}

/** Salt of the split hash: changing it reshuffles which athletes are held back. */
export const SPLIT_SALT = 'pulse-insights-split-v1';

/**
 * Which side of the held-back split an athlete is on: the first 32 bits of SHA-256(salt + ':' + athleteId),
 * read as a fraction of 2³², below `heldOutFraction` means held out. Deterministic, so every run and every
 * model is scored on the same athletes, and independent of the data.
 */
export function splitByAthlete(athleteId: string, heldOutFraction = 0.3): 'TRAIN' | 'HELD_OUT' {
  if (!(heldOutFraction >= 0 && heldOutFraction <= 1))
    throw new RangeError('heldOutFraction must be in [0, 1]');
  const digest = createHash('sha256').update(`${SPLIT_SALT}:${athleteId}`, 'utf8').digest();
  return digest.readUInt32BE(0) / 2 ** 32 < heldOutFraction ? 'HELD_OUT' : 'TRAIN';
}
