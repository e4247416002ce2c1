/**
 * The notifications context on a throw-away database, wired by its descriptor (index.ts), for tests and the
 * bench: events handed to its consumers, a delivery worker whose channels a test chooses (recording ones by
 * default), a clock the test moves, and a data directory of its own (mail files, VAPID keys).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../lib/clock';
import { loadConfig } from '../../../lib/config/config';
import { inTransaction } from '../../../lib/db/unit-of-work';
import type { AnyEvent } from '../../../lib/events/envelope';
import type { EventData, EventType } from '../../../lib/events/registry';
import { testContextRuntime } from '../../../lib/testing/context-runtime';
import { movableClock } from '../../../lib/testing/movable-clock';
import { anEvent as testEvent } from '../../../lib/testing/test-events';
import { openTestContextDatabase, type TestDatabaseKind } from '../../../lib/testing/test-databases';
import type { ChannelMessage, SendOutcome } from './channels/channel-message';
import type { DeliveryChannels } from './delivery/delivery-channels';
import { createDeliveryWorker } from './delivery/delivery-worker';
import type { PushDeviceRecord } from './devices/push-device.repo';
import { notificationsContext } from '.';
import { notificationsRepos } from './notifications.repos';

export { movableClock };

export interface SentMessage {
  channel: 'EMAIL' | 'DIGEST' | 'PUSH';
  to: string;
  message: ChannelMessage;
  /** The digest's items. */
  items?: ChannelMessage[];
  unsubscribeUrl?: string | null;
}

/** Channels that record what they are handed and answer `answer(...)` (sent by default). */
export function recordingChannels(
  answer: (sent: SentMessage) => SendOutcome | Promise<SendOutcome> = () => ({ outcome: 'sent' }),
) {
  const sent: SentMessage[] = [];
  const record = (entry: SentMessage) => {
    sent.push(entry);
    return answer(entry);
  };
  const channels: DeliveryChannels = {
    email: async ({ to, message, unsubscribeUrl }) =>
      record({ channel: 'EMAIL', to, message, unsubscribeUrl }),
    digest: async ({ to, items }) =>
      record({ channel: 'DIGEST', to, message: items[0]!.message, items: items.map((i) => i.message) }),
    push: async (device: PushDeviceRecord, message) => record({ channel: 'PUSH', to: device.token, message }),
  };
  return { channels, sent };
}

export type TestNotifications = Awaited<ReturnType<typeof openTestNotifications>>;

export async function openTestNotifications(
  kind: TestDatabaseKind,
  options: { clock?: Clock; channels?: DeliveryChannels; env?: Record<string, string> } = {},
) {
  const clock = options.clock ?? movableClock('2026-12-01T12:00:00Z');
  const dataDir = await mkdtemp(join(tmpdir(), 'pulse-notifications-'));
  const db = await openTestContextDatabase(kind, 'notifications', notificationsContext.createClient);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  const runtime = testContextRuntime('notifications', db.client, { clock, config });
  const parts = await notificationsContext.parts(runtime);
  const handlers = notificationsContext.consumers!(parts, runtime);
  const recording = recordingChannels();
  const channels = options.channels ?? recording.channels;
  const worker = createDeliveryWorker({
    repos: parts.repos,
    inTransaction: inTransaction(db.client, notificationsRepos),
    channels,
    clock,
    appUrl: config.notifications.appUrl,
    isLive: parts.inbox.isLive,
  });
  return {
    prisma: db.client,
    dataDir,
    clock,
    parts,
    repos: parts.repos,
    inbox: parts.inbox,
    settings: parts.settings,
    devices: parts.devices,
    /** What the recording channels were handed (when the test did not bring channels). */
    sent: recording.sent,
    /** Hands an event to its handler, as the consumer does. */
    async deliver(event: AnyEvent): Promise<void> {
      const handler = handlers[event.type] as ((e: AnyEvent) => Promise<void>) | undefined;
      if (!handler) throw new Error(`notifications does not handle ${event.type}`);
      await handler(event);
    },
    /** Runs the worker until nothing more is due now. */
    async sendDue(): Promise<void> {
      while (await worker.processDue());
    },
    worker,
    close: async () => {
      await runtime.release();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An event as its publisher would write it, at the test clock's time or `at`. */
export const anEvent = <T extends EventType>(type: T, data: EventData<T>, at = new Date()): AnyEvent =>
  testEvent(type, data, at) as AnyEvent;

/** A user notifications knows by name (identity.user.registered). */
export const registered = (userId: string, displayName: string, timeZone = 'UTC') =>
  anEvent('identity.user.registered', {
    userId,
    displayName,
    registeredAt: '2026-11-01T00:00:00.000Z',
    timeZone,
  });
