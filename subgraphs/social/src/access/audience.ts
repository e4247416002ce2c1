/**
 * Who may see what of another athlete: one rule for profiles (EVERYONE / FOLLOWERS / ONLY_ME) and one for
 * workouts (PUBLIC / FOLLOWERS / PRIVATE), from the viewer's relation to the owner. A block either way hides
 * everything; a pending follow request grants nothing. Training applies the same rule to its own reads.
 */
import type { FollowStatus, ProfileVisibility, Visibility } from '../__generated__/prisma/enums';

/** The viewer's relation to an athlete (anonymous: no follow, no block). */
export interface Relation {
  self: boolean;
  /** Either of the two blocked the other. */
  blocked: boolean;
  /** The viewer's follow of the athlete. */
  follow: FollowStatus | null;
}

export const STRANGER: Relation = { self: false, blocked: false, follow: null };
export const SELF: Relation = { self: true, blocked: false, follow: null };

const follows = (relation: Relation) => relation.follow === 'ACCEPTED';

export const canSeeProfile = (relation: Relation, visibility: ProfileVisibility): boolean =>
  relation.self ||
  (!relation.blocked && (visibility === 'EVERYONE' || (visibility === 'FOLLOWERS' && follows(relation))));

export const canSeeWorkout = (relation: Relation, visibility: Visibility): boolean =>
  relation.self ||
  (!relation.blocked && (visibility === 'PUBLIC' || (visibility === 'FOLLOWERS' && follows(relation))));
