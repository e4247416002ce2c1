import { describe, expect, it } from 'vitest';
import { workoutFigures } from './workout-figures';

describe('a feed item’s figures', () => {
  it('shows a run’s distance, moving time and pace in the reader’s units', () => {
    const run = { sport: 'RUN' as const, distanceMeters: 8_000, movingSeconds: 2_400, elapsedSeconds: 2_500 };
    expect(workoutFigures(run, 'METRIC')).toEqual([
      { label: 'Distance', value: '8.00 km' },
      { label: 'Duration', value: '40:00' },
      { label: 'Pace', value: '5:00 /km' },
    ]);
    expect(workoutFigures(run, 'IMPERIAL')).toEqual([
      { label: 'Distance', value: '4.97 mi' },
      { label: 'Duration', value: '40:00' },
      { label: 'Pace', value: '8:03 /mi' },
    ]);
  });

  it('shows a ride’s speed, and only the duration of a workout without distance', () => {
    expect(
      workoutFigures({ sport: 'RIDE', distanceMeters: 30_000, movingSeconds: 3_600 }, 'METRIC'),
    ).toContainEqual({ label: 'Speed', value: '30.0 km/h' });
    expect(workoutFigures({ sport: 'YOGA', distanceMeters: null, elapsedSeconds: 1_800 }, 'METRIC')).toEqual([
      { label: 'Duration', value: '30:00' },
    ]);
  });
});
