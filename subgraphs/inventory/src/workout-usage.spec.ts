import { v7 as uuidv7 } from 'uuid';
import { aWorkoutSummary } from './gear.builders';
import { desiredUsages, diffUsages, type Usage } from './workout-usage';

const [shoes, bike, watch] = [uuidv7(), uuidv7(), uuidv7()].sort();
const usage = (gearId: string, distanceMeters: number, movingSeconds = 100): Usage => ({
  gearId,
  distanceMeters,
  movingSeconds,
});

describe('desiredUsages', () => {
  it('credits the whole distance and moving time to every gear item of the athlete, once each', () => {
    const summary = aWorkoutSummary({
      gearIds: [shoes!, bike!, shoes!],
      distanceMeters: 8000,
      movingSeconds: 2400,
    });
    expect(desiredUsages(summary, new Set([shoes!, bike!]))).toEqual([
      usage(shoes!, 8000, 2400),
      usage(bike!, 8000, 2400),
    ]);
  });

  it('leaves out gear that is not the athlete’s (or does not exist)', () => {
    const summary = aWorkoutSummary({ gearIds: [shoes!, watch!] });
    expect(desiredUsages(summary, new Set([shoes!])).map((u) => u.gearId)).toEqual([shoes]);
  });

  it('uses the elapsed time while the moving time is unknown, and 0 for unknown figures', () => {
    const summary = aWorkoutSummary({
      gearIds: [shoes!],
      distanceMeters: null,
      movingSeconds: null,
      elapsedSeconds: 1800,
    });
    expect(desiredUsages(summary, new Set([shoes!]))).toEqual([usage(shoes!, 0, 1800)]);
    const unknown = { ...summary, elapsedSeconds: null };
    expect(desiredUsages(unknown, new Set([shoes!]))).toEqual([usage(shoes!, 0, 0)]);
  });

  it('wants nothing for a workout in progress or deleted', () => {
    const inProgress = aWorkoutSummary({ status: 'IN_PROGRESS', gearIds: [shoes!] });
    expect(desiredUsages(inProgress, new Set([shoes!]))).toEqual([]);
    expect(desiredUsages(null, new Set([shoes!]))).toEqual([]);
  });
});

describe('diffUsages', () => {
  it('inserts every usage of a newly finished workout', () => {
    expect(diffUsages([], [usage(shoes!, 5000, 1500)])).toEqual([
      { op: 'insert', usage: usage(shoes!, 5000, 1500), deltaDistanceMeters: 5000, deltaMovingSeconds: 1500 },
    ]);
  });

  it('corrects a changed distance by the difference and swaps gear by a delete and an insert', () => {
    const changes = diffUsages(
      [usage(shoes!, 5000, 1500), usage(bike!, 5000, 1500)],
      [usage(shoes!, 6000, 1400), usage(watch!, 6000, 1400)],
    );
    expect(changes).toEqual([
      { op: 'update', usage: usage(shoes!, 6000, 1400), deltaDistanceMeters: 1000, deltaMovingSeconds: -100 },
      {
        op: 'delete',
        usage: usage(bike!, 5000, 1500),
        deltaDistanceMeters: -5000,
        deltaMovingSeconds: -1500,
      },
      { op: 'insert', usage: usage(watch!, 6000, 1400), deltaDistanceMeters: 6000, deltaMovingSeconds: 1400 },
    ]);
  });

  it('reverses everything when nothing is wanted any more', () => {
    expect(diffUsages([usage(shoes!, 900, 300)], [])).toEqual([
      { op: 'delete', usage: usage(shoes!, 900, 300), deltaDistanceMeters: -900, deltaMovingSeconds: -300 },
    ]);
  });

  it('changes nothing when the usages are already as wanted (a replayed event)', () => {
    expect(diffUsages([usage(shoes!, 900, 300)], [usage(shoes!, 900, 300)])).toEqual([]);
  });
});
