import fc from 'fast-check';
import { workoutLoad, type WorkoutLoadInput } from './workout-load';

const aWorkout = (overrides: Partial<WorkoutLoadInput> = {}): WorkoutLoadInput => ({
  sport: 'RUN',
  movingSeconds: 3000,
  elapsedSeconds: 3300,
  distanceMeters: 10_000,
  trimp: null,
  sessionRpe: null,
  ...overrides,
});

/** Mean Banister weighting: (0.64·e^(1.92x) + 0.86·e^(1.67x)) / 2. */
const weighting = (x: number) => (0.64 * Math.exp(1.92 * x) + 0.86 * Math.exp(1.67 * x)) / 2;

describe('workoutLoad', () => {
  it('takes the TRIMP as it is when there is one', () => {
    expect(workoutLoad(aWorkout({ trimp: 123.4, sessionRpe: 8 }))).toEqual({
      load: 123.4,
      method: 'HEART_RATE',
    });
    expect(workoutLoad(aWorkout({ trimp: 0 }))).toEqual({ load: 0, method: 'HEART_RATE' });
  });

  it('falls back to the session RPE: 60 min at RPE 6 → 60 × 0.6 × 2.18385 = 78.62 AU', () => {
    const load = workoutLoad(aWorkout({ sport: 'STRENGTH_TRAINING', movingSeconds: 3600, sessionRpe: 6 }));
    expect(load.method).toBe('SESSION_RPE');
    expect(load.load).toBeCloseTo(78.62, 2);
  });

  it('falls back to the pace: 10 km in 50 min → HRr 0.714 → 50 × 0.714 × w(0.714) = 95.66 AU', () => {
    const load = workoutLoad(aWorkout());
    expect(load.method).toBe('PACE');
    expect(load.load).toBeCloseTo(50 * (0.6 / 0.84) * weighting(0.6 / 0.84), 9);
    expect(load.load).toBeCloseTo(95.66, 2);
  });

  it('falls back to the duration: 60 min of yoga → 60 × 0.3 × w(0.3) = 23.02 AU', () => {
    const load = workoutLoad(aWorkout({ sport: 'YOGA', movingSeconds: 3600, distanceMeters: null }));
    expect(load).toEqual({ load: expect.closeTo(23.02, 2), method: 'DURATION' });
  });

  it('uses the duration for a sport with a speed but no distance, and for an unknown sport', () => {
    expect(workoutLoad(aWorkout({ distanceMeters: null })).method).toBe('DURATION');
    expect(workoutLoad(aWorkout({ distanceMeters: 0 })).method).toBe('DURATION');
    expect(workoutLoad(aWorkout({ sport: 'CURLING' })).method).toBe('DURATION');
  });

  it('reads the elapsed time when the moving time is unknown', () => {
    const moving = workoutLoad(aWorkout({ movingSeconds: 3300, sessionRpe: 5 }));
    expect(workoutLoad(aWorkout({ movingSeconds: null, sessionRpe: 5 }))).toEqual(moving);
  });

  it('is 0 without a duration, with the method the workout would have had', () => {
    const timeless = { movingSeconds: null, elapsedSeconds: null };
    expect(workoutLoad(aWorkout({ ...timeless, sessionRpe: 7 }))).toEqual({ load: 0, method: 'SESSION_RPE' });
    expect(workoutLoad(aWorkout(timeless))).toEqual({ load: 0, method: 'DURATION' });
    expect(workoutLoad(aWorkout({ ...timeless, trimp: 40 }))).toEqual({ load: 40, method: 'HEART_RATE' });
  });

  it('treats values that are not finite or are negative as missing', () => {
    const broken = { trimp: Number.NaN, sessionRpe: -1, distanceMeters: Number.POSITIVE_INFINITY };
    expect(
      workoutLoad(aWorkout({ ...broken, sport: 'YOGA', movingSeconds: -5, elapsedSeconds: 3600 })),
    ).toEqual(workoutLoad(aWorkout({ sport: 'YOGA', movingSeconds: 3600, distanceMeters: null })));
  });

  it('gives a finite load ≥ 0 for any input', () => {
    const number = fc.option(fc.double(), { nil: null });
    const input = fc.record({
      sport: fc.oneof(fc.constantFrom('RUN', 'YOGA', 'POOL_SWIM', 'RIDE', 'OTHER'), fc.string()),
      movingSeconds: number,
      elapsedSeconds: number,
      distanceMeters: number,
      trimp: number,
      sessionRpe: number,
    });
    fc.assert(
      fc.property(input, (workout) => {
        const { load } = workoutLoad(workout);
        expect(Number.isFinite(load) && load >= 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
