import { ACHIEVEMENTS } from './achievement-catalogue';
import { evaluateAchievements, type AchievementStatus } from './achievements';
import { aWorkoutFact, at, dailyWorkouts } from '../gamification.builders';
import type { WorkoutFact } from '../workout-facts/workout-fact';

const statusOf = (code: string, facts: readonly WorkoutFact[], timeZone = 'UTC'): AchievementStatus => {
  const status = evaluateAchievements(facts, timeZone).find((candidate) => candidate.code === code);
  if (!status) throw new Error(`No achievement ${code}`);
  return status;
};

describe('ACHIEVEMENTS', () => {
  it('holds at least 20 achievements with unique codes, titles and descriptions', () => {
    expect(ACHIEVEMENTS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ACHIEVEMENTS.map((achievement) => achievement.code)).size).toBe(ACHIEVEMENTS.length);
    for (const achievement of ACHIEVEMENTS) {
      expect(achievement.title).not.toBe('');
      expect(achievement.description).toMatch(/\.$/);
      expect(achievement.rule.target).toBeGreaterThan(0);
    }
  });

  it('includes the achievements the product asks for', () => {
    const codes = ACHIEVEMENTS.map((achievement) => achievement.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'FIRST_WORKOUT',
        'FIRST_5K_RUN',
        'FIRST_10K_RUN',
        'FIRST_HALF_MARATHON',
        'FIRST_MARATHON',
        'MONTH_100_KM',
        'CLIMB_1000_M',
        'STREAK_7_DAYS',
        'STREAK_30_DAYS',
        'EARLY_BIRD',
        'NIGHT_OWL',
        'GEAR_LOYALTY_10',
      ]),
    );
  });
});

