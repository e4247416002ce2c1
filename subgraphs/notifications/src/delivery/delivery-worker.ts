/**
 * Sends what is due: claims due deliveries for a lease, checks each again against the recipient's settings
 * as they are now (a preference turned off, quiet hours, the digest), skips email for an item already read
 * or shown live, renders the item with current names and hands it to its channel; records the outcome.
 * A peer that cannot take it now is retried later (retry-policy.ts); a push token the service calls gone is
 * deleted. A worker that dies mid-batch leaves its claims to expire: what it had not settled is claimed
 * again; a mail or push it had handed over but not recorded goes again with the same Message-ID / collapse
 * key, which the peer and the device use to show it once.
 */
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import type { ChannelMessage, SendOutcome } from '../channels/channel-message';
import type { NotificationView } from '../inbox/notification-views';
import { viewsOf } from '../inbox/notification-views';
import type { NotificationsRepos } from '../notifications.repos';
import type { RecipientRecord } from '../recipients/recipient.repo';
import { workflowNamed } from '../workflows/workflow-catalogue';
import { isDigest, planChannel } from './channel-plan';
import type { DeliveryChannels } from './delivery-channels';
import { countDelivery } from './delivery-metrics';
import type { DeliveryRecord, Settlement } from './delivery.repo';
import { retryDelayMs } from './retry-policy';

/** How many deliveries one claim takes (and sends at once), and how long a worker holds them. */
export const CLAIM_SIZE = 50;
export const LEASE_MS = 60_000;

