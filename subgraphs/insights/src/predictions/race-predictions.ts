/**
 * Race-time predictions from an athlete's best running efforts, by Riegel's endurance formula (Riegel 1981,
 * "Athletic records and human endurance", American Scientist): T2 = T1 × (D2 / D1)^1.06.
 *
 * For each target the source is the effort closest to it in distance ratio (|ln(D1 / D2)|; on a tie, the
 * one predicting the faster time): Riegel is an average fit and degrades the further the source distance
 * lies from the target. For the same reason efforts shorter than 1 500 m never predict a half marathon or a
 * marathon. Efforts with a distance or time that is not a positive finite number are left out. Which
 * sports count as running is the caller's decision.
 */

/** Riegel's fatigue exponent as used for running: times grow 6 % faster than distance. */
export const RIEGEL_EXPONENT = 1.06;

export interface RaceTarget {
  name: string;
  distanceMeters: number;
  /** Efforts shorter than this are not used for this target. */
  minSourceMeters: number;
}

export const RACE_TARGETS: readonly RaceTarget[] = [
  { name: '5k', distanceMeters: 5_000, minSourceMeters: 0 },
  { name: '10k', distanceMeters: 10_000, minSourceMeters: 0 },
  { name: 'half_marathon', distanceMeters: 21_097.5, minSourceMeters: 1_500 },
  { name: 'marathon', distanceMeters: 42_195, minSourceMeters: 1_500 },
];

export interface BestEffort {
  distanceMeters: number;
  seconds: number;
  workoutId: string;
  date: string;
}

export interface RacePrediction<E extends BestEffort = BestEffort> {
  targetName: string;
  distanceMeters: number;
  predictedSeconds: number;
  from: E;
}

/** Riegel: the time over `toMeters` of an athlete who covers `fromMeters` in `seconds`. */
export function riegelSeconds(seconds: number, fromMeters: number, toMeters: number): number {
  return seconds * (toMeters / fromMeters) ** RIEGEL_EXPONENT;
}

const isPositive = (value: number) => Number.isFinite(value) && value > 0;

/** One prediction per target that has a usable effort; empty without efforts. */
export function predictRaces<E extends BestEffort>(efforts: readonly E[]): RacePrediction<E>[] {
  const usable = efforts.filter((effort) => isPositive(effort.distanceMeters) && isPositive(effort.seconds));
  const predictions: RacePrediction<E>[] = [];
  for (const target of RACE_TARGETS) {
    let best: { prediction: RacePrediction<E>; distance: number } | null = null;
    for (const effort of usable) {
      if (effort.distanceMeters < target.minSourceMeters) continue;
      const distance = Math.abs(Math.log(effort.distanceMeters / target.distanceMeters));
      const predictedSeconds = riegelSeconds(effort.seconds, effort.distanceMeters, target.distanceMeters);
      if (!Number.isFinite(predictedSeconds)) continue;
      const closer = best === null || distance < best.distance;
      const tiedAndFaster =
        best !== null && distance === best.distance && predictedSeconds < best.prediction.predictedSeconds;
      if (closer || tiedAndFaster) {
        const prediction = {
          targetName: target.name,
          distanceMeters: target.distanceMeters,
          predictedSeconds,
          from: effort,
        };
        best = { prediction, distance };
      }
    }
    if (best) predictions.push(best.prediction);
  }
  return predictions;
}
