/**
 * The push channel: routes a phone (ANDROID, IOS) to FCM and a browser (WEB) to Web Push. A sender
 * whose credentials are not configured answers `failed` with the settings to set, so the rest of the
 * channel still works without it.
 */
import type { SendOutcome } from '../channels/channel-message';
import { createFcmSender, type FcmOptions } from './fcm-sender';
import type { PushSender } from './push-target';
import { createWebPushSender, type WebPushOptions } from './web-push-sender';

export interface PushSendersOptions {
  fcm: FcmOptions | null;
  webPush: WebPushOptions | null;
}

export function createPushSenders({ fcm, webPush }: PushSendersOptions): PushSender {
  const fcmSender = fcm
    ? createFcmSender(fcm)
    : notConfigured('FCM is not configured (FCM_PROJECT_ID and FCM_CREDENTIALS)');
  const webPushSender = webPush
    ? createWebPushSender(webPush)
    : notConfigured('Web Push is not configured (no VAPID keys)');
  return {
    configured: fcmSender.configured || webPushSender.configured,
    send: (target, message, data) =>
      target.platform === 'WEB'
        ? webPushSender.send(target, message, data)
        : fcmSender.send(target, message, data),
    describe: () => `push: ${fcmSender.describe()}; ${webPushSender.describe()}`,
  };
}

function notConfigured(reason: string): PushSender {
  const outcome: SendOutcome = { outcome: 'failed', reason };
  return { configured: false, send: async () => outcome, describe: () => reason };
}
