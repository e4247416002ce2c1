/**
 * Where a push or email of a workflow run goes and when, as the run writes it and as the worker checks it
 * again before sending: the preference decision (preference-rules.ts), then — for what is allowed — the daily
 * digest for email, then quiet hours. Critical workflows skip all of it.
 */
import type { DeliveryStatus } from './delivery.repo';
import { decideChannel, type Choices } from '../preferences/preference-rules';
import { formatClockTime, nextWallClock, quietUntil } from '../preferences/quiet-hours';
import type { RecipientRecord } from '../recipients/recipient.repo';
import type { AnyWorkflow, Channel } from '../workflows/workflow';
import { wallClockOf } from '../../../../lib/time-zone';

/** The digest goes out at 08:00 on the recipient's wall clock. */
export const DIGEST_MINUTE = 8 * 60;
/** The batch key of an item's mail in the digest: one line per item, whatever joined it. */
export const digestKey = (notificationId: string) => `digest:${notificationId}`;
export const isDigest = (batchKey: string | null) => batchKey?.startsWith('digest:') ?? false;

export interface ChannelPlan {
  status: Extract<DeliveryStatus, 'QUEUED' | 'DEFERRED' | 'SKIPPED'>;
  reason: string | null;
  dueAt: Date;
  /** Set for email collected into the digest. */
  digest: boolean;
}

export function planChannel(
  workflow: Pick<AnyWorkflow, 'name' | 'category' | 'critical'>,
  channel: Exclude<Channel, 'IN_APP'>,
  recipient: RecipientRecord,
  choices: Choices,
  dueAt: Date,
): ChannelPlan {
  const decision = decideChannel(workflow, channel, {
    choices,
    commercialOptOut: recipient.commercialOptOut,
  });
  if (!decision.send) return { status: 'SKIPPED', reason: decision.reason, dueAt, digest: false };
  if (channel === 'EMAIL' && !recipient.email) {
    return { status: 'SKIPPED', reason: 'no email address is known for the account', dueAt, digest: false };
  }
  if (workflow.critical) return { status: 'QUEUED', reason: null, dueAt, digest: false };
  if (channel === 'EMAIL' && recipient.emailDigest) {
    const at = nextWallClock(dueAt, DIGEST_MINUTE, recipient.timeZone);
    return {
      status: 'DEFERRED',
      reason: `in the daily digest at ${formatClockTime(DIGEST_MINUTE)}`,
      dueAt: at,
      digest: true,
    };
  }
  const window =
    recipient.quietStartMinute === null || recipient.quietEndMinute === null
      ? null
      : { startMinute: recipient.quietStartMinute, endMinute: recipient.quietEndMinute };
  const until = quietUntil(dueAt, window, recipient.timeZone);
  if (until) {
    const local = formatClockTime(wallClockOf(until, recipient.timeZone).minute);
    return { status: 'DEFERRED', reason: `quiet hours until ${local}`, dueAt: until, digest: false };
  }
  return { status: 'QUEUED', reason: null, dueAt, digest: false };
}
