/** Turns the tallies of validation into flags with a sentence naming what was left out of which metrics. */
import type { FlagTallies } from './flag-tally';
import type { MetricsConfig } from './metrics-config';
import type { TrackFlag, TrackFlagCode } from './workout-metrics';

const FLAG_ORDER: readonly TrackFlagCode[] = [
  'MISSING_TIME',
  'NON_MONOTONIC_TIME',
  'COORDINATES_OUT_OF_RANGE',
  'SPEED_JUMP',
  'HEART_RATE_OUT_OF_RANGE',
  'CADENCE_OUT_OF_RANGE',
  'POWER_OUT_OF_RANGE',
  'ALTITUDE_OUT_OF_RANGE',
  'SPEED_OUT_OF_RANGE',
];

const TIME_METRICS =
  'elapsed and moving time, speeds, heart-rate zones, TRIMP, power, splits and best efforts';

function describe(code: TrackFlagCode, samples: string, config: MetricsConfig, maxSpeedMps: number): string {
  const { heartRate, cadence, power, altitude } = config;
  switch (code) {
    case 'MISSING_TIME':
      return `${samples} without a timestamp: their positions count for distance and elevation, but they are left out of ${TIME_METRICS}.`;
    case 'NON_MONOTONIC_TIME':
      return `${samples} with a timestamp not after the previous one: their times are left out of ${TIME_METRICS}.`;
    case 'COORDINATES_OUT_OF_RANGE':
      return `${samples} with impossible coordinates (outside ±90°/±180° or exactly 0,0): their positions are left out of distance, speeds, splits and best efforts.`;
    case 'SPEED_JUMP':
      return `${samples} implying a jump faster than ${(maxSpeedMps * 3.6).toFixed(0)} km/h from the previous position: their positions are left out of distance, speeds, splits and best efforts.`;
    case 'HEART_RATE_OUT_OF_RANGE':
      return `${samples} with a heart rate outside ${heartRate.range.min}-${heartRate.range.max} bpm: left out of heart-rate average, max, zones, splits and TRIMP.`;
    case 'CADENCE_OUT_OF_RANGE':
      return `${samples} with a cadence outside ${cadence.range.min}-${cadence.range.max} per minute: left out of cadence average and max.`;
    case 'POWER_OUT_OF_RANGE':
      return `${samples} with power outside ${power.range.min}-${power.range.max} W: left out of average, max and normalized power.`;
    case 'ALTITUDE_OUT_OF_RANGE':
      return `${samples} with an altitude outside ${altitude.range.min} to ${altitude.range.max} m: left out of elevation gain, loss, min and max.`;
    case 'SPEED_OUT_OF_RANGE':
      return `${samples} with a sensor speed below 0 or above ${(maxSpeedMps * 3.6).toFixed(0)} km/h: left out of moving time and speeds when the track has no positions.`;
  }
}

export function buildFlags(
  tallies: FlagTallies,
  config: MetricsConfig,
  maxPlausibleSpeedMps: number,
): TrackFlag[] {
  const flags: TrackFlag[] = [];
  for (const code of FLAG_ORDER) {
    const tally = tallies[code];
    if (!tally) continue;
    const samples = tally.count === 1 ? '1 sample' : `${tally.count} samples`;
    flags.push({
      code,
      count: tally.count,
      firstIndex: tally.firstIndex,
      message: describe(code, samples, config, maxPlausibleSpeedMps),
    });
  }
  return flags;
}
