import { SPORTS } from '../../../../lib/sports';
import { aWorkoutFact } from '../gamification.builders';
import { isRewardable, xpFor } from './xp';
import { XP_RULES } from './xp-rules';

describe('xpFor', () => {
  it('weighs distance, moving time and climb for a run', () => {
    // 10 km × 10 + 50 min × 1 + 100 m × 10 per 100 m.
    expect(xpFor(aWorkoutFact())).toEqual({
      points: 160,
      breakdown: { distance: 100, time: 50, elevation: 10 },
      capped: false,
      refusedReason: null,
    });
  });

  it('weighs a kilometre by what it costs in the sport', () => {
    const ride = xpFor(
      aWorkoutFact({ sport: 'RIDE', distanceMeters: 40_000, movingSeconds: 5_400, elevationGainMeters: 400 }),
    );
    expect(ride.breakdown).toEqual({ distance: 100, time: 90, elevation: 20 });
    const swim = xpFor(
      aWorkoutFact({
        sport: 'POOL_SWIM',
        distanceMeters: 2_000,
        movingSeconds: 2_400,
        elevationGainMeters: null,
      }),
    );
    expect(swim.breakdown).toEqual({ distance: 80, time: 40, elevation: 0 });
  });

  it('gives whole points, flooring each figure', () => {
    const award = xpFor(
      aWorkoutFact({ distanceMeters: 2_900, movingSeconds: 1_079, elevationGainMeters: 19 }),
    );
    expect(award.breakdown).toEqual({ distance: 29, time: 17, elevation: 1 });
    expect(award.points).toBe(47);
  });

  it('caps each figure and says so', () => {
    // 100 km in 10 h climbing 4 000 m: plausible, but counted as 60 km, 360 min and 3 000 m.
    const award = xpFor(
      aWorkoutFact({ distanceMeters: 100_000, movingSeconds: 36_000, elevationGainMeters: 4_000 }),
    );
    expect(award).toMatchObject({ points: 600 + 360 + 300, capped: true, refusedReason: null });
    expect(award.breakdown).toEqual({ distance: 600, time: 360, elevation: 300 });
  });

  it('does not report a cap on a figure the sport does not reward', () => {
    const lifts = xpFor(
      aWorkoutFact({
        sport: 'ALPINE_SKI',
        distanceMeters: 40_000,
        movingSeconds: 3 * 3600,
        elevationGainMeters: 5_000,
      }),
    );
    expect(lifts).toEqual({
      points: 90,
      breakdown: { distance: 0, time: 90, elevation: 0 },
      capped: false,
      refusedReason: null,
    });
  });

  it('rewards time only for strength training', () => {
    const award = xpFor(
      aWorkoutFact({
        sport: 'STRENGTH_TRAINING',
        distanceMeters: null,
        movingSeconds: 2_700,
        elevationGainMeters: null,
      }),
    );
    expect(award.points).toBe(45);
  });

  it('gives nothing without figures, and does not call that a refusal', () => {
    const award = xpFor(
      aWorkoutFact({ distanceMeters: null, movingSeconds: null, elevationGainMeters: null }),
    );
    expect(award).toEqual({
      points: 0,
      breakdown: { distance: 0, time: 0, elevation: 0 },
      capped: false,
      refusedReason: null,
    });
  });

  it.each(['SPEED_JUMP', 'COORDINATES_OUT_OF_RANGE', 'NON_MONOTONIC_TIME', 'MISSING_TIME', 'SOMETHING_NEW'])(
    'refuses a track flagged %s',
    (flag) => {
      const award = xpFor(aWorkoutFact({ trackFlags: ['HEART_RATE_OUT_OF_RANGE', flag] }));
      expect(award.points).toBe(0);
      expect(award.breakdown).toEqual({ distance: 0, time: 0, elevation: 0 });
      expect(award.refusedReason).toBe(
        `FLAGGED_TRACK: the track is flagged ${flag}; flagged tracks earn no XP.`,
      );
    },
  );

  it('still rewards a track whose only flags concern heart rate, cadence or power', () => {
    const award = xpFor(
      aWorkoutFact({ trackFlags: ['HEART_RATE_OUT_OF_RANGE', 'CADENCE_OUT_OF_RANGE', 'POWER_OUT_OF_RANGE'] }),
    );
    expect(award.points).toBe(160);
  });

  it('refuses a run faster on average than a run can be', () => {
    // 30 km in 30 minutes is 60 km/h; RUN is plausible up to 45 km/h.
    const award = xpFor(aWorkoutFact({ distanceMeters: 30_000, movingSeconds: 1_800 }));
    expect(award.points).toBe(0);
    expect(award.refusedReason).toBe(
      'IMPLAUSIBLE_SPEED: 30.00 km in an average of 60.0 km/h is faster than the 45.0 km/h plausible for RUN.',
    );
  });

  it('accepts the same speed on a bike', () => {
    expect(
      xpFor(aWorkoutFact({ sport: 'RIDE', distanceMeters: 30_000, movingSeconds: 1_800 })).refusedReason,
    ).toBeNull();
  });

  it('refuses a distance covered in no time', () => {
    expect(xpFor(aWorkoutFact({ movingSeconds: 0 })).refusedReason).toMatch(
      /^IMPLAUSIBLE_SPEED: 10.00 km in no moving time/,
    );
  });

  it('refuses a climb faster than 3 000 m per hour', () => {
    const award = xpFor(
      aWorkoutFact({ distanceMeters: 5_000, movingSeconds: 1_800, elevationGainMeters: 2_000 }),
    );
    expect(award.refusedReason).toBe(
      'IMPLAUSIBLE_CLIMB: 2000 m climbed in 1800 s is more than 3000 m per hour.',
    );
  });

  it('refuses figures that are negative or not numbers', () => {
    expect(xpFor(aWorkoutFact({ distanceMeters: -5 })).refusedReason).toBe(
      'INVALID_FIGURES: distanceMeters is -5; figures must be finite and not negative.',
    );
    expect(xpFor(aWorkoutFact({ movingSeconds: Number.NaN })).points).toBe(0);
  });
});

describe('isRewardable', () => {
  it('is true exactly when xpFor does not refuse', () => {
    expect(isRewardable(aWorkoutFact())).toBe(true);
    expect(isRewardable(aWorkoutFact({ trackFlags: ['SPEED_JUMP'] }))).toBe(false);
  });
});

describe('XP_RULES', () => {
  it('has a rule for every sport, with non-negative weights and caps', () => {
    for (const sport of SPORTS) {
      const rule = XP_RULES[sport];
      expect(rule).toBeDefined();
      for (const value of Object.values(rule)) expect(value).toBeGreaterThanOrEqual(0);
      expect(rule.perMovingMinute).toBeGreaterThan(0);
    }
  });
});
