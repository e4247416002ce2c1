import { ALL_SPORTS } from '../timeline/daily-load.repo';
import { figuresBySport, figuresOf, NO_FIGURES } from './period-totals';
import { aWorkout } from './summaries.builders';

describe('figuresOf', () => {
  it('sums workouts, distance, time in motion, climbing and load', () => {
    const run = aWorkout();
    const longRun = aWorkout({
      distanceMeters: 21_000,
      movingSeconds: 7200,
      elevationGainMeters: 150,
      load: 140,
    });
    expect(figuresOf([run, longRun])).toEqual({
      workouts: 2,
      distanceMeters: 31_000,
      movingSeconds: 10_700,
      elevationGainMeters: 200,
      load: 200,
    });
  });

  it('counts missing or impossible figures as zero, and the elapsed time when the moving time is missing', () => {
    const yoga = aWorkout({
      sport: 'YOGA',
      distanceMeters: null,
      elevationGainMeters: null,
      movingSeconds: null,
    });
    const broken = aWorkout({
      distanceMeters: -5,
      elevationGainMeters: Number.NaN,
      movingSeconds: -1,
      load: 10,
    });
    expect(figuresOf([yoga, broken])).toEqual({
      workouts: 2,
      distanceMeters: 0,
      movingSeconds: 7200,
      elevationGainMeters: 0,
      load: 70,
    });
  });

  it('is all zeros without workouts', () => {
    expect(figuresOf([])).toEqual(NO_FIGURES);
  });
});

describe('figuresBySport', () => {
  it('gives each sport its totals, then the total of every sport', () => {
    const rows = figuresBySport([
      aWorkout(),
      aWorkout({ sport: 'RIDE', distanceMeters: 40_000 }),
      aWorkout(),
    ]);
    expect(rows.map((row) => [row.sport, row.workouts, row.distanceMeters])).toEqual([
      ['RIDE', 1, 40_000],
      ['RUN', 2, 20_000],
      [ALL_SPORTS, 3, 60_000],
    ]);
  });

  it('has no row at all for a period without workouts', () => {
    expect(figuresBySport([])).toEqual([]);
  });
});
