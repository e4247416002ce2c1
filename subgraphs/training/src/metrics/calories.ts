/**
 * Energy: the device's figure when it reported one (> 0 kcal), otherwise MET × weight (kg) × moving hours,
 * the MET taken from the sport's table (by average moving speed for running, walking and road cycling).
 */
import type { Sport } from '../../../../lib/sports';
import type { MetricsConfig } from './metrics-config';

export interface CaloriesEstimate {
  kcal: number;
  source: 'DEVICE' | 'MET';
}

export function metFor(sport: Sport, averageSpeedMps: number | null, config: MetricsConfig): number {
  const entry = config.metBySport[sport];
  if (!entry.bySpeedKmh || averageSpeedMps === null) return entry.met;
  const kmh = averageSpeedMps * 3.6;
  let met = entry.met;
  for (const band of entry.bySpeedKmh) if (kmh >= band.fromKmh) met = band.met;
  return met;
}

export function computeCalories(
  sport: Sport,
  deviceCalories: number | null | undefined,
  movingSeconds: number | null,
  averageSpeedMps: number | null,
  weightKg: number | null | undefined,
  config: MetricsConfig,
): CaloriesEstimate | null {
  if (typeof deviceCalories === 'number' && Number.isFinite(deviceCalories) && deviceCalories > 0) {
    return { kcal: deviceCalories, source: 'DEVICE' };
  }
  if (movingSeconds === null) return null;
  const weight =
    typeof weightKg === 'number' && Number.isFinite(weightKg) && weightKg > 0
      ? weightKg
      : config.athlete.defaultWeightKg;
  return { kcal: metFor(sport, averageSpeedMps, config) * weight * (movingSeconds / 3600), source: 'MET' };
}
