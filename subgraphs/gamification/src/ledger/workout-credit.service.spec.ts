import { fixedClock } from '../../../../lib/clock';
import { anAthlete, aWorkoutSummary } from '../gamification.builders';
import { fakeGamificationRepos } from '../gamification.fakes';
import { challengeBoardId } from '../challenges/member-standing';
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import { factOfSummary } from '../workout-facts/workout-fact';
import { createWorkoutCreditService, type WorkoutState } from './workout-credit.service';
import { xpFor } from './xp';

const NOW = new Date('2026-11-21T12:00:00Z');
let eventCount = 0;

function newTestCredits() {
  const fakes = fakeGamificationRepos();
  const credits = createWorkoutCreditService({ clock: fixedClock(NOW) });
  const apply = (state: WorkoutState) =>
    credits.apply(fakes.repos, state, {
      eventId: `00000000-0000-7000-8000-${String(++eventCount).padStart(12, '0')}`,
      origin: { actorId: null },
    });
  const ofSummary = (summary: WorkoutSummary) => apply({ kind: 'summary', summary });
  const deleted = (summary: WorkoutSummary) =>
    apply({ kind: 'deleted', workoutId: summary.workoutId, userId: summary.userId, deletedAt: NOW });
  const ledgerOf = (workoutId: string) =>
    fakes.rows.ledger
      .filter((e) => e.workoutId === workoutId)
      .map((e) => ({ kind: e.kind, points: e.points }));
  return { ...fakes, ofSummary, deleted, ledgerOf };
}

const xpOf = (summary: WorkoutSummary) => xpFor(factOfSummary(summary)!).points;
const weekDistance = 'period:DISTANCE:WEEK:ALL:2026-W47';

