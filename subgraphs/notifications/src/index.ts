/**
 * The notifications context: workflows started by other contexts' events write the in-app inbox (grouped,
 * live through `notificationReceived`) and queue email and push, which a worker sends as each recipient's
 * preferences, quiet hours and digest allow, keeping a delivery log. Fed only by events.
 */
import { defineContext, schemaBeside, type ContextRuntime } from '../../../lib/context/context-descriptor';
import { startPollingWorker } from '../../../lib/async/polling-worker';
import { consumingOnce, inTransaction } from '../../../lib/db/unit-of-work';
import { createPubSub } from '../../../lib/pubsub/create-pubsub';
import { createInProcessPubSub } from '../../../lib/pubsub/in-process-pubsub';
import { createChannelAdapters } from './delivery/channel-adapters';
import { createDeliveryWorker } from './delivery/delivery-worker';
import { createPushDeviceService } from './devices/push-device.service';
import { createInboxService } from './inbox/inbox.service';
import { NOTIFICATIONS_CONSUMER, notificationsConsumers } from './notifications.consumers';
import { notificationsHttpRoutes } from './notifications.http-routes';
import { createNotificationsPrisma, type NotificationsPrisma } from './notifications.prisma';
import { notificationsRepos } from './notifications.repos';
import { createSettingsService } from './preferences/settings.service';
import { unsubscribeRoutes } from './recipients/unsubscribe.http';
import { createResolvers } from './resolvers';

/** Devices unseen for 270 days are looked for twice a day. */
const DEVICE_EXPIRY_EVERY_MS = 12 * 3_600_000;

async function notificationsParts({
  db,
  config,
  logger,
  clock,
  hold,
  serving,
}: ContextRuntime<NotificationsPrisma>) {
  const repos = notificationsRepos(db);
  const unitOfWork = inTransaction(db, notificationsRepos);
  // A replay tells no one live: nobody subscribes to its process.
  const pubsub = serving ? createPubSub(config, logger) : createInProcessPubSub();
  hold(() => pubsub.close());
  const adapters = await createChannelAdapters(config);
  hold(() => adapters.close());
  const inbox = createInboxService({ repos, inTransaction: unitOfWork, pubsub, clock, logger });
  const worker = createDeliveryWorker({
    repos,
    inTransaction: unitOfWork,
    channels: adapters.channels,
    clock,
    appUrl: config.notifications.appUrl,
    isLive: inbox.isLive,
  });
  let wakeWorker = (): void => undefined;
  return {
    repos,
    inbox,
    worker,
    adapters,
    settings: createSettingsService({ repos, inTransaction: unitOfWork }),
    devices: createPushDeviceService({ repos, clock }),
    wakeWorker: () => wakeWorker(),
    wakeWorkerWith: (wake: () => void) => void (wakeWorker = wake),
  };
}

export const notificationsContext = defineContext<
  NotificationsPrisma,
  Awaited<ReturnType<typeof notificationsParts>>
>({
  name: 'notifications',
  typeDefs: schemaBeside(__dirname),
  createClient: createNotificationsPrisma,
  publishes: [],
  parts: notificationsParts,
  consumers: ({ inbox, wakeWorker }, { db, clock }) =>
    notificationsConsumers({
      // One event may write for many recipients (a broadcast): its transaction may take a while.
      consumeOnce: consumingOnce(db, NOTIFICATIONS_CONSUMER, notificationsRepos, {
        maxWait: 10_000,
        timeout: 120_000,
      }),
      clock,
      announce: inbox.announce,
      wakeWorker,
    }),
  // The delivery worker sends what is due (woken when an event queued something, and every few seconds).
  start: ({ worker, devices, adapters, wakeWorkerWith }, { config, logger, hold }) => {
    for (const line of adapters.describe()) logger.info(line);
    const loop = startPollingWorker({
      processNext: worker.processDue,
      logger,
      what: 'notification delivery',
      pollMs: config.notifications.workerPollMs,
    });
    wakeWorkerWith(loop.wake);
    const expiry = setInterval(() => {
      devices.expire().catch((err: unknown) => logger.warn({ err }, 'expiring push devices failed'));
    }, DEVICE_EXPIRY_EVERY_MS);
    expiry.unref();
    hold(async () => {
      clearInterval(expiry);
      await loop.stop();
    });
  },
  resolvers: ({ inbox, settings, devices, repos, adapters }) =>
    createResolvers({
      inbox,
      settings,
      devices,
      deliveries: repos.deliveries,
      deviceRecords: repos.devices,
      webPushPublicKey: adapters.webPushPublicKey,
    }),
  http: {
    routes: notificationsHttpRoutes,
    mount: (app, { repos }, { logger }) =>
      unsubscribeRoutes({
        logger,
        isKnown: async (token) => (await repos.recipients.byUnsubscribeToken(token)) !== null,
        optOut: async (token) => {
          const recipient = await repos.recipients.byUnsubscribeToken(token);
          if (!recipient) return false;
          await repos.recipients.change(recipient.userId, { commercialOptOut: true });
          return true;
        },
      })(app),
  },
});
