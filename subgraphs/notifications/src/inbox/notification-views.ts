/**
 * Inbox items as clients and channels see them: the workflow's text rendered with the current names of the
 * newest actors (a renamed actor shows the new name; one who left is no longer counted).
 */
import type { NotificationsRepos } from '../notifications.repos';
import { UNKNOWN_NAME } from '../recipients/recipient.repo';
import { workflowNamed } from '../workflows/workflow-catalogue';
import type { RenderedItem } from '../workflows/workflow';
import type { NotificationRecord } from './notification.repo';

export interface NotificationView extends NotificationRecord {
  title: string;
  body: string;
  /** A path in the app, or null. */
  url: string | null;
  actorIds: string[];
  actorCount: number;
}

export async function viewsOf(
  repos: Pick<NotificationsRepos, 'notifications' | 'recipients'>,
  records: readonly NotificationRecord[],
): Promise<NotificationView[]> {
  const actors = await repos.notifications.actorsOf(records.map((r) => r.id));
  const names = await repos.recipients.namesOf([...new Set([...actors.values()].flatMap((a) => a.actorIds))]);
  return records.map((record) => {
    const { actorIds, actorCount } = actors.get(record.id) ?? { actorIds: [], actorCount: 0 };
    const view = {
      data: record.data,
      count: record.count,
      actorCount,
      actorNames: actorIds.map((id) => names.get(id) ?? UNKNOWN_NAME),
    };
    const rendered: RenderedItem = workflowNamed(record.workflow)?.render(view) ?? {
      title: record.workflow,
      body: record.workflow,
      path: null,
    };
    return {
      ...record,
      title: rendered.title,
      body: rendered.body,
      url: rendered.path,
      actorIds,
      actorCount,
    };
  });
}
