/**
 * Runs the workflows an event triggers: one run per recipient (WorkflowRun's key makes a redelivered event
 * harmless), its steps in order (workflow.ts). Everything a run writes — the inbox item or the group it
 * joins, the in-app entry of the delivery log, the queued email and push deliveries — is written in the
 * caller's transaction; the items to announce live are returned for after the commit. Recipients are
 * handled together (a constant number of statements for an ungrouped workflow, whatever their number); a
 * grouped item is found or opened per recipient, under its lock.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AnyEvent } from '../../../../lib/events/envelope';
import type { NewDelivery } from '../delivery/delivery.repo';
import { digestKey, planChannel } from '../delivery/channel-plan';
import type { PushDeviceRecord } from '../devices/push-device.repo';
import type { NotificationRecord } from '../inbox/notification.repo';
import type { NotificationsRepos } from '../notifications.repos';
import { decideChannel, type Choices } from '../preferences/preference-rules';
import type { RecipientRecord } from '../recipients/recipient.repo';
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

/** One recipient's run: their item (and whether this run created it), settings and devices. */
interface Run {
  userId: string;
  item: NotificationRecord;
  isNew: boolean;
  inApp: boolean;
  inAppRefusal: string | null;
  recipient: RecipientRecord;
  choices: Choices;
  devices: PushDeviceRecord[];
}

export async function runWorkflow(
  repos: NotificationsRepos,
  workflow: AnyWorkflow,
  event: AnyEvent,
  now: Date,
  recipients: readonly string[] = workflow.recipients(event.data),
): Promise<RunOutcome> {
  const started = [...(await repos.runs.startAll(event.id, workflow.name, [...new Set(recipients)], now))];
  if (started.length === 0) return { touched: [], queued: 0 };
  // One statement at a time: a transaction's connection takes one query at a time.
  const recipientsById = await repos.recipients.ensureAll(started);
  const choicesById = await repos.preferences.choicesOfAll(started);
  const devicesById = workflow.steps.some((step) => step.kind === 'push')
    ? await repos.devices.ofUsers(started)
    : new Map<string, PushDeviceRecord[]>();
  const settingsOf = (userId: string) => {
    const recipient = recipientsById.get(userId)!;
    const choices = choicesById.get(userId)!;
    const inApp = decideChannel(workflow, 'IN_APP', {
      choices,
      commercialOptOut: recipient.commercialOptOut,
    });
    return {
      userId,
      recipient,
      choices,
      devices: devicesById.get(userId) ?? [],
      inApp: inApp.send,
      inAppRefusal: inApp.send ? null : inApp.reason,
    };
  };
  const runs = await itemsOf(repos, workflow, event, now, started.map(settingsOf));
  await repos.runs.wroteAll(event.id, workflow.name, new Map(runs.map((run) => [run.userId, run.item.id])));

  const deliveries: NewDelivery[] = [];
  for (const run of runs) deliveries.push(...(await deliveriesOf(repos, workflow, run, now)));
  await repos.deliveries.add(deliveries);
  return {
    touched: runs.filter((run) => run.inApp).map((run) => run.item),
    queued: deliveries.filter((d) => d.status === 'QUEUED' || d.status === 'DEFERRED').length,
  };
}

/** Each run's item: new ones created together; a grouped one joined or opened per recipient. */
async function itemsOf(
  repos: NotificationsRepos,
  workflow: AnyWorkflow,
  event: AnyEvent,
  now: Date,
  settings: Omit<Run, 'item' | 'isNew'>[],
): Promise<Run[]> {
  const actorId = workflow.actor(event.data);
  // Actors are ordered by when they acted, not by when their event was handled.
  const actedAt = new Date(event.occurredAt);
  const newItem = (run: Omit<Run, 'item' | 'isNew'>, groupKey: string | null) => ({
    id: uuidv7(),
    userId: run.userId,
    workflow: workflow.name,
    category: workflow.category,
    groupKey,
    groupOpenUntil: groupKey ? new Date(now.getTime() + workflow.group!.openHours * HOUR_MS) : null,
    data: workflow.data(event.data),
    at: now,
    archived: !run.inApp,
  });
  if (!workflow.group) {
    const created = await repos.notifications.createAll(
      settings.map((run) => newItem(run, null)),
      actorId,
      actedAt,
    );
    const byUser = new Map(created.map((item) => [item.userId, item]));
    return settings.map((run) => ({ ...run, item: byUser.get(run.userId)!, isNew: true }));
  }
  const runs: Run[] = [];
  const groupKey = workflow.group.key(event.data);
  for (const run of settings) {
    const open = await repos.notifications.openGroup(run.userId, groupKey, now);
    const item = open
      ? await repos.notifications.joined(open.id, now)
      : await repos.notifications.create(newItem(run, groupKey));
    if (actorId) await repos.notifications.addActor(item.id, actorId, actedAt);
    runs.push({ ...run, item, isNew: !open });
  }
  return runs;
}

/** The delivery log entries of one run: in-app, then each push and email step as its settings allow. */
async function deliveriesOf(repos: NotificationsRepos, workflow: AnyWorkflow, run: Run, now: Date) {
  const { item, isNew, userId } = run;
  const deliveries: NewDelivery[] = [];
  const log = (fields: Omit<NewDelivery, 'id' | 'notificationId' | 'userId' | 'at' | 'sentAt'>) =>
    deliveries.push({ id: uuidv7(), notificationId: item.id, userId, at: now, sentAt: null, ...fields });
  if (isNew) {
    deliveries.push({
      id: uuidv7(),
      notificationId: item.id,
      userId,
      at: now,
      channel: 'IN_APP',
      status: run.inApp ? 'SENT' : 'SKIPPED',
      reason: run.inAppRefusal,
      dueAt: now,
      deviceId: null,
      batchKey: null,
      sentAt: run.inApp ? now : null,
    });
  }
  let dueAt = now;
  let batchKey: string | null = null;
  for (const step of workflow.steps) {
    if (step.kind === 'delay') dueAt = new Date(dueAt.getTime() + step.seconds * 1000);
    if (step.kind === 'batch') {
      dueAt = new Date(dueAt.getTime() + step.windowSeconds * 1000);
      batchKey = `${workflow.name}:${item.id}`;
    }
    if (step.kind !== 'email' && step.kind !== 'push') continue;
    const channel = step.kind === 'email' ? 'EMAIL' : 'PUSH';
    const plan = planChannel(workflow, channel, run.recipient, run.choices, dueAt);
    // A refused channel is logged once per item, not once per event that joins it.
    if (plan.status === 'SKIPPED' || (channel === 'PUSH' && run.devices.length === 0)) {
      const reason = plan.status === 'SKIPPED' ? plan.reason : 'no device is registered for push';
      if (isNew) log({ channel, status: 'SKIPPED', reason, dueAt, deviceId: null, batchKey: null });
      continue;
    }
    const key = plan.digest ? digestKey(item.id) : batchKey;
    for (const device of channel === 'PUSH' ? run.devices : [null]) {
      const deviceId = device?.id ?? null;
      // A waiting delivery of the batch (or of the item, in the digest) will carry the group's count.
      if (key && !isNew && (await repos.deliveries.waitingInBatch(userId, channel, key, deviceId))) continue;
      log({ channel, status: plan.status, reason: plan.reason, dueAt: plan.dueAt, deviceId, batchKey: key });
    }
  }
  return deliveries;
}
