/**
 * Forgets a user who deleted their account: their inbox, runs, deliveries, preferences, devices and what
 * notifications knew of them; in others' inboxes, items only they caused are removed and groups no longer
 * count or name them.
 */
import type { NotificationsRepos } from '../notifications.repos';

export async function forgetUser(repos: NotificationsRepos, userId: string): Promise<void> {
  const { removedFromOthers } = await repos.notifications.forget(userId);
  await repos.deliveries.forget(userId, removedFromOthers);
  await repos.runs.forget(userId);
  await repos.preferences.forget(userId);
  await repos.devices.forget(userId);
  await repos.recipients.forget(userId);
}
