/**
 * Push devices: register (an FCM token for ANDROID and IOS, a Web Push subscription for WEB), list,
 * unregister; devices unseen for 270 days expire (FCM's own advice for stale tokens).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../../../lib/clock';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { checkedId } from '../../../../lib/graphql/checked-id';
import type { NotificationsRepos } from '../notifications.repos';
import type { PushDeviceRecord, PushPlatform } from './push-device.repo';

export const DEVICE_EXPIRY_DAYS = 270;
const DAY_MS = 86_400_000;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export interface PushDeviceInput {
  platform: PushPlatform;
  token?: string | null;
  webPush?: { endpoint: string; p256dh: string; auth: string } | null;
  appVersion?: string | null;
}

function registration(input: PushDeviceInput) {
  if (input.platform === 'WEB') {
    const sub = input.webPush;
    if (!sub || input.token != null) {
      throw new BadUserInputError('input', 'A WEB device gives its webPush subscription and no token.');
    }
    if (!URL.canParse(sub.endpoint) || new URL(sub.endpoint).protocol !== 'https:') {
      throw new BadUserInputError(
        'input.webPush.endpoint',
        'webPush.endpoint must be an https URL (the push service).',
      );
    }
    if (!BASE64URL.test(sub.p256dh) || !BASE64URL.test(sub.auth)) {
      throw new BadUserInputError(
        'input.webPush',
        'webPush.p256dh and auth must be URL-safe base64 (PushSubscription.toJSON()).',
      );
    }
    return { token: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth };
  }
  const token = input.token?.trim();
  if (!token || input.webPush != null) {
    throw new BadUserInputError(
      'input.token',
      `An ${input.platform} device gives its FCM registration token and no webPush.`,
    );
  }
  return { token, p256dh: null, auth: null };
}

export type PushDeviceService = ReturnType<typeof createPushDeviceService>;

export function createPushDeviceService(deps: { repos: NotificationsRepos; clock: Clock }) {
  const { repos, clock } = deps;
  return {
    async register(userId: string, input: PushDeviceInput): Promise<PushDeviceRecord> {
      const device = registration(input);
      return repos.devices.register(
        {
          id: uuidv7(),
          userId,
          platform: input.platform,
          appVersion: input.appVersion?.trim() || null,
          ...device,
        },
        clock.now(),
      );
    },
    list: (userId: string) => repos.devices.ofUser(userId),
    unregister: (userId: string, id: string) => repos.devices.remove(checkedId('id', id, 'a device'), userId),
    expire: () => repos.devices.expire(new Date(clock.now().getTime() - DEVICE_EXPIRY_DAYS * DAY_MS)),
  };
}
