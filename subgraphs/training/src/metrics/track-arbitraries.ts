/**
 * fast-check arbitraries of tracks and athletes for the engine's property tests. Samples are stored as
 * clients send them, so besides plausible readings they carry any finite number, gaps (null), duplicate
 * and out-of-order times, fractional milliseconds, long gaps and positions anywhere on (or off) the globe.
 */
import fc from 'fast-check';
import { SPORTS, type Sport } from '../../../../lib/sports';
import { loop, type Scatter, type ScatteredScenario, type Stretch } from './scattered-tracks';
import { BASE_LATITUDE, MERIDIAN_LONGITUDE, METERS_PER_DEGREE, START_MS } from './synthetic-tracks';
import type { AthleteProfile, PauseInterval, Track, TrackSample } from './track';
import { MAX_TIME_MS } from './validate-track';

/** Any finite double: ±MAX_VALUE, subnormals and -0 included. */
export const anyFiniteNumber = fc.double({ noNaN: true, noDefaultInfinity: true });

export const anySport: fc.Arbitrary<Sport> = fc.constantFrom(...SPORTS);

const within = (min: number, max: number) => fc.double({ min, max, noNaN: true });
/** Spread evenly over [min, max] (`fc.double` spreads over the representable doubles: mostly tiny ones). */
const evenly = (min: number, max: number) =>
  fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((step) => min + ((max - min) * step) / 1_000_000);
/** null once in `freq` times. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, freq = 5) => fc.option(arbitrary, { nil: null, freq });
const weighted = <T>(...choices: [fc.Arbitrary<T>, number][]) =>
  fc.oneof(...choices.map(([arbitrary, weight]) => ({ arbitrary, weight })));

/** Mostly a plausible value, sometimes one at or just beyond the range's ends, any number, or null. */
const reading = (min: number, max: number, margin: number) =>
  sometimes(weighted([evenly(min, max), 12], [within(min - margin, max + margin), 2], [anyFiniteNumber, 1]));

/** Milliseconds to the next sample: mostly 1 Hz, also 0 (duplicate), backwards, long gaps, fractions. */
const timeStep = weighted(
  [fc.constant(1000), 12],
  [fc.integer({ min: 0, max: 5000 }), 3],
  [fc.integer({ min: -10_000, max: 0 }), 1],
  [fc.integer({ min: 100_000, max: 900_000 }), 1],
  [within(0, 2), 1],
);

/** Metres moved to the next sample: mostly a stride (`min` to `max`), sometimes standing, sometimes far. */
const stride = (min: number, max: number) =>
  weighted([evenly(min, max), 8], [fc.constant(0), 1], [within(-2000, 2000), 1]);

/** A position every device would reject: (0, 0), a latitude beyond a pole or a longitude beyond ±180°. */
const impossiblePosition = fc.oneof(
  fc.constantFrom<[number, number]>([0, 0], [-0, 0], [90.000_001, 6], [45, -180.000_001]),
  fc.tuple(
    anyFiniteNumber.filter((latitude) => Math.abs(latitude) > 90),
    anyFiniteNumber,
  ),
);

/** Where the walk starts: mostly the Alps, sometimes at a pole, on the date line, the equator or anywhere. */
const origin = weighted<[number, number]>(
  [fc.constant([BASE_LATITUDE, MERIDIAN_LONGITUDE]), 6],
  [fc.constantFrom<[number, number]>([90, 0], [-90, 0], [0, 180], [0, -180], [0, 0], [89.999, 179.999]), 1],
  [fc.tuple(within(-90, 90), within(-180, 180)), 1],
);

const walkStep = fc.record({
  timeStep,
  timed: weighted([fc.constant(true), 12], [fc.constant(false), 1]),
  positioned: weighted([fc.constant(true), 6], [fc.constant(false), 1]),
  north: stride(0, 12),
  east: stride(-4, 4),
  impossible: weighted([fc.constant(null), 40], [impossiblePosition, 1]),
  // The plausible ranges of validate-track (METRICS_CONFIG); speed's is the sport's (2.8 to 55 m/s).
  altitude: reading(-500, 9000, 100),
  heartRate: reading(25, 250, 30),
  cadence: reading(0, 300, 20),
  power: reading(0, 3000, 100),
  speed: reading(0, 20, 30),
  temperature: reading(-40, 50, 20),
});
type WalkStep = typeof walkStep extends fc.Arbitrary<infer T> ? T : never;

