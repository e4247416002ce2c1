import { fixedClock } from '../../../../lib/clock';
import { anAthlete } from '../gamification.builders';
import { fakeGamificationRepos, fakeTransaction } from '../gamification.fakes';
import { createAthleteService } from './athlete.service';

const NOW = new Date('2026-11-21T12:00:00Z');

function newTestAthletes() {
  const fakes = fakeGamificationRepos();
  let notified = 0;
  const athletes = createAthleteService({
    repos: fakes.repos,
    inTransaction: fakeTransaction(fakes.repos),
    clock: fixedClock(NOW),
    notify: () => void (notified += 1),
  });
  return { athletes, ...fakes, notifications: () => notified };
}

/** A finished run of the athlete, as the facts hold it. */
const aRun = (userId: string, startedAt: string, workoutId = crypto.randomUUID()) => ({
  workoutId,
  userId,
  sport: 'RUN' as const,
  startedAt: Date.parse(startedAt),
  distanceMeters: 10_000,
  movingSeconds: 3_000,
  elevationGainMeters: null,
  gearIds: [],
  trackFlags: [],
  visibility: 'FOLLOWERS' as const,
});

describe('reading gamification', () => {
  it("refuses someone else's XP, level, streaks and achievements", async () => {
    const { athletes } = newTestAthletes();
    const [ann, bob] = [anAthlete(), anAthlete()];
    for (const read of [athletes.xp, athletes.level, athletes.streaks, athletes.achievements])
      await expect(read(ann, bob.userId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives the XP total and the level it reaches', async () => {
    const { athletes, repos } = newTestAthletes();
    const ann = anAthlete();
    await repos.ledger.append({
      userId: ann.userId,
      workoutId: crypto.randomUUID(),
      causeEventId: crypto.randomUUID(),
      kind: 'CREDIT',
      points: 150,
      sport: 'RUN',
      occurredAt: NOW,
    });
    expect(await athletes.xp(ann, ann.userId)).toBe(150);
    expect(await athletes.level(ann, ann.userId)).toMatchObject({ level: 2 });
  });

  it("shows a workout's XP to its athlete only, as if nobody else's workout were known", async () => {
    const { athletes, repos } = newTestAthletes();
    const ann = anAthlete();
    const run = aRun(ann.userId, '2026-11-20T07:00:00Z');
    await repos.facts.save(run);
    expect(await athletes.workoutXp(ann, run.workoutId)).toEqual({ points: 0, notCountedReason: null });
    expect(await athletes.workoutXp(anAthlete(), run.workoutId)).toBeNull();
    expect(await athletes.workoutXp(ann, crypto.randomUUID())).toBeNull();
  });

  it('lists the whole catalogue with what is unlocked and the progress towards the rest', async () => {
    const { athletes, repos } = newTestAthletes();
    const ann = anAthlete();
    const run = aRun(ann.userId, '2026-11-20T07:00:00Z');
    await repos.facts.save(run);
    await repos.achievements.unlock(ann.userId, [
      { code: 'FIRST_WORKOUT', workoutId: run.workoutId, unlockedAt: NOW },
    ]);
    const achievements = await athletes.achievements(ann, ann.userId);
    expect(achievements.find((a) => a.code === 'FIRST_WORKOUT')).toMatchObject({
      unlocked: true,
      unlockedAt: NOW,
      unlockedByWorkoutId: run.workoutId,
    });
    expect(achievements.find((a) => a.code === 'WORKOUTS_10')).toMatchObject({
      unlocked: false,
      progress: { current: 1, target: 10 },
    });
  });
});

describe('setTimeZone', () => {
  it('refuses a zone that does not exist and stores nothing', async () => {
    const { athletes, rows } = newTestAthletes();
    const ann = anAthlete();
    await expect(athletes.setTimeZone(ann, 'Mars/Olympus')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'timeZone' },
    });
    expect(rows.zones.size).toBe(0);
  });

  it('stores the canonical name, unlocks what the workouts satisfy in the new zone, announces it and wakes the relay', async () => {
    const { athletes, repos, rows, notifications } = newTestAthletes();
    const ann = anAthlete();
    // A setting that unlocks nothing announces nothing.
    await athletes.setTimeZone(ann, 'UTC');
    expect(await athletes.timeZone(ann)).toBe('UTC');
    expect(notifications()).toBe(0);
    // 23:30 on 31 October in New York is 1 November in UTC: a night owl there, not in UTC.
    await repos.facts.save(aRun(ann.userId, '2026-11-01T03:30:00Z'));
    expect(await athletes.setTimeZone(ann, 'america/new_york')).toBe('America/New_York');
    expect(await athletes.timeZone(ann)).toBe('America/New_York');
    expect(rows.outbox.map((e) => [e.type, (e.data as { code?: string }).code])).toContainEqual([
      'gamification.achievement.unlocked',
      'NIGHT_OWL',
    ]);
    expect(notifications()).toBe(1);
  });
});