export interface DeliveryWorkerDeps {
  repos: NotificationsRepos;
  inTransaction: InTransaction<NotificationsRepos>;
  channels: DeliveryChannels;
  clock: Clock;
  /** The app's origin: links in mail and push are `${appUrl}${path}`. */
  appUrl: string;
  /** Whether the user has the live inbox open now. */
  isLive(userId: string): Promise<boolean>;
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;

export function createDeliveryWorker(deps: DeliveryWorkerDeps) {
  const { repos, channels, clock, appUrl } = deps;

  const settle = async (delivery: DeliveryRecord, settlement: Settlement) => {
    await repos.deliveries.settle(delivery.id, settlement, clock.now());
    countDelivery(delivery.channel, settlement.status);
  };

  const messageOf = (view: NotificationView): ChannelMessage => ({
    notificationId: view.id,
    workflow: view.workflow,
    category: view.category,
    title: view.title,
    body: view.body,
    url: view.url === null ? null : `${appUrl}${view.url}`,
  });

  const unsubscribeUrl = (recipient: RecipientRecord, view: NotificationView) =>
    view.category === 'COMMERCIAL'
      ? `${appUrl}/notifications/unsubscribe?token=${recipient.unsubscribeToken}`
      : null;

  /** Records a channel's answer: sent, retried later, or failed (a gone device is removed). */
  async function record(delivery: DeliveryRecord, outcome: SendOutcome): Promise<void> {
    const attempts = delivery.attempts + 1;
    const now = clock.now();
    if (outcome.outcome === 'sent') {
      return settle(delivery, { status: 'SENT', reason: outcome.detail ?? null, sentAt: now, attempts });
    }
    if (outcome.outcome === 'retry') {
      const delay = retryDelayMs(attempts, outcome.retryAfterMs);
      if (delay === null) {
        return settle(delivery, {
          status: 'FAILED',
          reason: `gave up after ${attempts} attempts: ${outcome.reason}`,
          attempts,
        });
      }
      return settle(delivery, {
        status: 'DEFERRED',
        reason: `retrying: ${outcome.reason}`,
        dueAt: new Date(now.getTime() + delay),
        attempts,
      });
    }
    if (outcome.outcome === 'gone' && delivery.deviceId) await repos.devices.remove(delivery.deviceId);
    return settle(delivery, { status: 'FAILED', reason: outcome.reason, attempts });
  }

  /** What a claim's deliveries need, read together: their items (rendered), recipients, choices, devices. */
  async function contextOf(claimed: readonly DeliveryRecord[]) {
    const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
    const users = unique(claimed.map((d) => d.userId));
    const [records, recipients, choices, devices] = await Promise.all([
      repos.notifications.byIds(unique(claimed.map((d) => d.notificationId))),
      repos.recipients.findAll(users),
      repos.preferences.choicesOfAll(users),
      repos.devices.byIds(unique(claimed.map((d) => d.deviceId))),
    ]);
    const views = await viewsOf(repos, records);
    return {
      views: new Map(views.map((view) => [view.id, view])),
      recipients,
      choices,
      devices: new Map(devices.map((device) => [device.id, device])),
    };
  }
  type ClaimContext = Awaited<ReturnType<typeof contextOf>>;

  /** Checks a claimed delivery again; answers the recipient and item when it is still to be sent now. */
  async function recheck(delivery: DeliveryRecord, context: ClaimContext) {
    const view = context.views.get(delivery.notificationId);
    const workflow = view && workflowNamed(view.workflow);
    const recipient = context.recipients.get(delivery.userId);
    if (!view || !workflow || !recipient) {
      await settle(delivery, { status: 'SKIPPED', reason: 'the notification no longer exists' });
      return null;
    }
    const channel = delivery.channel === 'EMAIL' ? 'EMAIL' : 'PUSH';
    const plan = planChannel(
      workflow,
      channel,
      recipient,
      context.choices.get(delivery.userId)!,
      clock.now(),
    );
    const digestNow = isDigest(delivery.batchKey) && plan.digest;
    if (plan.status === 'SKIPPED') {
      await settle(delivery, { status: 'SKIPPED', reason: plan.reason });
      return null;
    }
    // Quiet hours began, or the digest was chosen, since it was queued: it waits for them.
    if (plan.status === 'DEFERRED' && !digestNow) {
      await settle(delivery, { status: 'DEFERRED', reason: plan.reason, dueAt: plan.dueAt });
      return null;
    }
    if (channel === 'EMAIL' && !workflow.critical) {
      if (view.readAt) {
        await settle(delivery, { status: 'SKIPPED', reason: 'read in the app before the mail was due' });
        return null;
      }
      if (!digestNow && (await deps.isLive(delivery.userId))) {
        await settle(delivery, { status: 'SKIPPED', reason: 'shown live in the app' });
        return null;
      }
    }
    return { recipient, view, digest: digestNow };
  }

  async function sendOne(delivery: DeliveryRecord, context: ClaimContext): Promise<void> {
    const checked = await recheck(delivery, context);
    if (!checked) return;
    const { recipient, view } = checked;
    if (delivery.channel === 'PUSH') {
      const device = delivery.deviceId ? context.devices.get(delivery.deviceId) : undefined;
      if (!device) return settle(delivery, { status: 'SKIPPED', reason: 'the device was unregistered' });
      return record(delivery, await channels.push(device, messageOf(view)));
    }
    const outcome = await channels.email({
      to: recipient.email!,
      recipientName: recipient.displayName,
      deliveryId: delivery.id,
      message: messageOf(view),
      unsubscribeUrl: unsubscribeUrl(recipient, view),
    });
    return record(delivery, outcome);
  }

  /** One mail for a user's due digest deliveries (those still meant for the digest). */
  async function sendDigest(deliveries: DeliveryRecord[], context: ClaimContext): Promise<void> {
    const due: { delivery: DeliveryRecord; view: NotificationView; recipient: RecipientRecord }[] = [];
    for (const delivery of deliveries) {
      const checked = await recheck(delivery, context);
      if (!checked) continue;
      if (!checked.digest) await sendOne(delivery, context);
      else due.push({ delivery, ...checked });
    }
    if (due.length === 0) return;
    const { recipient } = due[0]!;
    const outcome = await channels.digest({
      to: recipient.email!,
      recipientName: recipient.displayName,
      deliveryId: due[0]!.delivery.id,
      timeZone: recipient.timeZone,
      items: due.map(({ view }) => ({ message: messageOf(view), at: view.updatedAt })),
    });
    for (const { delivery } of due) await record(delivery, outcome);
  }

  return {
    /** Claims and sends one batch of due deliveries; true when the batch was full (there may be more). */
    async processDue(): Promise<boolean> {
      const claimed = await deps.inTransaction((tx) =>
        tx.deliveries.claimDue(clock.now(), CLAIM_SIZE, LEASE_MS),
      );
      const digests = new Map<string, DeliveryRecord[]>();
      const single: DeliveryRecord[] = [];
      for (const delivery of claimed) {
        if (delivery.channel === 'EMAIL' && isDigest(delivery.batchKey)) {
          digests.set(delivery.userId, [...(digests.get(delivery.userId) ?? []), delivery]);
        } else {
          single.push(delivery);
        }
      }
      if (claimed.length === 0) return false;
      const context = await contextOf(claimed);
      // A claim's deliveries go out together: one slow peer holds up only its own request.
      await Promise.all([
        ...single.map((delivery) => sendOne(delivery, context)),
        ...[...digests.values()].map((deliveries) => sendDigest(deliveries, context)),
      ]);
      return claimed.length === CLAIM_SIZE;
    },
  };
}
