import { aWorkoutFact, at, dailyWorkouts } from '../gamification.builders';
import { streaksOf } from './streaks';

describe('streaksOf', () => {
  const threeDays = dailyWorkouts('2026-04-06', 3); // Monday to Wednesday, 12:00 UTC
  const workoutsAt = (...instants: string[]) =>
    instants.map((instant) => aWorkoutFact({ startedAt: at(instant) }));

  it('has no streak without workouts', () => {
    expect(streaksOf([], 'UTC', at('2026-04-08T20:00:00Z'))).toEqual({
      days: { current: 0, longest: 0 },
      weeks: { current: 0, longest: 0 },
    });
  });

  it('counts the run of days ending today', () => {
    expect(streaksOf(threeDays, 'UTC', at('2026-04-08T20:00:00Z')).days).toEqual({ current: 3, longest: 3 });
  });

  it('keeps the streak current through the next day, then breaks it', () => {
    expect(streaksOf(threeDays, 'UTC', at('2026-04-09T23:59:59Z')).days).toEqual({ current: 3, longest: 3 });
    expect(streaksOf(threeDays, 'UTC', at('2026-04-10T00:00:00Z')).days).toEqual({ current: 0, longest: 3 });
  });

  it('counts several workouts on one day once', () => {
    const twice = [...threeDays, aWorkoutFact({ startedAt: at('2026-04-08T18:00:00Z') })];
    expect(streaksOf(twice, 'UTC', at('2026-04-08T20:00:00Z')).days.current).toBe(3);
  });

  it('keeps the longest streak after a gap', () => {
    const later = dailyWorkouts('2026-04-20', 2);
    expect(streaksOf([...threeDays, ...later], 'UTC', at('2026-04-21T20:00:00Z')).days).toEqual({
      current: 2,
      longest: 3,
    });
  });

  it('ignores workouts after now and deleted ones (absent from the facts)', () => {
    expect(streaksOf(threeDays, 'UTC', at('2026-04-07T13:00:00Z')).days).toEqual({ current: 2, longest: 2 });
    expect(streaksOf([threeDays[0]!, threeDays[2]!], 'UTC', at('2026-04-08T20:00:00Z')).days).toEqual({
      current: 1,
      longest: 1,
    });
  });

  it('ignores flagged workouts', () => {
    const flagged = aWorkoutFact({ startedAt: at('2026-04-09T12:00:00Z'), trackFlags: ['SPEED_JUMP'] });
    expect(streaksOf([...threeDays, flagged], 'UTC', at('2026-04-09T20:00:00Z')).days.longest).toBe(3);
  });

  it('counts local calendar days across the spring-forward change (New York, 8 March 2026)', () => {
    // 23:30 local on 7, 8 and 9 March: 04:30Z, 03:30Z (after the change) and 03:30Z the next mornings.
    const nights = workoutsAt('2026-03-08T04:30:00Z', '2026-03-09T03:30:00Z', '2026-03-10T03:30:00Z');
    expect(streaksOf(nights, 'America/New_York', at('2026-03-10T04:00:00Z')).days).toEqual({
      current: 3,
      longest: 3,
    });
  });

  it('counts local calendar days across the fall-back change (Paris, 25 October 2026)', () => {
    // 00:30 local on 25 and 26 October are 25 hours apart; 23:30 on 26 October is 23 hours after.
    const facts = workoutsAt('2026-10-24T22:30:00Z', '2026-10-25T23:30:00Z', '2026-10-26T22:30:00Z');
    expect(streaksOf(facts, 'Europe/Paris', at('2026-10-26T23:00:00Z')).days).toEqual({
      current: 2,
      longest: 2,
    });
    // Kept through 27 October, local time; broken at local midnight on 28 October.
    expect(streaksOf(facts, 'Europe/Paris', at('2026-10-27T22:59:59Z')).days.current).toBe(2);
    expect(streaksOf(facts, 'Europe/Paris', at('2026-10-27T23:00:00Z')).days.current).toBe(0);
  });

  it('uses "today" in the athlete time zone', () => {
    // The last workout was on 8 April; at 2026-04-10T02:00Z it is still 9 April in New York.
    expect(streaksOf(threeDays, 'America/New_York', at('2026-04-10T02:00:00Z')).days.current).toBe(3);
    expect(streaksOf(threeDays, 'UTC', at('2026-04-10T02:00:00Z')).days.current).toBe(0);
  });

  describe('weeks', () => {
    // Weeks of 30 March and 6 April, then (after an empty week) Sunday 26 April.
    const weeksWithWorkouts = workoutsAt(
      '2026-03-30T12:00:00Z',
      '2026-04-06T12:00:00Z',
      '2026-04-26T12:00:00Z',
    );

    it('counts consecutive ISO weeks and keeps the streak current through the next week', () => {
      expect(streaksOf(weeksWithWorkouts, 'UTC', at('2026-04-27T08:00:00Z')).weeks).toEqual({
        current: 1,
        longest: 2,
      });
      const firstTwo = weeksWithWorkouts.slice(0, 2);
      expect(streaksOf(firstTwo, 'UTC', at('2026-04-19T23:59:59Z')).weeks).toEqual({
        current: 2,
        longest: 2,
      });
      expect(streaksOf(firstTwo, 'UTC', at('2026-04-20T00:00:00Z')).weeks).toEqual({
        current: 0,
        longest: 2,
      });
    });

    it('keeps Sunday 23:30 local time in its own week', () => {
      // Sunday 5 April 23:30 in New York is Monday 6 April in UTC: it belongs to the week of 30 March.
      const sundayNight = aWorkoutFact({ startedAt: at('2026-04-06T03:30:00Z') });
      const nextWeek = aWorkoutFact({ startedAt: at('2026-04-08T16:00:00Z') });
      expect(
        streaksOf([sundayNight, nextWeek], 'America/New_York', at('2026-04-09T00:00:00Z')).weeks,
      ).toEqual({
        current: 2,
        longest: 2,
      });
      expect(streaksOf([sundayNight, nextWeek], 'UTC', at('2026-04-09T00:00:00Z')).weeks).toEqual({
        current: 1,
        longest: 1,
      });
    });
  });
});
