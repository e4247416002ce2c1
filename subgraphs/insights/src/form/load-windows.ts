/**
 * The parts of a form state read from the recent day loads rather than carried from the day before: the
 * rolling acute:chronic ratios and Foster's monotony and strain. Each takes the loads of the last days
 * ending with the day in question, oldest first, and is null until there are enough of them.
 */
import { FORM_PARAMETERS } from './form-parameters';

const { acuteDays, chronicDays, monotonyDays, windowDays } = FORM_PARAMETERS;

const sum = (loads: readonly number[]) => loads.reduce((total, load) => total + load, 0);
const mean = (loads: readonly number[]) => sum(loads) / loads.length;

/** numerator / denominator, null when the denominator is 0 (or the ratio is not finite). */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  const ratio = numerator / denominator;
  return denominator > 0 && Number.isFinite(ratio) ? ratio : null;
}

/** Mean of the last 7 days / mean of the last 28 (the acute week included); null before 28 days. */
export function rollingCoupledRatio(recentLoads: readonly number[]): number | null {
  if (recentLoads.length < chronicDays) return null;
  return ratioOrNull(mean(recentLoads.slice(-acuteDays)), mean(recentLoads.slice(-chronicDays)));
}

/** Mean of the last 7 days / mean of the 28 days before them (days 8..35 back); null before 35 days. */
export function rollingUncoupledRatio(recentLoads: readonly number[]): number | null {
  if (recentLoads.length < windowDays) return null;
  const chronicWeeks = recentLoads.slice(-windowDays, -acuteDays);
  return ratioOrNull(mean(recentLoads.slice(-acuteDays)), mean(chronicWeeks));
}

export interface MonotonyAndStrain {
  monotony: number | null;
  strain: number | null;
}

/**
 * Foster (1998): monotony = mean / population standard deviation of the last 7 days' loads, strain =
 * their sum × monotony. Null before 7 days, and when the 7 loads are all equal (standard deviation 0).
 */
export function monotonyAndStrain(recentLoads: readonly number[]): MonotonyAndStrain {
  const week = recentLoads.slice(-monotonyDays);
  // Equal loads compared directly: their computed mean may miss them by a rounding error.
  if (week.length < monotonyDays || week.every((load) => load === week[0])) {
    return { monotony: null, strain: null };
  }
  const weekMean = mean(week);
  const variance = mean(week.map((load) => (load - weekMean) ** 2));
  const monotony = ratioOrNull(weekMean, Math.sqrt(variance));
  const strain = monotony === null ? null : sum(week) * monotony;
  // Absurd loads (near the largest double) could overflow the product: no strain rather than Infinity.
  return { monotony, strain: strain !== null && Number.isFinite(strain) ? strain : null };
}
