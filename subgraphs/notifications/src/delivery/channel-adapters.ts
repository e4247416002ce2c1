/**
 * The email and push channels as configured: SMTP (SMTP_URL) or .eml files under DATA_DIR/mail; FCM
 * (FCM_PROJECT_ID + FCM_CREDENTIALS) for phones; Web Push with VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, or —
 * without them — a key pair generated once and kept under DATA_DIR/notifications (the embedded mode: give
 * every replica the same keys in services mode, or browsers' subscriptions break between them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../../lib/config/config';
import { dataDirOf } from '../../../../lib/db/database-target';
import { composeMail, messageIdOf } from '../email/compose-mail';
import { renderDigest } from '../email/email-templates';
import { createMailTransport } from '../email/mail-transport';
import type { PushDeviceRecord } from '../devices/push-device.repo';
import type { ServiceAccount } from '../push/fcm-access-token';
import { createPushSenders } from '../push/push-senders';
import type { PushTarget } from '../push/push-target';
import { loadOrCreateVapidKeys } from '../push/vapid-keys';
import type { DeliveryChannels } from './delivery-channels';

/** The service account of FCM_CREDENTIALS: the JSON itself, or the path of its file. */
function serviceAccountOf(credentials: string): ServiceAccount {
  const text = credentials.trimStart().startsWith('{') ? credentials : readFileSync(credentials, 'utf8');
  const parsed = JSON.parse(text) as Partial<ServiceAccount>;
  if (typeof parsed.client_email !== 'string' || typeof parsed.private_key !== 'string') {
    throw new Error('FCM_CREDENTIALS: a service account key needs client_email and private_key.');
  }
  return { client_email: parsed.client_email, private_key: parsed.private_key, token_uri: parsed.token_uri };
}

const targetOf = (device: PushDeviceRecord): PushTarget =>
  device.platform === 'WEB'
    ? {
        platform: 'WEB',
        endpoint: device.token,
        keys: { p256dh: device.p256dh ?? '', auth: device.auth ?? '' },
      }
    : { platform: device.platform, token: device.token };

export async function createChannelAdapters(config: Config) {
  const { appUrl, smtpUrl, mailFrom, fcm, vapid } = config.notifications;
  const dataDir = dataDirOf(config);
  const mail = createMailTransport({ smtpUrl, mailDir: join(dataDir, 'mail') });
  const keys =
    vapid.publicKey && vapid.privateKey
      ? { publicKey: vapid.publicKey, privateKey: vapid.privateKey }
      : await loadOrCreateVapidKeys(join(dataDir, 'notifications', 'vapid.json'));
  if (fcm && !fcm.credentials)
    throw new Error('FCM_PROJECT_ID is set without FCM_CREDENTIALS (a service account key).');
  const push = createPushSenders({
    fcm: fcm
      ? { projectId: fcm.projectId, serviceAccount: serviceAccountOf(fcm.credentials!), baseUrl: fcm.baseUrl }
      : null,
    webPush: { vapid: { ...keys, subject: vapid.subject } },
  });
  const links = { appUrl, preferencesUrl: `${appUrl}/settings/notifications` };

  const channels: DeliveryChannels = {
    email: ({ message, to, recipientName, deliveryId, unsubscribeUrl }) =>
      mail.send(
        composeMail({
          message,
          to,
          from: mailFrom,
          recipientName,
          deliveryId,
          links: { ...links, unsubscribeUrl },
        }),
      ),
    digest: ({ to, recipientName, deliveryId, timeZone, items }) => {
      const { subject, text, html } = renderDigest({ recipientName, items, timeZone, ...links });
      const messageId = messageIdOf(items[0]!.message.notificationId, deliveryId);
      return mail.send({ to, from: mailFrom, subject, text, html, messageId, headers: {} });
    },
    push: (device, message) => push.send(targetOf(device), message),
  };
  return {
    channels,
    webPushPublicKey: keys.publicKey,
    describe: () => [mail.describe(), push.describe()],
    close: () => mail.close(),
  };
}
