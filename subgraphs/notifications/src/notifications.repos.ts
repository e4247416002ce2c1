/**
 * The notifications context's repositories, bound to one transaction (or to the client, for single reads):
 * the one `reposOf` that services get through `inTransaction` and consumers through `consumingOnce`.
 */
import { createDeliveryRepo } from './delivery/delivery.repo';
import { createPushDeviceRepo } from './devices/push-device.repo';
import { createNotificationRepo } from './inbox/notification.repo';
import type { NotificationsTx } from './notifications.prisma';
import { createPreferenceRepo } from './preferences/preference.repo';
import { createRecipientRepo } from './recipients/recipient.repo';
import { createWorkflowRunRepo } from './workflows/workflow-run.repo';

export function notificationsRepos(tx: NotificationsTx) {
  return {
    recipients: createRecipientRepo(tx),
    preferences: createPreferenceRepo(tx),
    notifications: createNotificationRepo(tx),
    runs: createWorkflowRunRepo(tx),
    deliveries: createDeliveryRepo(tx),
    devices: createPushDeviceRepo(tx),
  };
}

export type NotificationsRepos = ReturnType<typeof notificationsRepos>;
