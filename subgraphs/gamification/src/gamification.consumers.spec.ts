import { fixedClock } from '../../../lib/clock';
import type { AnyEvent } from '../../../lib/events/envelope';
import { aWorkoutSummary, events } from './gamification.builders';
import { gamificationConsumers } from './gamification.consumers';
import { fakeConsumeOnce, fakeGamificationRepos, fakeLeaderboardUpdater } from './gamification.fakes';
import { createWorkoutCreditService } from './ledger/workout-credit.service';

const clock = fixedClock('2026-11-21T12:00:00Z');

function newTestConsumers() {
  const fakes = fakeGamificationRepos();
  const updater = fakeLeaderboardUpdater();
  let notified = 0;
  const handlers = gamificationConsumers({
    consumeOnce: fakeConsumeOnce(fakes.repos),
    credits: createWorkoutCreditService({ clock }),
    leaderboards: updater,
    notify: () => void (notified += 1),
  });
  const deliver = (event: AnyEvent) => (handlers[event.type] as (e: AnyEvent) => Promise<void>)(event);
  return { ...fakes, handlers, updater, deliver, notifications: () => notified };
}

describe('training.workout.*', () => {
  it('applies an event once however often it is delivered, moves the leaderboards after it and wakes the relay', async () => {
    const { deliver, rows, updater, notifications } = newTestConsumers();
    const completed = events.completed(aWorkoutSummary());
    await deliver(completed);
    const moved = updater.applied.length;
    await deliver(completed);
    expect(rows.ledger).toHaveLength(1);
    expect(moved).toBeGreaterThan(0);
    expect(updater.applied).toHaveLength(moved);
    expect(notifications()).toBe(1);
  });

  it("hands an update to the credit service as the workout's summary and a deletion as its removal", async () => {
    const { deliver, rows, repos } = newTestConsumers();
    const run = aWorkoutSummary();
    await deliver(events.completed(run));
    await deliver(events.updated({ ...run, distanceMeters: 12_000 }));
    expect(rows.ledger.map((e) => e.kind)).toEqual(['CREDIT', 'CORRECTION']);
    await deliver(events.deleted(run));
    expect(await repos.facts.factsOf(run.userId)).toEqual([]);
    expect(rows.ledger.reduce((sum, e) => sum + e.points, 0)).toBe(0);
  });
});

describe('identity.user.registered and identity.user.updated', () => {
  it("takes the account's time zone, once per event, and settles what the athlete's workouts satisfy in it", async () => {
    const { deliver, repos, rows } = newTestConsumers();
    // 08:30 UTC is 04:30 in New York: an early run there, not in UTC.
    const run = aWorkoutSummary({ startedAt: '2026-06-01T08:30:00.000Z' });
    await deliver(events.completed(run));
    await deliver(events.userRegistered(run.userId, 'UTC'));
    expect(await repos.athletes.timeZoneOf(run.userId)).toBe('UTC');
    expect(rows.unlocked.get(run.userId)?.has('EARLY_BIRD') ?? false).toBe(false);
    const moved = events.userUpdated(run.userId, 'America/New_York');
    await deliver(moved);
    await deliver(moved);
    expect(await repos.athletes.timeZoneOf(run.userId)).toBe('America/New_York');
    expect(rows.unlocked.get(run.userId)?.has('EARLY_BIRD')).toBe(true);
    const announced = rows.outbox.filter((e) => e.type === 'gamification.achievement.unlocked');
    expect(announced.filter((e) => (e.data as { code: string }).code === 'EARLY_BIRD')).toHaveLength(1);
  });

  it('leaves the time zone of an account registered before identity announced one', async () => {
    const OLD_ACCOUNT = '0190f0a0-0000-7000-8000-000000000002';
    const { deliver, repos } = newTestConsumers();
    await deliver(events.userUpdated(OLD_ACCOUNT, 'America/New_York'));
    await deliver(events.userRegistered(OLD_ACCOUNT));
    expect(await repos.athletes.timeZoneOf(OLD_ACCOUNT)).toBe('America/New_York');
  });
});

describe('identity.user.deleted', () => {
  it('erases the athlete once however often it is delivered and gives the leaderboards what the erasure returns', async () => {
    const { deliver, rows, repos, updater } = newTestConsumers();
    const run = aWorkoutSummary();
    await deliver(events.completed(run));
    const credited = updater.applied.length;
    const deletion = events.userDeleted(run.userId);
    await deliver(deletion);
    const erasedChanges = updater.applied.slice(credited);
    expect(erasedChanges.length).toBeGreaterThan(0);
    expect(erasedChanges.every((c) => c.athleteId === run.userId && c.delta < 0)).toBe(true);
    expect(rows.ledger).toEqual([]);
    expect(await repos.facts.factsOf(run.userId)).toEqual([]);
    await deliver(deletion);
    expect(updater.applied).toHaveLength(credited + erasedChanges.length);
  });
});

