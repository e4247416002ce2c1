/** How an inbox item's group reads: "Ann Runner, Bob Walker and 3 others (12 in all)". */
import type { NotificationFilter } from '../../__generated__/enums';

/** Who a grouped item stands for, newest first; null for a single notification. */
export function groupText(item: { count: number; actorCount: number; actors: { displayName: string }[] }) {
  if (item.count <= 1) return null;
  const shown = item.actors.slice(0, 2).map((actor) => actor.displayName);
  const others = item.actorCount - shown.length;
  const names =
    others > 0
      ? `${shown.join(', ')} and ${others} ${others === 1 ? 'other' : 'others'}`
      : shown.length === 2
        ? `${shown[0]} and ${shown[1]}`
        : (shown[0] ?? '');
  return names ? `${names} (${item.count} in all)` : `${item.count} in all`;
}

/** Whether an item belongs in the list of that filter (a live item may not: one archived at once). */
export function belongsTo(filter: NotificationFilter, item: { read: boolean; archivedAt?: string | null }) {
  if (filter === 'ARCHIVED') return item.archivedAt != null;
  if (filter === 'UNREAD') return item.archivedAt == null && !item.read;
  return item.archivedAt == null;
}
