/**
 * Workflows end to end inside the context: events in, inbox items, groups, deliveries and what the worker
 * hands the channels — on each available database.
 */
import { v4 as uuidv4 } from 'uuid';
import { eventually } from '../../../../lib/testing/eventually';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { emailChanged, followed, gearWorn, kudos } from '../notifications.builders';
import { inTransaction } from '../../../../lib/db/unit-of-work';
import { createDeliveryWorker } from '../delivery/delivery-worker';
import { notificationsRepos } from '../notifications.repos';
import {
  anEvent,
  movableClock,
  openTestNotifications,
  recordingChannels,
  registered,
  type TestNotifications,
} from '../notifications.test-db';

const ann = uuidv4();

async function withNotifications(
  kind: 'pglite' | 'postgres',
  run: (n: TestNotifications, clock: ReturnType<typeof movableClock>) => Promise<void>,
) {
  const clock = movableClock('2026-12-01T12:00:00Z');
  const n = await openTestNotifications(kind, { clock });
  try {
    await n.deliver(registered(ann, 'Ann'));
    await run(n, clock);
  } finally {
    await n.close();
  }
}

const deliveriesOf = (n: TestNotifications, channel?: string) =>
  n.prisma.delivery.findMany({
    where: { userId: ann, ...(channel ? { channel } : {}) },
    orderBy: { createdAt: 'asc' },
  });

