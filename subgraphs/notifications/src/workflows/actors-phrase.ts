/** Names of an item's actors as a sentence starts: "Ann", "Ann and Bob", "Ann, Bob and 23 others". */
import type { ItemView } from './workflow';

export function actorsPhrase(view: Pick<ItemView, 'actorNames' | 'actorCount'>): string {
  const [first, second] = view.actorNames;
  if (!first) return 'Someone';
  if (view.actorCount <= 1 || !second) return first;
  if (view.actorCount === 2) return `${first} and ${second}`;
  const others = view.actorCount - 2;
  return `${first}, ${second} and ${others} ${others === 1 ? 'other' : 'others'}`;
}