const METERS_PER_DEGREE_EAST = METERS_PER_DEGREE * Math.cos((BASE_LATITUDE * Math.PI) / 180);

/** A walk's samples from `startMs` and `origin`; `scale` stretches steps in time and space alike. */
function walkSamples(
  startMs: number,
  [latitude0, longitude0]: [number, number],
  scale: number,
  steps: readonly WalkStep[],
) {
  let clock = startMs;
  let north = 0;
  let east = 0;
  return steps.map(({ timeStep, timed, positioned, impossible, ...channels }, index): TrackSample => {
    if (index > 0) {
      clock += timeStep * scale;
      north += channels.north * scale;
      east += channels.east * scale;
    }
    const [latitude, longitude] = impossible ?? [
      latitude0 + north / METERS_PER_DEGREE,
      longitude0 + east / METERS_PER_DEGREE_EAST,
    ];
    return {
      time: timed ? clock : null,
      latitude: positioned ? latitude : null,
      longitude: positioned ? longitude : null,
      altitude: channels.altitude,
      heartRate: channels.heartRate,
      cadence: channels.cadence,
      power: channels.power,
      speed: channels.speed,
      temperature: channels.temperature,
    };
  });
}

/** Any instant a stored `recordedAt` (a Date) can hold. */
const anyDateMs = fc.integer({ min: -MAX_TIME_MS, max: MAX_TIME_MS });

const pausesAround = (startMs: number): fc.Arbitrary<PauseInterval[]> =>
  fc.array(
    fc.oneof(
      fc
        .tuple(fc.integer({ min: -60_000, max: 900_000 }), fc.integer({ min: -1000, max: 300_000 }))
        .map(([offset, length]) => ({ from: startMs + offset, to: startMs + offset + length })),
      fc.record({ from: anyFiniteNumber, to: anyFiniteNumber }),
    ),
    { maxLength: 3 },
  );

/**
 * A walk around a base point from `startMs`: the tracks devices record, with every kind of defect now and
 * then. Sparser samples (every 4 or 10 s) cover kilometres, so splits and best efforts are exercised too.
 */
export const walkTrackFrom = (startMs: number): fc.Arbitrary<Track> =>
  fc
    .record({
      origin,
      scale: fc.constantFrom(1, 1, 4, 10),
      steps: fc.oneof(
        fc.array(walkStep, { maxLength: 12 }),
        fc.array(walkStep, { minLength: 30, maxLength: 150 }),
      ),
      pauses: pausesAround(startMs),
      segmentStarts: fc.option(fc.array(fc.integer({ min: -1, max: 151 }), { maxLength: 4 }), {
        nil: undefined,
      }),
      barometricAltitude: fc.option(fc.boolean(), { nil: undefined }),
      deviceCalories: reading(0, 20_000, 10),
      startedAt: sometimes(fc.integer({ min: startMs - 60_000, max: startMs + 60_000 }), 2),
      duration: fc.integer({ min: -1000, max: 1_000_000 }),
    })
    .map(({ origin, scale, steps, startedAt, duration, ...track }) => ({
      ...track,
      samples: walkSamples(startMs, origin, scale, steps),
      startedAt,
      finishedAt: startedAt === null ? null : startedAt + duration,
    }));

/** A walk from 2025, from the epoch (which keeps fractional milliseconds a later date rounds away) or any date. */
export const walkTrack: fc.Arbitrary<Track> = weighted(
  [fc.constant(START_MS), 4],
  [fc.constant(0), 1],
  [anyDateMs, 1],
).chain(walkTrackFrom);

/** A sample of any finite numbers and gaps. */
export const anySample: fc.Arbitrary<TrackSample> = fc.record({
  time: sometimes(anyFiniteNumber, 4),
  latitude: sometimes(anyFiniteNumber, 4),
  longitude: sometimes(anyFiniteNumber, 4),
  altitude: sometimes(anyFiniteNumber, 4),
  heartRate: sometimes(anyFiniteNumber, 4),
  cadence: sometimes(anyFiniteNumber, 4),
  power: sometimes(anyFiniteNumber, 4),
  speed: sometimes(anyFiniteNumber, 4),
  temperature: sometimes(anyFiniteNumber, 4),
});