describe.each(availableDatabaseKinds())('notification workflows (%s)', (kind) => {
  it('groups 50 kudos on one workout into one item with a count of 50, and one push for the burst', async () => {
    await withNotifications(kind, async (n, clock) => {
      await n.devices.register(ann, { platform: 'ANDROID', token: 'phone-token' });
      const workoutId = uuidv4();
      const givers = Array.from({ length: 50 }, (_, i) => ({ id: uuidv4(), name: `Giver ${i + 1}` }));
      for (const giver of givers) await n.deliver(registered(giver.id, giver.name));
      const events = givers.map((giver) => {
        clock.advance(1_000);
        return kudos(ann, giver.id, workoutId, clock.now());
      });
      for (const event of events) await n.deliver(event);
      // Every event delivered a second time changes nothing.
      for (const event of events) await n.deliver(event);

      const page = await n.inbox.page(ann, 'INBOX', 10, null);
      expect(page.edges).toHaveLength(1);
      const item = page.edges[0]!.node;
      expect(item).toMatchObject({ workflow: 'kudos-received', count: 50, actorCount: 50, title: 'Kudos' });
      expect(item.body).toBe('Giver 50, Giver 49 and 48 others gave kudos to your Morning Run');
      expect(item.actorIds).toEqual(
        givers
          .slice(-8)
          .reverse()
          .map((g) => g.id),
      );
      expect(page.unreadCount).toBe(1);
      expect(await n.prisma.workflowRun.count({ where: { userId: ann } })).toBe(50);

      // The batch window (10 minutes from the first kudos) holds the push; then one push with the final count.
      await n.sendDue();
      expect(n.sent).toEqual([]);
      clock.set('2026-12-01T12:11:00Z');
      await n.sendDue();
      expect(n.sent).toHaveLength(1);
      expect(n.sent[0]).toMatchObject({ channel: 'PUSH', to: 'phone-token' });
      expect(n.sent[0]!.message.body).toBe('Giver 50, Giver 49 and 48 others gave kudos to your Morning Run');
      expect(n.sent[0]!.message.url).toBe(`http://localhost:4000/workouts/${workoutId}`);
      // SOCIAL email is off by default: logged once as skipped.
      expect((await deliveriesOf(n)).map((d) => [d.channel, d.status, d.reason])).toEqual([
        ['IN_APP', 'SENT', null],
        ['EMAIL', 'SKIPPED', 'social notifications are off by email by default'],
        ['PUSH', 'SENT', null],
      ]);
    });
  });

  it('a group stays open 12 hours: a later kudos starts a new item', async () => {
    await withNotifications(kind, async (n, clock) => {
      const workoutId = uuidv4();
      await n.deliver(kudos(ann, uuidv4(), workoutId, clock.now()));
      clock.advance(12 * 3_600_000 + 1_000);
      await n.deliver(kudos(ann, uuidv4(), workoutId, clock.now()));
      const page = await n.inbox.page(ann, 'INBOX', 10, null);
      expect(page.edges.map((e) => e.node.count)).toEqual([1, 1]);
    });
  });

  it('new followers group; a follow accepted after approval also tells the follower', async () => {
    await withNotifications(kind, async (n, clock) => {
      const bob = uuidv4();
      const cy = uuidv4();
      await n.deliver(registered(bob, 'Bob'));
      await n.deliver(registered(cy, 'Cy'));
      await n.deliver(followed(bob, ann, clock.now()));
      clock.advance(60_000);
      await n.deliver(followed(cy, ann, clock.now(), true));
      const [item] = (await n.inbox.page(ann, 'INBOX', 10, null)).edges.map((e) => e.node);
      expect(item).toMatchObject({
        workflow: 'new-follower',
        count: 2,
        body: 'Cy and Bob started following you',
      });
      const [forCy] = (await n.inbox.page(cy, 'INBOX', 10, null)).edges.map((e) => e.node);
      expect(forCy).toMatchObject({ workflow: 'follow-accepted', body: 'Ann accepted your follow request' });
      expect((await n.inbox.page(bob, 'INBOX', 10, null)).edges).toEqual([]);
    });
  });

  it('quiet hours across midnight: nothing pushed inside, exactly one push at their end; the inbox at once', async () => {
    await withNotifications(kind, async (n, clock) => {
      await n.deliver(registered(ann, 'Ann', 'Europe/Berlin'));
      await n.devices.register(ann, { platform: 'IOS', token: 'ios-token' });
      await n.settings.change(ann, { quietHours: { start: '22:00', end: '07:00' } });
      clock.set('2026-12-01T22:30:00Z'); // 23:30 in Berlin
      await n.deliver(gearWorn(ann, clock.now()));
      expect((await n.inbox.page(ann, 'INBOX', 10, null)).edges).toHaveLength(1);
      const [push] = await deliveriesOf(n, 'PUSH');
      expect(push).toMatchObject({ status: 'DEFERRED', reason: 'quiet hours until 07:00' });
      expect(push!.dueAt.toISOString()).toBe('2026-12-02T06:00:00.000Z');
      for (const time of ['2026-12-01T23:59:00Z', '2026-12-02T03:00:00Z', '2026-12-02T05:59:59Z']) {
        clock.set(time);
        await n.sendDue();
      }
      expect(n.sent.filter((s) => s.channel === 'PUSH')).toEqual([]);
      clock.set('2026-12-02T06:00:00Z');
      await n.sendDue();
      clock.set('2026-12-02T06:30:00Z');
      await n.sendDue();
      expect(n.sent.filter((s) => s.channel === 'PUSH')).toHaveLength(1);
      expect((await deliveriesOf(n, 'PUSH'))[0]).toMatchObject({ status: 'SENT' });
    });
  });

  it('quiet hours over the night clocks go back: deferred to 07:00 of the new offset', async () => {
    await withNotifications(kind, async (n, clock) => {
      await n.deliver(registered(ann, 'Ann', 'Europe/Berlin'));
      await n.devices.register(ann, { platform: 'ANDROID', token: 'android-token' });
      await n.settings.change(ann, { quietHours: { start: '22:00', end: '07:00' } });
      clock.set('2026-10-24T21:00:00Z'); // 23:00 CEST; clocks go back at 03:00 CEST
      await n.deliver(gearWorn(ann, clock.now()));
      clock.set('2026-10-25T05:59:00Z'); // 06:59 CET
      await n.sendDue();
      expect(n.sent).toEqual([]);
      clock.set('2026-10-25T06:00:00Z'); // 07:00 CET
      await n.sendDue();
      expect(n.sent.map((s) => s.channel).sort()).toEqual(['PUSH']);
    });
  });

  it('preferences: a workflow choice over the category choice; refused channels logged as skipped', async () => {
    await withNotifications(kind, async (n, clock) => {
      await n.deliver(emailChanged(ann, 'ann@example.com'));
      await n.devices.register(ann, { platform: 'ANDROID', token: 'a-token' });
      await n.settings.change(ann, {
        preferences: [
          { category: 'GEAR', channel: 'PUSH', enabled: false },
          { workflow: 'gear-worn', channel: 'EMAIL', enabled: false },
        ],
      });
      await n.deliver(gearWorn(ann, clock.now()));
      await n.sendDue();
      expect(n.sent).toEqual([]);
      expect((await deliveriesOf(n)).map((d) => [d.channel, d.status, d.reason])).toEqual([
        ['IN_APP', 'SENT', null],
        ['PUSH', 'SKIPPED', 'you turned off gear notifications by push'],
        ['EMAIL', 'SKIPPED', 'you turned off gear-worn by email'],
      ]);
      await expect(
        n.settings.change(ann, { preferences: [{ category: 'ACCOUNT', channel: 'EMAIL', enabled: false }] }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    });
  });

  it('email: sent when allowed; skipped when read in the app before it was due; the daily digest collects them', async () => {
    await withNotifications(kind, async (n, clock) => {
      await n.deliver(emailChanged(ann, 'ann@example.com'));
      await n.deliver(gearWorn(ann, clock.now()));
      await n.sendDue();
      expect(n.sent.map((s) => [s.channel, s.to, s.message.body])).toEqual([
        ['EMAIL', 'ann@example.com', 'Pegasus 40 reached 80 % of its life (640 km of 800 km)'],
      ]);
      // A follow request's email waits 30 minutes: read in the app by then, it is not sent.
      await n.settings.change(ann, {
        preferences: [{ category: 'SOCIAL', channel: 'EMAIL', enabled: true }],
      });
      const bob = uuidv4();
      await n.deliver(
        anEvent('social.follow.requested', {
          followerId: bob,
          followeeId: ann,
          requestedAt: clock.now().toISOString(),
        }),
      );
      await n.inbox.markAllRead(ann);
      clock.advance(31 * 60_000);
      await n.sendDue();
      expect(n.sent).toHaveLength(1);
      expect((await deliveriesOf(n, 'EMAIL')).at(-1)).toMatchObject({
        status: 'SKIPPED',
        reason: 'read in the app before the mail was due',
      });

      await n.settings.change(ann, { emailDigest: true });
      await n.deliver(gearWorn(ann, clock.now(), 100));
      await n.deliver(gearWorn(ann, clock.now(), 80));
      await n.sendDue();
      expect(n.sent).toHaveLength(1);
      clock.set('2026-12-02T08:00:00Z'); // 08:00 UTC, the account's zone
      await n.sendDue();
      expect(n.sent.at(-1)).toMatchObject({ channel: 'DIGEST', to: 'ann@example.com' });
      expect(n.sent.at(-1)!.items).toHaveLength(2);
      expect(n.sent).toHaveLength(2);
    });
  });

  it('a peer that cannot take it now is retried after its Retry-After; a gone token is deleted', async () => {
    const clock = movableClock('2026-12-01T12:00:00Z');
    const answers = new Map<
      string,
      { outcome: 'retry'; reason: string; retryAfterMs: number } | { outcome: 'gone'; reason: string }
    >([
      ['busy-token', { outcome: 'retry', reason: '429 Too Many Requests', retryAfterMs: 7_000 }],
      ['old-token', { outcome: 'gone', reason: 'UNREGISTERED' }],
    ]);
    const recording = recordingChannels((sent) => answers.get(sent.to) ?? { outcome: 'sent' });
    const m = await openTestNotifications(kind, { clock, channels: recording.channels });
    try {
      await m.deliver(registered(ann, 'Ann'));
      await m.devices.register(ann, { platform: 'ANDROID', token: 'busy-token' });
      await m.devices.register(ann, { platform: 'ANDROID', token: 'old-token' });
      await m.deliver(gearWorn(ann, clock.now()));
      await m.sendDue();
      const pushes = () => m.prisma.delivery.findMany({ where: { channel: 'PUSH' }, orderBy: { id: 'asc' } });
      expect((await pushes()).map((d) => [d.status, d.reason, d.attempts]).sort()).toEqual([
        ['DEFERRED', 'retrying: 429 Too Many Requests', 1],
        ['FAILED', 'UNREGISTERED', 1],
      ]);
      expect((await m.devices.list(ann)).map((d) => d.token)).toEqual(['busy-token']);
      clock.advance(6_000);
      await m.sendDue();
      expect(recording.sent).toHaveLength(2);
      clock.advance(1_000);
      answers.delete('busy-token');
      await m.sendDue();
      expect(recording.sent).toHaveLength(3);
      expect((await pushes()).map((d) => [d.status, d.attempts]).sort()).toEqual([
        ['FAILED', 1],
        ['SENT', 2],
      ]);
    } finally {
      await m.close();
    }
  });

  it('a worker killed mid-batch: what it had not sent goes once, by the next worker, after its lease', async () => {
    const clock = movableClock('2026-12-01T12:00:00Z');
    let calls = 0;
    // The dying worker's third push never returns (its process is gone): the other nine are settled.
    const dying = recordingChannels(() =>
      ++calls === 3 ? new Promise<never>(() => undefined) : { outcome: 'sent' },
    );
    const n = await openTestNotifications(kind, { clock, channels: dying.channels });
    try {
      await n.deliver(registered(ann, 'Ann'));
      await n.devices.register(ann, { platform: 'ANDROID', token: 'phone' });
      for (let i = 0; i < 10; i++) await n.deliver(gearWorn(ann, clock.now()));
      void n.worker.processDue();
      await eventually(async () =>
        expect(await n.prisma.delivery.count({ where: { channel: 'PUSH', status: 'SENT' } })).toBe(9),
      );
      const lost = dying.sent[2]!.message.notificationId;

      const next = recordingChannels();
      const worker = createDeliveryWorker({
        repos: n.repos,
        inTransaction: inTransaction(n.prisma, notificationsRepos),
        channels: next.channels,
        clock,
        appUrl: 'http://localhost:4000',
        isLive: async () => false,
      });
      await worker.processDue();
      expect(next.sent).toEqual([]); // still claimed by the dead worker
      clock.advance(61_000);
      while (await worker.processDue());
      expect(next.sent.map((s) => s.message.notificationId)).toEqual([lost]);
      const delivered = [...dying.sent.filter((_, i) => i !== 2), ...next.sent].map(
        (s) => s.message.notificationId,
      );
      expect(new Set(delivered).size).toBe(10);
      expect(delivered).toHaveLength(10);
      expect(await n.prisma.delivery.count({ where: { channel: 'PUSH', status: 'SENT' } })).toBe(10);
    } finally {
      await n.close();
    }
  });

  it('push devices unseen for 270 days expire; one registered again stays', async () => {
    await withNotifications(kind, async (n, clock) => {
      const old = await n.devices.register(ann, { platform: 'ANDROID', token: 'old-phone' });
      await n.devices.register(ann, {
        platform: 'WEB',
        webPush: { endpoint: 'https://push.example/a', p256dh: 'BPk', auth: 'c2VjcmV0' },
      });
      clock.advance(200 * 86_400_000);
      await n.devices.register(ann, {
        platform: 'WEB',
        webPush: { endpoint: 'https://push.example/a', p256dh: 'BPk', auth: 'c2VjcmV0' },
      });
      clock.advance(71 * 86_400_000);
      expect(await n.devices.expire()).toBe(1);
      expect((await n.devices.list(ann)).map((d) => d.platform)).toEqual(['WEB']);
      expect(await n.devices.unregister(ann, old.id)).toBe(false);
    });
  });

  it("forgets a deleted user: their inbox, devices and settings; their part in others' groups", async () => {
    await withNotifications(kind, async (n, clock) => {
      const bob = uuidv4();
      const cy = uuidv4();
      await n.deliver(registered(bob, 'Bob'));
      await n.deliver(registered(cy, 'Cy'));
      const workoutId = uuidv4();
      await n.deliver(kudos(ann, bob, workoutId, clock.now()));
      clock.advance(1_000);
      await n.deliver(kudos(ann, cy, workoutId, clock.now()));
      await n.deliver(kudos(cy, bob, uuidv4(), clock.now()));
      await n.devices.register(bob, { platform: 'ANDROID', token: 'bob-phone' });
      await n.settings.change(bob, { commercialOptOut: true });

      await n.deliver(
        anEvent('identity.user.deleted', { userId: bob, deletedAt: clock.now().toISOString() }),
      );
      const [annItem] = (await n.inbox.page(ann, 'INBOX', 10, null)).edges.map((e) => e.node);
      expect(annItem).toMatchObject({
        count: 1,
        actorCount: 1,
        actorIds: [cy],
        body: 'Cy gave kudos to your Morning Run',
      });
      expect((await n.inbox.page(cy, 'INBOX', 10, null)).edges).toEqual([]);
      for (const table of ['recipient', 'preference', 'pushDevice', 'workflowRun'] as const) {
        expect(
          await (n.prisma[table] as { count(a: object): Promise<number> }).count({ where: { userId: bob } }),
        ).toBe(0);
      }
      expect(await n.prisma.notificationActor.count({ where: { actorId: bob } })).toBe(0);
      expect(await n.prisma.delivery.count({ where: { userId: cy } })).toBe(0);
    });
  });
});
