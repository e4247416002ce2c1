/**
 * Notifications through the gateway: an achievement (gamification's event of a finished workout) reaches
 * the athlete's inbox, their live `notificationReceived` subscription and — as they chose — their mail at a
 * real SMTP server; settings and devices; and nobody else can read any of it.
 */
import { simpleParser } from 'mailparser';
import { eventually } from '../lib/testing/eventually';
import {
  startSmtpTestServer,
  type SmtpTestServer,
} from '../subgraphs/notifications/src/email/smtp-test-server';
import {
  ArchiveNotificationDocument,
  LogManualDocument,
  MarkAllNotificationsReadDocument,
  MarkNotificationsReadDocument,
  MyInboxDocument,
  MyNotificationSettingsDocument,
  NotificationWorkflowsDocument,
  OthersNotificationsDocument,
  RegisterPushDeviceDocument,
  UnregisterPushDeviceDocument,
  UpdateNotificationSettingsDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { liveSubscription } from './support/live-subscription';
import { errorCodes, startTestPlatform, type TestPlatform } from './support/test-platform';

let smtp: SmtpTestServer;
let platform: TestPlatform;
const pulse = () => platform;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  platform = await startTestPlatform({ SMTP_URL: smtp.url, NOTIFICATIONS_WORKER_POLL_MS: '50' });
});
afterAll(async () => {
  await platform?.close();
  await smtp?.close();
});

const RECEIVED = /* GraphQL */ `
  subscription {
    notificationReceived {
      id
      workflow
      title
      body
      count
      read
    }
  }
`;

const liveInbox = (token: string) =>
  liveSubscription<{ workflow: string; body: string }>(pulse(), token, RECEIVED, 'notificationReceived');

const logRun = (token: string) =>
  pulse().send(
    LogManualDocument,
    {
      input: {
        sport: 'RUN',
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
        durationSeconds: 1_800,
        distanceMeters: 5_000,
        visibility: 'PUBLIC',
      },
    },
    token,
  );