/** A short track of any finite numbers at all, recording bounds and pauses included. */
export const rawTrack: fc.Arbitrary<Track> = fc.record({
  samples: fc.array(anySample, { maxLength: 8 }),
  pauses: fc.array(fc.record({ from: anyFiniteNumber, to: anyFiniteNumber }), { maxLength: 2 }),
  segmentStarts: fc.option(fc.array(fc.integer({ min: -1, max: 9 }), { maxLength: 3 }), { nil: undefined }),
  barometricAltitude: fc.option(fc.boolean(), { nil: undefined }),
  deviceCalories: sometimes(anyFiniteNumber, 2),
  startedAt: sometimes(anyFiniteNumber, 2),
  finishedAt: sometimes(anyFiniteNumber, 2),
});

/** A training profile as `checkedProfile` accepts it (training-profile.ts); every value may be unknown. */
export const profileAthlete: fc.Arbitrary<AthleteProfile> = fc.record({
  maxHeartRate: sometimes(fc.integer({ min: 100, max: 250 }), 3),
  restingHeartRate: sometimes(fc.integer({ min: 25, max: 120 }), 3),
  weightKg: sometimes(within(20, 350), 3),
  birthYear: sometimes(fc.integer({ min: 1900, max: new Date().getUTCFullYear() }), 3),
  sex: fc.constantFrom('FEMALE' as const, 'MALE' as const, null),
});

/** The sports the stop bounds are checked for, each at the speeds it is done at (m/s). */
const SPEEDS_BY_SPORT: readonly [Sport, number, number][] = [
  ['RUN', 2.2, 4.5],
  ['RIDE', 4, 10],
  ['WALK', 1, 1.5],
  ['HIKE', 0.6, 1.2],
];

/** Scatter of a standing phone, at most ±3 m: square, disc or Gaussian (clipped). */
const standingScatter: fc.Arbitrary<Scatter> = evenly(0.5, 3).chain((meters) =>
  fc.constantFrom<Scatter>(
    { kind: 'SQUARE', meters },
    { kind: 'DISC', meters },
    { kind: 'GAUSSIAN', sigma: meters / 2, clip: meters },
  ),
);

/**
 * A loop (12 to 40 corners, one lap) done at a constant speed with 1 to 3 stops of 20 s to 5 min between
 * stretches of 4 to 15 min, sometimes standing at the start or the end too; a fix every 1 to 5 s (sometimes
 * irregular) that scatters while standing, with altitude scatter of ±3 m then.
 */
export const scatteredStops: fc.Arbitrary<{ sport: Sport; scenario: ScatteredScenario }> = fc
  .record({
    sportAndSpeed: fc
      .constantFrom(...SPEEDS_BY_SPORT)
      .chain(([sport, slowest, fastest]) =>
        evenly(slowest, fastest).map((speedMps) => ({ sport, speedMps })),
      ),
    stops: fc.array(fc.oneof(fc.constantFrom(20, 120, 300), fc.integer({ min: 20, max: 300 })), {
      minLength: 1,
      maxLength: 3,
    }),
    moving: fc.array(fc.integer({ min: 240, max: 900 }), { minLength: 4, maxLength: 4 }),
    standingAtStart: fc.option(fc.integer({ min: 30, max: 90 }), { nil: undefined, freq: 4 }),
    standingAtEnd: fc.option(fc.integer({ min: 30, max: 90 }), { nil: undefined, freq: 4 }),
    corners: fc.integer({ min: 12, max: 40 }),
    intervalSeconds: fc.integer({ min: 1, max: 5 }),
    jitter: fc.oneof(fc.constant(0), evenly(0, 0.3)),
    scatter: standingScatter,
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map(
    ({
      sportAndSpeed: { sport, speedMps },
      stops,
      moving,
      corners,
      standingAtStart,
      standingAtEnd,
      ...rest
    }) => {
      const stretches: Stretch[] = [];
      if (standingAtStart) stretches.push({ seconds: standingAtStart, speedMps: 0 });
      stops.forEach((seconds, k) =>
        stretches.push({ seconds: moving[k]!, speedMps }, { seconds, speedMps: 0 }),
      );
      stretches.push({ seconds: moving[stops.length]!, speedMps });
      if (standingAtEnd) stretches.push({ seconds: standingAtEnd, speedMps: 0 });
      const meters = stretches.reduce((sum, stretch) => sum + stretch.seconds * stretch.speedMps, 0);
      const scenario: ScatteredScenario = {
        ...rest,
        path: loop(meters + 1, corners),
        stretches,
        altitude: (along) => 300 + 10 * Math.sin(along / 300),
        altitudeScatterMeters: 3,
      };
      return { sport, scenario };
    },
  );