describe('evaluateAchievements', () => {
  it('reports every achievement locked with zero progress for a new athlete', () => {
    const statuses = evaluateAchievements([], 'UTC');
    expect(statuses.map((status) => status.code)).toEqual(
      ACHIEVEMENTS.map((achievement) => achievement.code),
    );
    expect(statuses.every((status) => !status.unlocked && status.progress.current === 0)).toBe(true);
    expect(statuses.find((status) => status.code === 'STREAK_7_DAYS')).toEqual({
      code: 'STREAK_7_DAYS',
      unlocked: false,
      unlockedByWorkoutId: null,
      unlockedAt: null,
      progress: { current: 0, target: 7, unit: 'days' },
    });
  });

  it('credits the first workout to the oldest one, whatever the order given', () => {
    const older = aWorkoutFact({ startedAt: at('2026-03-01T08:00:00Z') });
    const newer = aWorkoutFact({ startedAt: at('2026-03-02T08:00:00Z') });
    expect(statusOf('FIRST_WORKOUT', [newer, older])).toMatchObject({
      unlocked: true,
      unlockedByWorkoutId: older.workoutId,
      unlockedAt: older.startedAt,
      progress: { current: 1, target: 1, unit: 'workouts' },
    });
  });

  it('unlocks the first 5 km on a run of 5 km on any run-type sport, not on a ride', () => {
    const almost = aWorkoutFact({ distanceMeters: 4_999, startedAt: at('2026-03-01T08:00:00Z') });
    const ride = aWorkoutFact({
      sport: 'RIDE',
      distanceMeters: 30_000,
      startedAt: at('2026-03-02T08:00:00Z'),
    });
    const treadmill = aWorkoutFact({
      sport: 'TREADMILL_RUN',
      distanceMeters: 5_000,
      startedAt: at('2026-03-03T08:00:00Z'),
    });
    expect(statusOf('FIRST_5K_RUN', [almost, ride])).toMatchObject({
      unlocked: false,
      progress: { current: 4.99, target: 5, unit: 'km' },
    });
    expect(statusOf('FIRST_5K_RUN', [almost, ride, treadmill])).toMatchObject({
      unlocked: true,
      unlockedByWorkoutId: treadmill.workoutId,
      progress: { current: 5, target: 5, unit: 'km' },
    });
  });

  it('asks for the official half-marathon and marathon distances', () => {
    const half = aWorkoutFact({ sport: 'TRAIL_RUN', distanceMeters: 21_097, movingSeconds: 7_200 });
    expect(statusOf('FIRST_HALF_MARATHON', [half]).unlocked).toBe(false);
    expect(statusOf('FIRST_HALF_MARATHON', [{ ...half, distanceMeters: 21_098 }]).unlocked).toBe(true);
    const marathon = aWorkoutFact({ distanceMeters: 42_195, movingSeconds: 4 * 3600 });
    expect(statusOf('FIRST_MARATHON', [marathon]).unlocked).toBe(true);
    expect(statusOf('FIRST_10K_RUN', [marathon]).unlockedByWorkoutId).toBe(marathon.workoutId);
  });

  describe('100 km in one calendar month', () => {
    // 95 km in October 2026, then 5 km at 23:30 New York time on 31 October (03:30 UTC on 1 November).
    const october = dailyWorkouts('2026-10-01', 19, '12:00:00Z', { sport: 'RIDE', distanceMeters: 5_000 });
    const lastNight = aWorkoutFact({
      distanceMeters: 5_000,
      movingSeconds: 1_800,
      startedAt: at('2026-11-01T03:30:00Z'),
    });

    it('counts a run at 23:30 local time on the last day of the month toward that month', () => {
      expect(statusOf('MONTH_100_KM', [...october, lastNight], 'America/New_York')).toMatchObject({
        unlocked: true,
        unlockedByWorkoutId: lastNight.workoutId,
        progress: { current: 100, target: 100, unit: 'km' },
      });
    });

    it('counts the same run toward November in UTC', () => {
      expect(statusOf('MONTH_100_KM', [...october, lastNight], 'UTC')).toMatchObject({
        unlocked: false,
        progress: { current: 95, target: 100 },
      });
    });

    it('stops counting a deleted workout (absent from the facts)', () => {
      const remaining = [...october.slice(1), lastNight];
      expect(statusOf('MONTH_100_KM', remaining, 'America/New_York')).toMatchObject({
        unlocked: false,
        progress: { current: 95 },
      });
    });
  });

  it('unlocks 1 000 m climbed in one workout, not over two', () => {
    const climbs = [600, 500].map((elevationGainMeters, index) =>
      aWorkoutFact({
        sport: 'HIKE',
        elevationGainMeters,
        movingSeconds: 4 * 3600,
        startedAt: at('2026-05-01T08:00:00Z') + index,
      }),
    );
    expect(statusOf('CLIMB_1000_M', climbs)).toMatchObject({
      unlocked: false,
      progress: { current: 600, target: 1000, unit: 'm' },
    });
    const big = aWorkoutFact({ sport: 'HIKE', elevationGainMeters: 1_000, movingSeconds: 4 * 3600 });
    expect(statusOf('CLIMB_1000_M', [...climbs, big]).unlockedByWorkoutId).toBe(big.workoutId);
  });

  it('shows a streak in progress as "3 of 7 days" and unlocks on the seventh day', () => {
    const week = dailyWorkouts('2026-04-06', 7);
    expect(statusOf('STREAK_7_DAYS', week.slice(0, 3)).progress).toEqual({
      current: 3,
      target: 7,
      unit: 'days',
    });
    expect(statusOf('STREAK_7_DAYS', week)).toMatchObject({
      unlocked: true,
      unlockedByWorkoutId: week[6]?.workoutId,
    });
    const gap = [...week.slice(0, 3), ...week.slice(4)];
    expect(statusOf('STREAK_7_DAYS', gap).progress.current).toBe(3);
  });

  it('counts streak days in the athlete time zone', () => {
    // 7 April 05:00 and 8 April 23:00 in Tokyo: consecutive days there, 6 and 8 April in UTC.
    const facts = [
      aWorkoutFact({ startedAt: at('2026-04-06T20:00:00Z') }),
      aWorkoutFact({ startedAt: at('2026-04-08T14:00:00Z') }),
    ];
    expect(statusOf('STREAK_7_DAYS', facts, 'Asia/Tokyo').progress.current).toBe(2);
    expect(statusOf('STREAK_7_DAYS', facts, 'UTC').progress.current).toBe(1);
  });

  it('decides early bird and night owl on the local start time', () => {
    const tokyoMorning = aWorkoutFact({ startedAt: at('2026-04-06T21:30:00Z') }); // 06:30 in Tokyo
    expect(statusOf('EARLY_BIRD', [tokyoMorning], 'Asia/Tokyo').unlocked).toBe(true);
    expect(statusOf('NIGHT_OWL', [tokyoMorning], 'Asia/Tokyo').unlocked).toBe(false);
    expect(statusOf('EARLY_BIRD', [tokyoMorning], 'UTC').unlocked).toBe(false);
    expect(statusOf('NIGHT_OWL', [tokyoMorning], 'UTC').unlocked).toBe(true);
  });

  it('puts 07:00 outside early bird and 21:00 inside night owl', () => {
    const seven = aWorkoutFact({ startedAt: at('2026-04-06T07:00:00Z') });
    const nine = aWorkoutFact({ startedAt: at('2026-04-06T21:00:00Z') });
    const almostSeven = aWorkoutFact({ startedAt: at('2026-04-06T06:59:59Z') });
    expect(statusOf('EARLY_BIRD', [seven, nine]).unlocked).toBe(false);
    expect(statusOf('EARLY_BIRD', [almostSeven]).unlocked).toBe(true);
    expect(statusOf('NIGHT_OWL', [nine]).unlocked).toBe(true);
  });

  it('unlocks gear loyalty on the tenth workout with one and the same gear item', () => {
    const shoes = dailyWorkouts('2026-02-01', 10, '12:00:00Z', { gearIds: ['shoes'] });
    const otherShoes = dailyWorkouts('2026-01-01', 9, '12:00:00Z', {
      gearIds: ['other-shoes', 'other-shoes'],
    });
    expect(statusOf('GEAR_LOYALTY_10', [...otherShoes, ...shoes.slice(0, 9)]).progress.current).toBe(9);
    expect(statusOf('GEAR_LOYALTY_10', [...otherShoes, ...shoes])).toMatchObject({
      unlocked: true,
      unlockedByWorkoutId: shoes[9]?.workoutId,
    });
  });

  it('wants both days of one weekend for the weekend warrior', () => {
    const saturday = aWorkoutFact({ startedAt: at('2026-04-11T10:00:00Z') });
    const sunday = aWorkoutFact({ startedAt: at('2026-04-12T10:00:00Z') });
    const nextSaturday = aWorkoutFact({ startedAt: at('2026-04-18T10:00:00Z') });
    expect(statusOf('WEEKEND_WARRIOR', [sunday, nextSaturday]).progress).toEqual({
      current: 1,
      target: 2,
      unit: 'weekend days',
    });
    expect(statusOf('WEEKEND_WARRIOR', [saturday, sunday]).unlockedByWorkoutId).toBe(sunday.workoutId);
  });

  it('counts different sports, 10 hours in one week and 3 hours in one workout', () => {
    const sports = (['RUN', 'RIDE', 'POOL_SWIM', 'YOGA', 'HIKE'] as const).map((sport, index) =>
      aWorkoutFact({
        sport,
        distanceMeters: null,
        elevationGainMeters: null,
        movingSeconds: 2 * 3600,
        startedAt: at('2026-06-01T08:00:00Z') + index * 86_400_000,
      }),
    );
    expect(statusOf('FIVE_SPORTS', sports.slice(0, 4)).progress).toEqual({
      current: 4,
      target: 5,
      unit: 'sports',
    });
    expect(statusOf('FIVE_SPORTS', sports).unlocked).toBe(true);
    expect(statusOf('WEEK_10_HOURS', sports).unlockedByWorkoutId).toBe(sports[4]?.workoutId);
    expect(statusOf('WEEK_10_HOURS', sports.slice(0, 3)).progress).toEqual({
      current: 6,
      target: 10,
      unit: 'hours',
    });
    expect(statusOf('ENDURANCE_3_HOURS', sports).progress.current).toBe(2);
  });

  it('gives flagged or implausible workouts no credit toward any achievement', () => {
    const teleport = aWorkoutFact({
      distanceMeters: 42_195,
      movingSeconds: 4 * 3600,
      trackFlags: ['SPEED_JUMP'],
    });
    const car = aWorkoutFact({ distanceMeters: 42_195, movingSeconds: 1_800 });
    const statuses = evaluateAchievements([teleport, car], 'UTC');
    expect(statuses.every((status) => !status.unlocked && status.progress.current === 0)).toBe(true);
  });

  it('refuses an unknown time zone', () => {
    expect(() => evaluateAchievements([], 'Nowhere/Land')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
