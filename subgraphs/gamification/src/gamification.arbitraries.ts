/**
 * fast-check arbitraries of workout facts for the rules' property tests: the figures a workout may carry
 * when training accepts it (up to 1 000 km, 7 days, 20 000 m climbed, from 1970 to a day ahead), and
 * anything the event contract lets through (any finite non-negative figure, up to the year 9999).
 */
import fc from 'fast-check';
import { SPORTS } from '../../../lib/sports';
import type { WorkoutFact } from './workout-facts/workout-fact';

const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z, the last instant ISO 8601 (and so the event contract) can write. */
const LAST_ISO_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Spread evenly over [min, max] (`fc.double` spreads over the representable doubles: mostly tiny ones). */
const evenly = (min: number, max: number) =>
  fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((step) => min + ((max - min) * step) / 1_000_000);
const orNull = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 6 });

export const TIME_ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Kiritimati'];
export const anyTimeZone = fc.constantFrom(...TIME_ZONES);

/** An instant training accepts: from 1970 to a day ahead of now. */
export const workoutInstant = fc.integer({ min: 0, max: Date.now() + DAY_MS });

const FLAGS = [
  'SPEED_JUMP',
  'MISSING_TIME',
  'HEART_RATE_OUT_OF_RANGE',
  'POWER_OUT_OF_RANGE',
  'SOMETHING_NEW',
];

const fact = (figures: {
  startedAt: fc.Arbitrary<number>;
  distanceMeters: fc.Arbitrary<number>;
  movingSeconds: fc.Arbitrary<number>;
  elevationGainMeters: fc.Arbitrary<number>;
}): fc.Arbitrary<WorkoutFact> =>
  fc.record({
    workoutId: fc.integer({ min: 1, max: 999_999 }).map((n) => `workout-${String(n).padStart(6, '0')}`),
    userId: fc.constant('athlete-1'),
    sport: fc.constantFrom(...SPORTS),
    startedAt: figures.startedAt,
    distanceMeters: orNull(figures.distanceMeters),
    movingSeconds: orNull(figures.movingSeconds),
    elevationGainMeters: orNull(figures.elevationGainMeters),
    gearIds: fc.subarray(['gear-1', 'gear-2', 'gear-3']),
    // Mostly clean tracks, so that most facts are rewarded and reach every rule.
    trackFlags: fc.oneof(
      { arbitrary: fc.constant<string[]>([]), weight: 4 },
      { arbitrary: fc.subarray(FLAGS), weight: 1 },
    ),
    // The rules (XP, levels, streaks, achievements) count every workout, whoever may see it.
    visibility: fc.constantFrom('PUBLIC', 'FOLLOWERS', 'PRIVATE'),
  });

/** A finished workout as training accepts it (workout-input.ts, lib/workout-time-window.ts). */
export const workoutFact = fact({
  startedAt: workoutInstant,
  distanceMeters: evenly(0, 1_000_000),
  movingSeconds: fc.integer({ min: 0, max: 7 * 24 * 3600 }),
  elevationGainMeters: evenly(0, 20_000),
});

const anyMetres = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true });

/** A fact whose figures only the event contract checked: finite, not negative, whole seconds. */
export const contractFact = fact({
  startedAt: fc.integer({ min: 0, max: LAST_ISO_MS }),
  distanceMeters: anyMetres,
  movingSeconds: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  elevationGainMeters: anyMetres,
});

export const workoutFacts = fc.array(workoutFact, { maxLength: 60 });
export const contractFacts = fc.array(contractFact, { maxLength: 20 });