describe("social's follow, block and club events", () => {
  const [ann, bob, cid] = [
    '0190f0a0-0000-7000-8000-00000000000a',
    '0190f0a0-0000-7000-8000-00000000000b',
    '0190f0a0-0000-7000-8000-00000000000c',
  ];
  const club = '0190f0a0-0000-7000-8000-0000000000c1';

  it('puts an accepted followee in the follower’s circle, one way only, and takes them out when the follow ends', async () => {
    const { deliver, repos, handlers } = newTestConsumers();
    // A request grants nothing: gamification does not even listen to it.
    expect(handlers[events.followRequested(ann, cid).type]).toBeUndefined();
    await deliver(events.followAccepted(ann, bob));
    expect(await repos.circles.followeesOf(ann)).toEqual([bob]);
    expect(await repos.circles.followeesOf(bob)).toEqual([]);
    await deliver(events.followRemoved(ann, bob));
    expect(await repos.circles.followeesOf(ann)).toEqual([]);
  });

  it('leaves a blocked pair out of each other’s circle whoever blocked, until the block ends', async () => {
    const { deliver, repos } = newTestConsumers();
    await deliver(events.followAccepted(ann, bob));
    await deliver(events.followAccepted(bob, ann));
    // Social removes the follows on a block; these remain, and the block alone keeps the pair apart.
    await deliver(events.blocked(bob, ann));
    expect(await repos.circles.followeesOf(ann)).toEqual([]);
    expect(await repos.circles.followeesOf(bob)).toEqual([]);
    await deliver(events.unblocked(bob, ann));
    expect(await repos.circles.followeesOf(ann)).toEqual([bob]);
  });

  it('writes an event once however often it is delivered', async () => {
    const { deliver, repos, rows } = newTestConsumers();
    const accepted = events.followAccepted(ann, bob, '2026-11-20T10:00:00.000Z');
    await deliver(accepted);
    await deliver(events.followRemoved(ann, bob, '2026-11-20T11:00:00.000Z'));
    await deliver(accepted);
    expect(await repos.circles.followeesOf(ann)).toEqual([]);
    expect([...rows.follows.values()]).toEqual([{ on: false, at: new Date('2026-11-20T11:00:00.000Z') }]);
  });

  it('lets no older event undo a newer one delivered before it', async () => {
    const { deliver, repos } = newTestConsumers();
    await deliver(events.followRemoved(ann, bob, '2026-11-20T11:00:00.000Z'));
    await deliver(events.followAccepted(ann, bob, '2026-11-20T10:00:00.000Z'));
    expect(await repos.circles.followeesOf(ann)).toEqual([]);
    await deliver(events.clubLeft(club, cid, '2026-11-20T11:00:00.000Z'));
    await deliver(events.clubJoined(club, cid, '2026-11-20T10:00:00.000Z'));
    expect(await repos.circles.isClubMember(club, cid)).toBe(false);
  });

  it('keeps the members of a club as they join and leave', async () => {
    const { deliver, repos } = newTestConsumers();
    await deliver(events.clubJoined(club, ann));
    await deliver(events.clubJoined(club, bob));
    expect(await repos.circles.clubMembers(club)).toEqual([ann, bob]);
    await deliver(events.clubLeft(club, ann));
    expect(await repos.circles.clubMembers(club)).toEqual([bob]);
    expect(await repos.circles.isClubMember(club, ann)).toBe(false);
    await deliver(events.clubJoined(club, ann));
    expect(await repos.circles.isClubMember(club, ann)).toBe(true);
  });

  it('forgets every follow, block and membership of a deleted account, on both sides', async () => {
    const { deliver, repos, rows } = newTestConsumers();
    await deliver(events.followAccepted(ann, bob));
    await deliver(events.followAccepted(cid, ann));
    await deliver(events.followAccepted(cid, bob));
    await deliver(events.blocked(bob, ann));
    await deliver(events.clubJoined(club, ann));
    await deliver(events.clubJoined(club, cid));
    await deliver(events.userDeleted(ann));
    expect([...rows.follows.keys()]).toEqual([`${cid} ${bob}`]);
    expect(rows.blocks.size).toBe(0);
    expect(await repos.circles.clubMembers(club)).toEqual([cid]);
  });
});
