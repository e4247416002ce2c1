import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fakeRecords } from '../training.fakes';
import type { PersonalRecordRow } from './personal-records.repo';
import { createPersonalRecordsService } from './personal-records.service';

const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const record = (sport: PersonalRecordRow['sport']): PersonalRecordRow => ({
  sport,
  kind: 'LONGEST_DISTANCE',
  seconds: null,
  distanceMeters: 10_000,
  elevationGainMeters: null,
  achievedAt: new Date('2026-11-20T08:00:00Z'),
  workoutId: uuidv7(),
});

describe('personal records', () => {
  const rows = [record('RUN'), record('RIDE')];
  const records = createPersonalRecordsService({ records: fakeRecords(new Map([[ann.userId, rows]])) });

  it('gives the athlete their own records, of one sport when asked', async () => {
    expect(await records.of(ann, ann.userId, null)).toEqual(rows);
    expect(await records.of(ann, ann.userId, 'RIDE')).toEqual([rows[1]]);
  });

  it("refuses another athlete's records", async () => {
    await expect(records.of(ann, uuidv7(), null)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You can only read your own personal records.',
    });
  });
});
