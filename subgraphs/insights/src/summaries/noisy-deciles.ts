/**
 * Quantiles from a histogram over fixed bins (they depend only on the sport's cap, never on the data, so
 * the bins reveal nothing), and an athlete's percentile among those quantiles. The bins grow geometrically:
 * weekly distances spread over two orders of magnitude, and with equal bins most of them would be empty
 * ones whose noise (cohort-figures.ts) swamps a cohort of 20 (a simulation of log-normal weeks, median
 * 25 km, 20 athletes, ε = 1: median off by about 100 km with 50 equal bins, about 12 km with these).
 */

/** How many bins: the first from 0 to cap/300, then 15 whose edges grow by 300^(1/15) ≈ 1.46 up to the cap. */
export const HISTOGRAM_BINS = 16;
/** The first bin's upper edge as a share of the cap (1 km on foot, 5 km on a bike, 333 m in water). */
export const FIRST_EDGE_SHARE = 1 / 300;

/** The HISTOGRAM_BINS + 1 bin edges from 0 to `cap`, increasing. */
export function histogramEdges(cap: number): number[] {
  const first = cap * FIRST_EDGE_SHARE;
  const ratio = (1 / FIRST_EDGE_SHARE) ** (1 / (HISTOGRAM_BINS - 1));
  const edges = [0, ...Array.from({ length: HISTOGRAM_BINS }, (_, index) => first * ratio ** index)];
  edges[HISTOGRAM_BINS] = cap; // exactly, whatever the rounding of the powers
  return edges;
}

/** How many of `values` (already clipped to [0, cap]) fall in each bin [edge k, edge k+1); the cap in the last. */
export function binCounts(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const value of values) {
    let bin = 0;
    while (bin < counts.length - 1 && value >= edges[bin + 1]!) bin++;
    counts[bin]!++;
  }
  return counts;
}

/**
 * The 0 %, 10 %, …, 100 % quantiles of a histogram (counts ≥ 0, not necessarily whole), reading its
 * cumulative distribution linearly inside each bin: 0 % is the lower edge of the first non-empty bin, 100 %
 * the upper edge of the last. Non-decreasing by construction. All zeros for an empty histogram.
 */
export function decilesOf(counts: readonly number[], edges: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (!(total > 0)) return new Array<number>(11).fill(0);
  const lastFilled = counts.reduce((last, count, bin) => (count > 0 ? bin : last), 0);
  return Array.from({ length: 11 }, (_, tenth) => {
    const target = (tenth / 10) * total;
    let below = 0;
    for (let bin = 0; bin < counts.length; bin++) {
      const count = counts[bin]!;
      if (count > 0 && below + count >= target) {
        const share = (target - below) / count;
        // The upper edge exactly when the bin is used up (no rounding just below it).
        return share >= 1
          ? edges[bin + 1]!
          : edges[bin]! + Math.max(0, share) * (edges[bin + 1]! - edges[bin]!);
      }
      below += count;
    }
    return edges[lastFilled + 1]!; // only when rounding left `below` a hair short of the total
  });
}

/**
 * Where `value` falls among the 11 deciles, 0 to 100: interpolated linearly between the two deciles around
 * it, 0 below the first and 100 above the last. A value equal to several deciles (a plateau from decile i
 * to decile j) gets the middle, 10·(i + j)/2, so that the result never decreases as the value grows.
 */
export function percentileAmong(value: number, deciles: readonly number[]): number {
  const last = deciles.length - 1;
  const first = deciles.findIndex((decile) => decile >= value);
  if (first === -1) return 100;
  if (deciles[first] === value) {
    let end = first;
    while (end < last && deciles[end + 1] === value) end++;
    return (100 / last) * ((first + end) / 2);
  }
  if (first === 0) return 0;
  const [lower, upper] = [deciles[first - 1]!, deciles[first]!];
  return (100 / last) * (first - 1 + (value - lower) / (upper - lower));
}
