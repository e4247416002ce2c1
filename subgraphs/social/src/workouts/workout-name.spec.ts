import { workoutName } from './workout-name';

describe('the name a workout is shown by', () => {
  const at = (iso: string, sport = 'RUN') => ({ title: null, sport, startedAt: new Date(iso) });

  it('is its title when it has one', () => {
    expect(workoutName({ ...at('2026-12-01T07:00:00Z'), title: ' Park loop ' }, 'UTC')).toBe('Park loop');
  });

  it('is the part of the day in the athlete zone and the sport', () => {
    expect(workoutName(at('2026-12-01T07:00:00Z'), 'UTC')).toBe('Morning Run');
    expect(workoutName(at('2026-12-01T07:00:00Z'), 'America/New_York')).toBe('Night Run');
    expect(workoutName(at('2026-12-01T12:30:00Z', 'MOUNTAIN_BIKE_RIDE'), 'UTC')).toBe(
      'Lunch Mountain Bike Ride',
    );
    expect(workoutName(at('2026-12-01T16:00:00Z', 'OTHER'), 'UTC')).toBe('Afternoon Workout');
    expect(workoutName(at('2026-12-01T19:00:00Z', 'POOL_SWIM'), 'Europe/Berlin')).toBe('Evening Pool Swim');
  });
});
