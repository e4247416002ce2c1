/**
 * The events notifications handles: identity's tell who users are (display name, time zone, email) and
 * when one leaves; every other event it handles starts the workflows of the catalogue that it triggers.
 * Each event is applied once (`consumeOnce`, with its effects); within it, each run has its own key too.
 */
import type { Clock } from '../../../lib/clock';
import type { ConsumeOnce } from '../../../lib/db/unit-of-work';
import type { AnyEvent } from '../../../lib/events/envelope';
import type { EventHandlers } from '../../../lib/events/event-consumer';
import type { EventType } from '../../../lib/events/registry';
import { canonicalTimeZone } from '../../../lib/time-zone';
import type { NotificationRecord } from './inbox/notification.repo';
import type { NotificationsRepos } from './notifications.repos';
import { forgetUser } from './recipients/forget-user';
import { WORKFLOWS } from './workflows/workflow-catalogue';
import { runWorkflow, workflowsOf } from './workflows/workflow-runner';

/** The consumer name under which notifications records the events it processed. */
export const NOTIFICATIONS_CONSUMER = 'notifications';

export interface NotificationsConsumerDeps {
  consumeOnce: ConsumeOnce<NotificationsRepos>;
  clock: Clock;
  /** Tells live subscribers of the items a committed event wrote or joined. */
  announce(items: readonly NotificationRecord[]): Promise<void>;
  /** Wakes the delivery worker after deliveries were queued. */
  wakeWorker(): void;
}

export function notificationsConsumers(deps: NotificationsConsumerDeps): EventHandlers {
  const { consumeOnce, clock } = deps;
  const zone = (name: string | undefined) => canonicalTimeZone(name ?? 'UTC') ?? 'UTC';

  const startWorkflows = async (event: AnyEvent) => {
    const touched: NotificationRecord[] = [];
    let queued = 0;
    await consumeOnce(event.id, async (repos) => {
      for (const workflow of workflowsOf(WORKFLOWS, event)) {
        const outcome = await runWorkflow(repos, workflow, event, clock.now());
        touched.push(...outcome.touched);
        queued += outcome.queued;
      }
    });
    if (queued > 0) deps.wakeWorker();
    await deps.announce(touched);
  };

  const triggers = [...new Set(WORKFLOWS.map((w) => w.trigger))] as EventType[];
  const workflowHandlers = Object.fromEntries(
    triggers.map((type) => [type, startWorkflows]),
  ) as EventHandlers;

  return {
    ...workflowHandlers,
    'identity.user.registered': async (event) =>
      void (await consumeOnce(event.id, (repos) =>
        repos.recipients.named(event.data.userId, event.data.displayName, zone(event.data.timeZone)),
      )),
    'identity.user.updated': async (event) =>
      void (await consumeOnce(event.id, (repos) =>
        repos.recipients.named(event.data.userId, event.data.displayName, zone(event.data.timeZone)),
      )),
    'identity.user.email-changed': async (event) =>
      void (await consumeOnce(event.id, (repos) =>
        repos.recipients.emailed(event.data.userId, event.data.email),
      )),
    'identity.user.deleted': async (event) =>
      void (await consumeOnce(event.id, (repos) => forgetUser(repos, event.data.userId))),
  };
}
