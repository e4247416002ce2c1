import { challengeProgress, type ChallengeDefinition } from './challenge-rules';
import { aWorkoutFact, at, dailyWorkouts } from '../gamification.builders';

const aChallenge = (overrides: Partial<ChallengeDefinition> = {}): ChallengeDefinition => ({
  id: 'april-50k',
  goal: 'DISTANCE',
  target: 50_000,
  sport: 'RUN',
  startsAt: at('2026-04-01T00:00:00Z'),
  endsAt: at('2026-05-01T00:00:00Z'),
  ...overrides,
});

describe('challengeProgress', () => {
  const april = dailyWorkouts('2026-04-01', 6); // six 10 km runs, 1 to 6 April

  it('adds up the distance of matching workouts and completes on the one reaching the target', () => {
    expect(challengeProgress(aChallenge(), april, 'UTC')).toEqual({
      current: 60_000,
      target: 50_000,
      completed: true,
      completedAt: april[4]?.startedAt,
    });
  });

  it('shows progress short of the target', () => {
    expect(challengeProgress(aChallenge(), april.slice(0, 3), 'UTC')).toEqual({
      current: 30_000,
      target: 50_000,
      completed: false,
      completedAt: null,
    });
  });

  it('counts only workouts of its sport, or of any sport when it has none', () => {
    const ride = aWorkoutFact({
      sport: 'RIDE',
      distanceMeters: 40_000,
      movingSeconds: 5_400,
      startedAt: at('2026-04-10T08:00:00Z'),
    });
    expect(challengeProgress(aChallenge(), [ride], 'UTC').current).toBe(0);
    expect(challengeProgress(aChallenge({ sport: null }), [ride], 'UTC').current).toBe(40_000);
  });

  it('counts workouts starting from its start up to, not including, its end', () => {
    const facts = [
      aWorkoutFact({ startedAt: at('2026-03-31T23:59:59Z') }),
      aWorkoutFact({ startedAt: at('2026-04-01T00:00:00Z') }),
      aWorkoutFact({ startedAt: at('2026-04-30T23:59:59Z') }),
      aWorkoutFact({ startedAt: at('2026-05-01T00:00:00Z') }),
    ];
    expect(challengeProgress(aChallenge({ goal: 'COUNT', target: 3 }), facts, 'UTC')).toMatchObject({
      current: 2,
      completed: false,
    });
  });

  it('adds up elevation', () => {
    expect(challengeProgress(aChallenge({ goal: 'ELEVATION', target: 500 }), april, 'UTC')).toMatchObject({
      current: 600,
      completed: true,
      completedAt: april[4]?.startedAt,
    });
  });

  it('measures a day streak in the athlete time zone', () => {
    // 23:30 in New York on 1, 2 and 3 April: 03:30 UTC the next day.
    const nights = dailyWorkouts('2026-04-02', 3, '03:30:00Z');
    const challenge = aChallenge({ goal: 'STREAK_DAYS', target: 3 });
    expect(challengeProgress(challenge, nights, 'America/New_York')).toMatchObject({
      current: 3,
      completed: true,
      completedAt: nights[2]?.startedAt,
    });
  });

  it('no longer counts a deleted workout (absent from the facts) and ignores flagged tracks', () => {
    const flagged = aWorkoutFact({
      startedAt: at('2026-04-20T08:00:00Z'),
      trackFlags: ['COORDINATES_OUT_OF_RANGE'],
    });
    expect(challengeProgress(aChallenge(), [...april.slice(0, 4), flagged], 'UTC')).toEqual({
      current: 40_000,
      target: 50_000,
      completed: false,
      completedAt: null,
    });
  });
});
