import { checkPlausibleSpeed, finishChanges, pauseChanges, resumeChanges } from './workout-lifecycle';
import { aWorkoutRecord } from './workout.builders';
import type { WorkoutRecord } from './workout.repo';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 7, minute));

const aWorkout = (overrides: Partial<WorkoutRecord> = {}) =>
  aWorkoutRecord({ startedAt: at(0), ...overrides });

describe('pause and resume', () => {
  it('counts a pause as elapsed time, not moving time', () => {
    const paused = { ...aWorkout(), ...pauseChanges(aWorkout(), at(10)) } as WorkoutRecord;
    const resumed = { ...paused, ...resumeChanges(paused, at(15)) } as WorkoutRecord;
    expect(resumed).toMatchObject({ status: 'IN_PROGRESS', pausedAt: null, pausedSeconds: 300 });
    expect(finishChanges(resumed, at(40), 5000)).toMatchObject({
      elapsedSeconds: 2400,
      pausedSeconds: 300,
      movingSeconds: 2100,
    });
  });

  it('ends an open pause at the finish', () => {
    const paused = { ...aWorkout(), ...pauseChanges(aWorkout(), at(30)) } as WorkoutRecord;
    expect(finishChanges(paused, at(35), null)).toMatchObject({
      status: 'FINISHED',
      pausedSeconds: 300,
      movingSeconds: 1800,
      pausedAt: null,
    });
  });

  it('refuses to pause a paused workout or to resume one in progress', () => {
    const paused = aWorkout({ status: 'PAUSED', pausedAt: at(5) });
    expect(() => pauseChanges(paused, at(6))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => resumeChanges(aWorkout(), at(6))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('refuses a resume before the pause began, naming the field', () => {
    expect(() => resumeChanges(aWorkout({ status: 'PAUSED', pausedAt: at(5) }), at(4))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'at' } }),
    );
  });
});

describe('plausible speed', () => {
  it('accepts a fast but possible run and refuses a run faster than 45 km/h', () => {
    expect(() => checkPlausibleSpeed('RUN', 10_000, 1800)).not.toThrow();
    expect(() => checkPlausibleSpeed('RUN', 100_000, 3600)).toThrow(
      expect.objectContaining({ details: { field: 'distanceMeters' } }),
    );
  });

  it('judges each sport by its own maximum', () => {
    expect(() => checkPlausibleSpeed('RIDE', 100_000, 3600)).not.toThrow();
  });

  it('refuses a distance covered in no time, and leaves an unknown time alone', () => {
    expect(() => finishChanges(aWorkout(), at(0), 10_000)).toThrow(
      expect.objectContaining({ details: { field: 'distanceMeters' } }),
    );
    expect(() => checkPlausibleSpeed('RUN', 10_000, null)).not.toThrow();
  });

  it('refuses an implausible finish', () => {
    expect(() => finishChanges(aWorkout(), at(10), 50_000)).toThrow(/faster than 45 km\/h/);
  });
});
