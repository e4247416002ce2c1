/**
 * What a channel (email, push) is handed to send, and what it answers. The delivery worker renders a
 * notification into a ChannelMessage, calls the channel, and records the outcome in the delivery log:
 * `sent`, `retry` (the worker tries again later, after `retryAfterMs` when the peer said so), `gone` (the
 * address or device no longer exists: a push token is deleted) or `failed` (permanent, with the reason).
 */
export const CATEGORIES = ['SOCIAL', 'ACTIVITY', 'GEAR', 'ACCOUNT', 'COMMERCIAL'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface ChannelMessage {
  /** The inbox item's id: the idempotency key peers see (Message-ID, push collapse key / topic). */
  notificationId: string;
  /** The workflow's name (`kudos-received`, `gear-worn`, …): picks the email template. */
  workflow: string;
  category: Category;
  /** A short title ("Kudos"). */
  title: string;
  /** The sentence ("Ann, Bob and 23 others gave kudos to your Morning Run"). */
  body: string;
  /** An absolute link into the app, or null. */
  url: string | null;
}

export type SendOutcome =
  | { outcome: 'sent'; detail?: string }
  | { outcome: 'retry'; reason: string; retryAfterMs: number | null }
  | { outcome: 'gone'; reason: string }
  | { outcome: 'failed'; reason: string };