describe('notifications through the gateway', () => {
  it('an achievement reaches the inbox and the live subscription; mail is skipped while the athlete watches', async () => {
    const ann = await anAthlete(pulse(), 'Ann Notified');
    const chosen = await pulse().send(
      UpdateNotificationSettingsDocument,
      { input: { preferences: [{ category: 'ACTIVITY', channel: 'EMAIL', enabled: true }] } },
      ann.accessToken,
    );
    expect(chosen.data!.updateNotificationSettings.preferences).toContainEqual({
      category: 'ACTIVITY',
      workflow: null,
      channel: 'EMAIL',
      enabled: true,
      chosen: true,
    });
    const live = liveInbox(ann.accessToken);
    try {
      // The subscription is open once the gateway has it; the run is logged after.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await logRun(ann.accessToken)).errors).toBeUndefined();

      await eventually(
        () => expect(live.received.map((n) => n.workflow)).toContain('achievement-unlocked'),
        20_000,
      );
      // One run unlocks several things (achievements, a level), each its own event: wait until every item
      // the inbox holds was also received live, and nothing more came for a moment.
      const unread = async () =>
        (await pulse().send(MyInboxDocument, {}, ann.accessToken)).data!.me.unreadNotificationCount!;
      await eventually(async () => {
        const count = await unread();
        expect(live.received).toHaveLength(count);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await unread()).toBe(count);
      }, 20_000);
      const inbox = await pulse().send(MyInboxDocument, {}, ann.accessToken);
      const items = inbox.data!.me.notifications!.edges.map((e) => e.node);
      const achievement = items.find((n) => n.workflow === 'achievement-unlocked')!;
      expect(achievement).toMatchObject({
        category: 'ACTIVITY',
        title: 'Achievement unlocked',
        read: false,
        actors: [],
      });
      expect(achievement.body).toMatch(/^You unlocked “.+”$/);
      expect(inbox.data!.me.unreadNotificationCount).toBe(items.length);

      // Email: the ACTIVITY choice lets it through, but the athlete watched it arrive live: no mail.
      const deliveries = async () =>
        (await pulse().send(MyInboxDocument, {}, ann.accessToken))
          .data!.me.notifications!.edges.map((e) => e.node)
          .find((n) => n.id === achievement.id)!.deliveries;
      await eventually(async () => {
        expect((await deliveries()).find((d) => d.channel === 'EMAIL')).toEqual({
          channel: 'EMAIL',
          status: 'SKIPPED',
          reason: 'shown live in the app',
        });
      }, 20_000);
      expect(smtp.received.filter((m) => m.to.includes(ann.email))).toEqual([]);
      expect((await deliveries()).map((d) => [d.channel, d.status])).toContainEqual(['PUSH', 'SKIPPED']);

      const read = await pulse().send(
        MarkNotificationsReadDocument,
        { ids: [achievement.id] },
        ann.accessToken,
      );
      expect(read.data!.markNotificationsRead).toBe(items.length - 1);
      await pulse().send(MarkAllNotificationsReadDocument, {}, ann.accessToken);
      const archived = await pulse().send(
        ArchiveNotificationDocument,
        { id: achievement.id },
        ann.accessToken,
      );
      expect(archived.data!.archiveNotification).toMatchObject({
        read: true,
        archivedAt: expect.any(String),
      });
      const after = await pulse().send(MyInboxDocument, { filter: 'ARCHIVED' }, ann.accessToken);
      expect(after.data!.me.notifications!.edges.map((e) => e.node.id)).toEqual([achievement.id]);
      expect(
        (await pulse().send(MyInboxDocument, {}, ann.accessToken)).data!.me.unreadNotificationCount,
      ).toBe(0);
    } finally {
      live.close();
    }
  });

  it('mails an athlete who is not watching the inbox, through the real SMTP server', async () => {
    const bo = await anAthlete(pulse(), 'Bo <Mailed> & Co');
    await pulse().send(
      UpdateNotificationSettingsDocument,
      { input: { preferences: [{ workflow: 'achievement-unlocked', channel: 'EMAIL', enabled: true }] } },
      bo.accessToken,
    );
    await logRun(bo.accessToken);
    await eventually(() => expect(smtp.received.some((m) => m.to.includes(bo.email))).toBe(true), 30_000);
    const mail = await simpleParser(smtp.received.find((m) => m.to.includes(bo.email))!.raw);
    expect(mail.subject).toMatch(/unlocked/i);
    expect(mail.text).toMatch(/You unlocked “.+”/);
    expect(mail.html).toContain('Bo &lt;Mailed&gt; &amp; Co');
    expect(mail.headers.get('list-unsubscribe')).toBeUndefined();
    expect(mail.messageId).toMatch(/@pulse\.local>$/);
    // The delivery log's counters, on /metrics.
    const metrics = await (await fetch(`${pulse().gatewayOrigin}/metrics`)).text();
    expect(metrics).toMatch(/pulse_notification_deliveries_total\{channel="EMAIL",status="SENT"\} [1-9]/);
  });

  it('settings and devices: quiet hours, read-only defaults, push devices; bad input answered clearly', async () => {
    const cy = await anAthlete(pulse(), 'Cy Settings');
    const set = await pulse().send(
      UpdateNotificationSettingsDocument,
      { input: { quietHours: { start: '22:30', end: '06:45' }, emailDigest: true } },
      cy.accessToken,
    );
    expect(set.data!.updateNotificationSettings).toMatchObject({
      quietHours: { start: '22:30', end: '06:45', timeZone: 'UTC' },
      emailDigest: true,
    });
    for (const input of [
      { quietHours: { start: '25:00', end: '06:00' } },
      { quietHours: { start: '06:00', end: '06:00' } },
      { preferences: [{ category: 'ACCOUNT' as const, channel: 'EMAIL' as const, enabled: false }] },
      { preferences: [{ workflow: 'no-such-workflow', channel: 'PUSH' as const, enabled: false }] },
      { preferences: [{ channel: 'PUSH' as const, enabled: false }] },
    ]) {
      expect(
        errorCodes(await pulse().send(UpdateNotificationSettingsDocument, { input }, cy.accessToken)),
      ).toEqual(['BAD_USER_INPUT']);
    }
    const phone = await pulse().send(
      RegisterPushDeviceDocument,
      { input: { platform: 'ANDROID', token: 'fcm-token-of-cy', appVersion: '2.1.0' } },
      cy.accessToken,
    );
    expect(phone.data!.registerPushDevice).toMatchObject({ platform: 'ANDROID', appVersion: '2.1.0' });
    const badWeb = await pulse().send(
      RegisterPushDeviceDocument,
      {
        input: {
          platform: 'WEB',
          webPush: { endpoint: 'http://push.example/x', p256dh: 'abc', auth: 'def' },
        },
      },
      cy.accessToken,
    );
    expect(errorCodes(badWeb)).toEqual(['BAD_USER_INPUT']);
    const settings = await pulse().send(MyNotificationSettingsDocument, {}, cy.accessToken);
    expect(settings.data!.me.pushDevices!.map((d) => d.platform)).toEqual(['ANDROID']);
    expect(settings.data!.me.notificationSettings!.preferences).toContainEqual({
      category: 'ACCOUNT',
      workflow: null,
      channel: 'EMAIL',
      enabled: true,
      editable: false,
      chosen: false,
    });
    const removed = await pulse().send(
      UnregisterPushDeviceDocument,
      { id: phone.data!.registerPushDevice.id },
      cy.accessToken,
    );
    expect(removed.data!.unregisterPushDevice).toBe(true);

    const catalogue = await pulse().send(NotificationWorkflowsDocument, {});
    expect(catalogue.data!.notificationWorkflows).toContainEqual({
      name: 'kudos-received',
      category: 'SOCIAL',
      critical: false,
      trigger: 'social.kudos.given',
      steps: ['in-app', 'batch 10m', 'push', 'email'],
      groupHours: 12,
    });
    expect(catalogue.data!.webPushPublicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
  });

  it("authorization: nobody reads or changes another athlete's inbox, settings, devices or log", async () => {
    const owner = await anAthlete(pulse(), 'Owner Dee');
    const other = await anAthlete(pulse(), 'Other Eve');
    await logRun(owner.accessToken);
    const ownInbox = async () =>
      (await pulse().send(MyInboxDocument, {}, owner.accessToken)).data!.me.notifications!.edges;
    await eventually(async () => expect((await ownInbox()).length).toBeGreaterThan(0), 20_000);
    const itemId = (await ownInbox())[0]!.node.id;
    const board = { metric: 'DISTANCE' as const, period: 'ALL_TIME' as const };

    // Another athlete, and the owner through the same path: only the owner's own fields are filled.
    await eventually(async () => {
      const seen = await pulse().send(OthersNotificationsDocument, { board }, other.accessToken);
      const entry = seen.data!.leaderboard.edges.find((e) => e.node.athlete.id === owner.user.id)!;
      expect(entry.node.athlete).toEqual({
        id: owner.user.id,
        notifications: null,
        unreadNotificationCount: null,
        notificationSettings: null,
        pushDevices: null,
        notificationDeliveries: null,
      });
    }, 20_000);
    const bySelf = await pulse().send(OthersNotificationsDocument, { board }, owner.accessToken);
    const self = bySelf.data!.leaderboard.edges.find((e) => e.node.athlete.id === owner.user.id)!.node
      .athlete;
    expect(self.unreadNotificationCount).toBeGreaterThan(0);
    expect(self.pushDevices).toEqual([]);

    // Mutations act on the caller's own items only.
    expect(
      errorCodes(await pulse().send(ArchiveNotificationDocument, { id: itemId }, other.accessToken)),
    ).toEqual(['NOT_FOUND']);
    expect(
      (await pulse().send(MarkNotificationsReadDocument, { ids: [itemId] }, other.accessToken)).data!
        .markNotificationsRead,
    ).toBe(0);
    expect((await ownInbox())[0]!.node.read).toBe(false);

    // Anonymous: refused before any subgraph.
    expect(errorCodes(await pulse().send(MyInboxDocument, {}))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await pulse().send(MarkAllNotificationsReadDocument, {}))).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(await pulse().send(ArchiveNotificationDocument, { id: 'not-a-uuid' }, owner.accessToken)),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('the unsubscribe link needs no access token on the gateway and refuses an unknown token', async () => {
    const response = await fetch(
      `${pulse().gatewayOrigin}/notifications/unsubscribe?token=00000000-0000-4000-8000-000000000000`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      },
    );
    expect(response.status).toBe(404);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('NOT_FOUND');
  });
});
