import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fixedClock } from '../../../../lib/clock';
import { fakeOutbox, fakeProfiles, fakeTransaction } from '../training.fakes';
import { createTrainingProfileService } from './training-profile.service';

const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

function newTestProfiles(now = '2026-11-20T08:00:00Z') {
  const repo = fakeProfiles();
  const outbox = fakeOutbox();
  const inTransaction = fakeTransaction({ profiles: repo, outbox });
  return {
    profiles: createTrainingProfileService({ profiles: repo, inTransaction, clock: fixedClock(now) }),
    repo,
    outbox,
  };
}

describe('save', () => {
  it("saves the athlete's checked profile, and reads it back", async () => {
    const { profiles } = newTestProfiles();
    const saved = await profiles.save(ann, { maxHeartRate: 190, restingHeartRate: 50, sex: 'FEMALE' });
    expect(saved).toEqual({
      maxHeartRate: 190,
      restingHeartRate: 50,
      weightKg: null,
      birthYear: null,
      sex: 'FEMALE',
    });
    expect(await profiles.of(ann, ann.userId)).toEqual(saved);
  });

  it('announces the birth year and sex, and nothing else of the profile', async () => {
    const { profiles, outbox } = newTestProfiles();
    await profiles.save(ann, { maxHeartRate: 190, weightKg: 70, birthYear: 1990, sex: 'MALE' });
    expect(outbox.events.map((event) => [event.type, event.data])).toEqual([
      [
        'training.profile.updated',
        { userId: ann.userId, birthYear: 1990, sex: 'MALE', updatedAt: '2026-11-20T08:00:00.000Z' },
      ],
    ]);
  });

  it('takes this year as a birth year by the clock, and refuses next year', async () => {
    const { profiles, repo } = newTestProfiles('2030-06-01T00:00:00Z');
    expect(await profiles.save(ann, { birthYear: 2030 })).toMatchObject({ birthYear: 2030 });
    await expect(profiles.save(ann, { birthYear: 2031 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'birthYear' },
    });
    expect(repo.rows.get(ann.userId)?.birthYear).toBe(2030);
  });

  it('refuses a resting heart rate at or above the maximum, storing nothing', async () => {
    const { profiles, repo } = newTestProfiles();
    await expect(profiles.save(ann, { maxHeartRate: 150, restingHeartRate: 150 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'restingHeartRate' },
    });
    expect(repo.rows.size).toBe(0);
  });
});

describe('of', () => {
  it('gives an empty profile to an athlete who saved none', async () => {
    const { profiles } = newTestProfiles();
    expect(await profiles.of(ann, ann.userId)).toMatchObject({ maxHeartRate: null, sex: null });
  });

  it("refuses another athlete's profile", async () => {
    const { profiles } = newTestProfiles();
    await expect(profiles.of(ann, uuidv7())).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You can only read your own training profile.',
    });
  });
});
