/**
 * The in-app inbox: pages of items, the unread count, read / all read / archive, the delivery log, and the
 * live feed of a user's items (`notificationReceived`), told after each commit that wrote or joined an item.
 */
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import { BadUserInputError, NotFoundError } from '../../../../lib/errors/domain-error';
import { pageArgs, toConnection } from '../../../../lib/graphql/relay';
import type { Logger } from '../../../../lib/logging/logger';
import type { PubSub } from '../../../../lib/pubsub/pubsub';
import { mappedSubscription } from '../../../../lib/pubsub/mapped-subscription';
import { checkedId } from '../../../../lib/graphql/checked-id';
import { parseTimeKey, timeKeyOf } from '../../../../lib/graphql/time-key';
import type { NotificationsRepos } from '../notifications.repos';
import { inboxChannel, type InboxMessage } from './inbox-channel';
import type { InboxFilter, NotificationRecord } from './notification.repo';
import { viewsOf, type NotificationView } from './notification-views';

/** The most items `markNotificationsRead` takes at once. */
export const MAX_READ_IDS = 100;

export type InboxService = ReturnType<typeof createInboxService>;

export function createInboxService(deps: {
  repos: NotificationsRepos;
  inTransaction: InTransaction<NotificationsRepos>;
  pubsub: PubSub;
  clock: Clock;
  logger: Logger;
}) {
  const { repos, inTransaction, pubsub, clock, logger } = deps;

  /** One of the user's items as stored now; null when it is gone or not theirs. */
  async function view(userId: string, id: string): Promise<NotificationView | null> {
    const record = await repos.notifications.byId(userId, id);
    return record ? (await viewsOf(repos, [record]))[0]! : null;
  }

  return {
    async page(
      userId: string,
      filter: InboxFilter,
      first: number | null | undefined,
      after: string | null | undefined,
    ) {
      const page = pageArgs(first, after, parseTimeKey);
      const [rows, unreadCount] = await Promise.all([
        repos.notifications.page(userId, filter, page.limit + 1, page.after),
        repos.notifications.unreadCount(userId),
      ]);
      const views = await viewsOf(repos, rows);
      return { ...toConnection(views, page, (view) => timeKeyOf(view.updatedAt, view.id)), unreadCount };
    },
    unreadCount: (userId: string) => repos.notifications.unreadCount(userId),
    /** The delivery log of the user's notifications, newest first. */
    async deliveryLog(userId: string, first: number | null | undefined, after: string | null | undefined) {
      const page = pageArgs(first, after, parseTimeKey);
      const rows = await repos.deliveries.page(userId, page.limit + 1, page.after);
      return toConnection(rows, page, (row) => timeKeyOf(row.createdAt, row.id));
    },
    view,
    async markRead(userId: string, ids: readonly string[]): Promise<number> {
      if (ids.length > MAX_READ_IDS) {
        throw new BadUserInputError('ids', `ids: at most ${MAX_READ_IDS} items at once (got ${ids.length}).`);
      }
      const checked = ids.map((id) => checkedId('ids', id, 'a notification'));
      return inTransaction(async (tx) => {
        await tx.notifications.markRead(userId, checked, clock.now());
        return tx.notifications.unreadCount(userId);
      });
    },
    async markAllRead(userId: string): Promise<number> {
      await repos.notifications.markRead(userId, 'all', clock.now());
      return 0;
    },
    async archive(userId: string, id: string): Promise<NotificationView> {
      const checked = checkedId('id', id, 'a notification');
      const archived = await repos.notifications.archive(userId, checked, clock.now());
      const record = archived ?? (await repos.notifications.byId(userId, checked));
      if (!record) throw new NotFoundError('Notification', checked);
      return (await viewsOf(repos, [record]))[0]!;
    },
    /** Tells live subscribers of each item's recipient (after the commit); a failure is only logged. */
    async announce(items: readonly NotificationRecord[]): Promise<void> {
      await Promise.all(
        items.map((item) =>
          pubsub
            .publish(inboxChannel(item.userId), { notificationId: item.id } satisfies InboxMessage)
            .catch((err: unknown) =>
              logger.warn({ err, userId: item.userId }, 'live inbox message not sent'),
            ),
        ),
      );
    },
    /** The user's live inbox: each message becomes the item as stored now (one gone meanwhile is passed over). */
    subscribe: (userId: string): AsyncIterableIterator<NotificationView> =>
      mappedSubscription(pubsub.subscribe(inboxChannel(userId)), (message) =>
        view(userId, (message as InboxMessage).notificationId),
      ),
    /** Whether the user has the app open on the live inbox (email then is unnecessary). */
    isLive: (userId: string) => pubsub.hasSubscribers(inboxChannel(userId)),
  };
}
