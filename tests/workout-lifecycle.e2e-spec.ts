import {
  DiscardDocument,
  EditWorkoutDocument,
  FinishAtDocument,
  LogManualDocument,
  PauseDocument,
  ResumeDocument,
  SportsDocument,
  StartAtDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { errorCodes, useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();

describe('the workout lifecycle through the gateway', () => {
  it('pauses and resumes a recording: the pause counts as elapsed, not moving time', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const id = (
      await pulse().send(StartAtDocument, { sport: 'RIDE', startedAt: '2026-11-20T06:00:00Z' }, token)
    ).data!.startWorkout.id;
    expect(
      (await pulse().send(PauseDocument, { id, at: '2026-11-20T06:30:00Z' }, token)).data!.pauseWorkout
        .status,
    ).toBe('PAUSED');
    expect(errorCodes(await pulse().send(PauseDocument, { id }, token))).toEqual(['CONFLICT']);
    expect(
      (await pulse().send(ResumeDocument, { id, at: '2026-11-20T06:40:00Z' }, token)).data!.resumeWorkout,
    ).toEqual({
      id,
      status: 'IN_PROGRESS',
      pausedSeconds: 600,
    });
    const finished = await pulse().send(
      FinishAtDocument,
      { id, finishedAt: '2026-11-20T07:10:00Z', distanceMeters: 30_000 },
      token,
    );
    expect(finished.data!.finishWorkout).toEqual({
      id,
      status: 'FINISHED',
      elapsedSeconds: 4200,
      movingSeconds: 3600,
      pausedSeconds: 600,
    });
  });

  it('edits title and visibility, logs a manual workout, and discards a recording', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const id = (await pulse().send(StartAtDocument, { sport: 'RUN' }, token)).data!.startWorkout.id;
    expect(
      (await pulse().send(EditWorkoutDocument, { id, title: 'Tempo', visibility: 'PRIVATE' }, token)).data!
        .updateWorkout,
    ).toEqual({
      id,
      title: 'Tempo',
      visibility: 'PRIVATE',
    });
    expect((await pulse().send(DiscardDocument, { id }, token)).data).toEqual({ discardWorkout: id });

    const manual = await pulse().send(
      LogManualDocument,
      {
        input: {
          sport: 'HIKE',
          startedAt: '2026-11-19T09:00:00Z',
          durationSeconds: 10_800,
          distanceMeters: 12_000,
          calories: 900,
          title: 'Ridge walk',
        },
      },
      token,
    );
    expect(manual.data!.logManualWorkout).toMatchObject({
      source: 'MANUAL',
      status: 'FINISHED',
      movingSeconds: 10_800,
      distanceMeters: 12_000,
      calories: 900,
      title: 'Ridge walk',
    });
  });

  it('refuses an implausible distance, naming the field', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const result = await pulse().send(
      LogManualDocument,
      {
        input: {
          sport: 'WALK',
          startedAt: '2026-11-19T09:00:00Z',
          durationSeconds: 3600,
          distanceMeters: 40_000,
        },
      },
      token,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'distanceMeters' });
  });

  it('lists the sport taxonomy', async () => {
    const { sports } = (await pulse().send(SportsDocument, {})).data!;
    expect(sports.length).toBeGreaterThanOrEqual(20);
    expect(sports.find((s) => s.sport === 'RUN')).toEqual({
      sport: 'RUN',
      category: 'FOOT',
      movingSpeedThresholdMps: 0.833,
      maxPlausibleSpeedMps: 12.5,
    });
  });
});
