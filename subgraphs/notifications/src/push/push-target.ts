/**
 * Where a push goes and the port every push sender implements. A phone is an FCM registration token
 * (FCM delivers to iOS through APNs for us); a browser is its PushSubscription (endpoint + keys).
 */
import type { ChannelMessage, SendOutcome } from '../channels/channel-message';

export type PushPlatform = 'ANDROID' | 'IOS' | 'WEB';

export type PushTarget =
  | { platform: 'ANDROID' | 'IOS'; token: string }
  | { platform: 'WEB'; endpoint: string; keys: { p256dh: string; auth: string } };

/** Extra key/values the app reads from the push (a workout id, a count). */
export type PushData = Record<string, string | number | boolean | null>;

export interface PushSender {
  /** Sends one push. Never throws for a peer's answer: every answer (and network error) is an outcome. */
  send(target: PushTarget, message: ChannelMessage, data?: PushData): Promise<SendOutcome>;
  /** False when the sender is a stand-in that answers `failed` (its credentials are not configured). */
  readonly configured: boolean;
  /** One line for start-up logs. */
  describe(): string;
}
