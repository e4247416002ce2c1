/** The injury service on in-memory repositories: checked reports, the athlete's list, and removal of their own. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fixedClock } from '../../../../lib/clock';
import { fakeInsightsRepos } from '../insights.fakes';
import { createInjuryService } from './injury.service';

// Late on Friday the 20th in UTC: already Saturday the 21st in Auckland (UTC+13).
const NOW = '2026-11-20T23:30:00.000Z';
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const bob: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

function newTestInjuries() {
  const repos = fakeInsightsRepos();
  const injuries = createInjuryService({ repos, clock: fixedClock(NOW) });
  return { injuries, repos };
}

const aKnee = { date: '2026-11-18', bodyArea: 'KNEE', severity: 4 };

describe('report', () => {
  it('stores the report with a new id and the time it was made', async () => {
    const { injuries, repos } = newTestInjuries();
    const report = await injuries.report(ann, aKnee);
    expect(report).toEqual({
      id: expect.any(String),
      userId: ann.userId,
      ...aKnee,
      createdAt: new Date(NOW),
    });
    expect(repos.injuries.rows).toEqual([report]);
  });

  it.each([0, 11, 2.5])('refuses %p as a severity, storing nothing', async (severity) => {
    const { injuries, repos } = newTestInjuries();
    await expect(injuries.report(ann, { ...aKnee, severity })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'severity' },
    });
    expect(repos.injuries.rows).toEqual([]);
  });

  it('accepts the ends of the scale, 1 and 10', async () => {
    const { injuries } = newTestInjuries();
    expect(await injuries.report(ann, { ...aKnee, severity: 1 })).toMatchObject({ severity: 1 });
    expect(await injuries.report(ann, { ...aKnee, severity: 10 })).toMatchObject({ severity: 10 });
  });

  it("refuses a day after today in the athlete's time zone, naming `date`", async () => {
    const { injuries, repos } = newTestInjuries();
    await expect(injuries.report(ann, { ...aKnee, date: '2026-11-21' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'date' },
    });
    await repos.athletes.update(ann.userId, { timeZone: 'Pacific/Auckland' });
    expect(await injuries.report(ann, { ...aKnee, date: '2026-11-21' })).toMatchObject({
      date: '2026-11-21',
    });
    await expect(injuries.report(ann, { ...aKnee, date: '2026-11-22' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'date' },
    });
  });
});

describe('of', () => {
  it("lists the athlete's own reports, the latest day first", async () => {
    const { injuries } = newTestInjuries();
    const older = await injuries.report(ann, { ...aKnee, date: '2026-11-02' });
    const newer = await injuries.report(ann, { ...aKnee, date: '2026-11-19', bodyArea: 'CALF' });
    await injuries.report(bob, aKnee);
    expect(await injuries.of(ann.userId)).toEqual([newer, older]);
  });
});

describe('remove', () => {
  it("removes the athlete's own report", async () => {
    const { injuries } = newTestInjuries();
    const report = await injuries.report(ann, aKnee);
    expect(await injuries.remove(ann, report.id)).toBe(true);
    expect(await injuries.of(ann.userId)).toEqual([]);
  });

  it("answers false for another athlete's report, and keeps it", async () => {
    const { injuries } = newTestInjuries();
    const bobs = await injuries.report(bob, aKnee);
    expect(await injuries.remove(ann, bobs.id)).toBe(false);
    expect(await injuries.of(bob.userId)).toEqual([bobs]);
  });

  it('answers false for an unknown report', async () => {
    const { injuries } = newTestInjuries();
    expect(await injuries.remove(ann, uuidv7())).toBe(false);
  });
});
