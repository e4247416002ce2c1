/**
 * Runs the workflows an event triggers: one run per recipient (WorkflowRun's key makes a redelivered event
 * harmless), its steps in order (workflow.ts). Everything a run writes — the inbox item or the group it
 * joins, the in-app entry of the delivery log, the queued email and push deliveries — is written in the
 * caller's transaction; the items to announce live are returned for after the commit.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AnyEvent } from '../../../../lib/events/envelope';
import type { NewDelivery } from '../delivery/delivery.repo';
import { digestKey, planChannel } from '../delivery/channel-plan';
import type { NotificationRecord } from '../inbox/notification.repo';
import type { NotificationsRepos } from '../notifications.repos';
import { decideChannel } from '../preferences/preference-rules';
import type { AnyWorkflow } from './workflow';

const HOUR_MS = 3_600_000;

export interface RunOutcome {
  /** Items written or joined, to announce to live subscribers once committed. */
  touched: NotificationRecord[];
  /** Deliveries queued (the worker is woken when there are any). */
  queued: number;
}

/** The workflows of the catalogue that `event` starts. */
export const workflowsOf = (catalogue: readonly AnyWorkflow[], event: AnyEvent) =>
  catalogue.filter((w) => w.trigger === event.type);

export async function runWorkflow(
  repos: NotificationsRepos,
  workflow: AnyWorkflow,
  event: AnyEvent,
  now: Date,
  recipients: readonly string[] = workflow.recipients(event.data),
): Promise<RunOutcome> {
  const outcome: RunOutcome = { touched: [], queued: 0 };
  const actorId = workflow.actor(event.data);
  for (const userId of new Set(recipients)) {
    const run = { userId, eventId: event.id, workflow: workflow.name };
    if (!(await repos.runs.start(run, now))) continue;
    const recipient = await repos.recipients.ensure(userId);
    const choices = await repos.preferences.choicesOf(userId);
    const inApp = decideChannel(workflow, 'IN_APP', {
      choices,
      commercialOptOut: recipient.commercialOptOut,
    });

    // The item: a new one, or the open group of its key (which this event joins).
    const groupKey = workflow.group?.key(event.data) ?? null;
    const open = groupKey ? await repos.notifications.openGroup(userId, groupKey, now) : null;
    const item = open
      ? await repos.notifications.joined(open.id, now)
      : await repos.notifications.create({
          id: uuidv7(),
          userId,
          workflow: workflow.name,
          category: workflow.category,
          groupKey,
          groupOpenUntil: groupKey ? new Date(now.getTime() + workflow.group!.openHours * HOUR_MS) : null,
          data: workflow.data(event.data),
          at: now,
        });
    // Actors are ordered by when they acted, not by when their event was handled.
    if (actorId) await repos.notifications.addActor(item.id, actorId, new Date(event.occurredAt));
    await repos.runs.wrote(run, item.id);
    const isNew = !open;
    // An item the recipient turned off in the app is kept (email and push render it) but archived at once.
    if (isNew && !inApp.send) await repos.notifications.archive(userId, item.id, now);
    if (inApp.send) outcome.touched.push(item);

    const deliveries: NewDelivery[] = [];
    const log = (fields: Omit<NewDelivery, 'id' | 'notificationId' | 'userId' | 'at'>) =>
      deliveries.push({ id: uuidv7(), notificationId: item.id, userId, at: now, ...fields });
    if (isNew) {
      log({
        channel: 'IN_APP',
        status: inApp.send ? 'SENT' : 'SKIPPED',
        reason: inApp.send ? null : inApp.reason,
        dueAt: now,
        deviceId: null,
        batchKey: null,
        sentAt: inApp.send ? now : null,
      });
    }

    let dueAt = now;
    let batchKey: string | null = null;
    for (const step of workflow.steps) {
      if (step.kind === 'in-app') continue;
      if (step.kind === 'delay') dueAt = new Date(dueAt.getTime() + step.seconds * 1000);
      if (step.kind === 'batch') {
        dueAt = new Date(dueAt.getTime() + step.windowSeconds * 1000);
        batchKey = `${workflow.name}:${item.id}`;
      }
      if (step.kind !== 'email' && step.kind !== 'push') continue;
      const channel = step.kind === 'email' ? 'EMAIL' : 'PUSH';
      const plan = planChannel(workflow, channel, recipient, choices, dueAt);
      // A refused channel is logged once per item, not once per event that joins it.
      if (plan.status === 'SKIPPED') {
        if (isNew)
          log({
            channel,
            status: 'SKIPPED',
            reason: plan.reason,
            dueAt,
            deviceId: null,
            batchKey: null,
            sentAt: null,
          });
        continue;
      }
      const key = plan.digest ? digestKey(item.id) : batchKey;
      const devices = channel === 'PUSH' ? await repos.devices.ofUser(userId) : [null];
      if (devices.length === 0 && isNew) {
        log({
          channel,
          status: 'SKIPPED',
          reason: 'no device is registered for push',
          dueAt,
          deviceId: null,
          batchKey: null,
          sentAt: null,
        });
      }
      for (const device of devices) {
        const deviceId = device?.id ?? null;
        // A waiting delivery of the batch (or of the item, in the digest) will carry the group's count.
        const waiting = key ? await repos.deliveries.waitingInBatch(userId, channel, key, deviceId) : null;
        if (waiting) continue;
        log({
          channel,
          status: plan.status,
          reason: plan.reason,
          dueAt: plan.dueAt,
          deviceId,
          batchKey: key,
          sentAt: null,
        });
        outcome.queued += 1;
      }
    }
    await repos.deliveries.add(deliveries);
  }
  return outcome;
}