describe('crediting a workout', () => {
  it('credits a finished workout and puts its figures on its leaderboards', async () => {
    const { ofSummary, ledgerOf } = newTestCredits();
    const run = aWorkoutSummary();
    const outcome = await ofSummary(run);
    expect(ledgerOf(run.workoutId)).toEqual([{ kind: 'CREDIT', points: xpOf(run) }]);
    expect(outcome.scoreChanges).toContainEqual({
      board: weekDistance,
      athleteId: run.userId,
      delta: 10_000,
    });
    expect(outcome.scoreChanges).toContainEqual({
      board: 'period:XP:ALL_TIME:RUN:all',
      athleteId: run.userId,
      delta: xpOf(run),
    });
  });

  it('corrects an edit by the difference and moves only what changed; an edit that changes nothing writes nothing', async () => {
    const { ofSummary, ledgerOf } = newTestCredits();
    const run = aWorkoutSummary();
    await ofSummary(run);
    const longer = { ...run, distanceMeters: 12_000 };
    const outcome = await ofSummary(longer);
    expect(ledgerOf(run.workoutId)).toEqual([
      { kind: 'CREDIT', points: xpOf(run) },
      { kind: 'CORRECTION', points: xpOf(longer) - xpOf(run) },
    ]);
    expect(outcome.scoreChanges).toContainEqual({ board: weekDistance, athleteId: run.userId, delta: 2_000 });
    expect(await ofSummary(longer)).toEqual({ scoreChanges: [], events: 0 });
  });

  it('reverses a deleted workout, and ignores a state of it that arrives after its deletion', async () => {
    const { ofSummary, deleted, ledgerOf, repos } = newTestCredits();
    const run = aWorkoutSummary();
    await ofSummary(run);
    const outcome = await deleted(run);
    expect(ledgerOf(run.workoutId)).toEqual([
      { kind: 'CREDIT', points: xpOf(run) },
      { kind: 'REVERSAL', points: -xpOf(run) },
    ]);
    expect(outcome.scoreChanges).toContainEqual({
      board: weekDistance,
      athleteId: run.userId,
      delta: -10_000,
    });
    expect(await ofSummary(run)).toEqual({ scoreChanges: [], events: 0 });
    expect(await repos.ledger.totalOf(run.userId)).toBe(0);
  });

  it('ignores a workout still being recorded', async () => {
    const { ofSummary, ledgerOf } = newTestCredits();
    const running = aWorkoutSummary({ status: 'IN_PROGRESS', finishedAt: null });
    expect(await ofSummary(running)).toEqual({ scoreChanges: [], events: 0 });
    expect(ledgerOf(running.workoutId)).toEqual([]);
  });

  it('credits a flagged track with 0 XP: the row says it was judged', async () => {
    const { ofSummary, ledgerOf } = newTestCredits();
    const flagged = aWorkoutSummary({ trackFlags: ['SPEED_JUMP'] });
    await ofSummary(flagged);
    expect(ledgerOf(flagged.workoutId)).toEqual([{ kind: 'CREDIT', points: 0 }]);
  });

  it('puts a private workout on no leaderboard but credits its XP', async () => {
    const { ofSummary, ledgerOf } = newTestCredits();
    const run = aWorkoutSummary({ visibility: 'PRIVATE' });
    expect((await ofSummary(run)).scoreChanges).toEqual([]);
    expect(ledgerOf(run.workoutId)).toEqual([{ kind: 'CREDIT', points: xpOf(run) }]);
  });

  it('announces the achievements unlocked and the level reached, once, through the outbox', async () => {
    const { ofSummary, deleted, rows } = newTestCredits();
    const run = aWorkoutSummary();
    const outcome = await ofSummary(run);
    const types = rows.outbox.map((e) => e.type);
    expect(outcome.events).toBe(rows.outbox.length);
    expect(rows.outbox).toContainEqual(
      expect.objectContaining({
        type: 'gamification.achievement.unlocked',
        key: run.userId,
        data: expect.objectContaining({ code: 'FIRST_WORKOUT', workoutId: run.workoutId }),
      }),
    );
    expect(types.filter((t) => t === 'gamification.level.reached')).toHaveLength(1);

    await deleted(run);
    await ofSummary(aWorkoutSummary({ userId: run.userId }));
    const codes = rows.outbox.filter((e) => e.type === 'gamification.achievement.unlocked');
    expect(codes.filter((e) => (e.data as { code: string }).code === 'FIRST_WORKOUT')).toHaveLength(1);
    expect(rows.outbox.filter((e) => e.type === 'gamification.level.reached')).toHaveLength(1);
  });

  it("moves the member's score on the leaderboard of a challenge whose window holds the workout", async () => {
    const { ofSummary, repos } = newTestCredits();
    const ann = anAthlete();
    const challenge = await aNovemberChallengeOf(
      repos,
      ann.userId,
      '01a1fc18-bfa9-72b4-b5bf-db72a03cca6f',
      'November kilometres',
      50_000,
    );
    const outcome = await ofSummary(aWorkoutSummary({ userId: ann.userId }));
    expect(outcome.scoreChanges).toContainEqual({
      board: challengeBoardId(challenge.id),
      athleteId: ann.userId,
      delta: 10_000,
    });
    expect((await repos.challenges.member(challenge.id, ann.userId))?.boardScore).toBe(10_000);
    // Outside the window: nothing moves on the challenge's leaderboard.
    const october = await ofSummary(
      aWorkoutSummary({ userId: ann.userId, startedAt: '2026-10-20T07:00:00.000Z' }),
    );
    expect(october.scoreChanges.some((c) => c.board === challengeBoardId(challenge.id))).toBe(false);
  });

  it('announces the completion of a challenge with the workout that reaches it, and never again', async () => {
    const { ofSummary, deleted, repos, rows } = newTestCredits();
    const ann = anAthlete();
    const challenge = await aNovemberChallengeOf(
      repos,
      ann.userId,
      '01a1fc18-bfa9-72b4-b5bf-db72a03cca70',
      'Twenty kilometres',
      20_000,
    );
    const completions = () => rows.outbox.filter((e) => e.type === 'gamification.challenge.completed');
    const first = aWorkoutSummary({ userId: ann.userId, startedAt: '2026-11-16T07:00:00.000Z' });
    const second = aWorkoutSummary({ userId: ann.userId, startedAt: '2026-11-17T07:00:00.000Z' });
    await ofSummary(first);
    expect(completions()).toEqual([]);

    const outcome = await ofSummary(second);
    expect(completions().map((e) => e.data)).toEqual([
      {
        userId: ann.userId,
        challengeId: challenge.id,
        title: 'Twenty kilometres',
        completedAt: '2026-11-17T07:00:00.000Z',
      },
    ]);
    expect(outcome.events).toBeGreaterThanOrEqual(1);
    expect((await repos.challenges.member(challenge.id, ann.userId))?.completedAt).toEqual(
      new Date('2026-11-17T07:00:00.000Z'),
    );

    // A third workout, an edit, the same state again, a deletion: the completion is kept, and not announced again.
    await ofSummary(aWorkoutSummary({ userId: ann.userId, startedAt: '2026-11-18T07:00:00.000Z' }));
    await ofSummary({ ...second, distanceMeters: 11_000 });
    await ofSummary({ ...second, distanceMeters: 11_000 });
    await deleted(first);
    await ofSummary(aWorkoutSummary({ userId: ann.userId, startedAt: '2026-11-19T07:00:00.000Z' }));
    expect(completions()).toHaveLength(1);
  });
});

/** A November distance challenge of `target` metres that `userId` created and joined. */
async function aNovemberChallengeOf(
  repos: ReturnType<typeof newTestCredits>['repos'],
  userId: string,
  id: string,
  title: string,
  target: number,
) {
  const challenge = await repos.challenges.create({
    id,
    title,
    goal: 'DISTANCE',
    target,
    sport: null,
    startsAt: new Date('2026-11-01T00:00:00Z'),
    endsAt: new Date('2026-12-01T00:00:00Z'),
    createdBy: userId,
  });
  await repos.challenges.saveMember({
    challengeId: challenge.id,
    userId,
    joinedAt: NOW,
    leftAt: null,
    completedAt: null,
    boardScore: 0,
  });
  return challenge;
}
