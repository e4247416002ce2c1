/**
 * identity.user.deleted: social forgets the user — profile, follows both ways and blocks (others' counts
 * corrected), club memberships (owned clubs handed over or closed), their workouts with their feed
 * activities, kudos and comments, the kudos and comments they gave (counts corrected), their feed, and the
 * rows of their media (the objects under their prefix are erased by the caller before this runs).
 */
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { ClubService } from './clubs/club.service';
import type { SocialRepos } from './social.repos';

export async function forgetUser(
  tx: SocialRepos,
  userId: string,
  clubs: Pick<ClubService, 'forget'>,
): Promise<EventEnvelope[]> {
  await tx.profiles.uncountFollowsOf(userId);
  await tx.follows.removeTouching(userId);
  await tx.blocks.removeTouching(userId);
  const events = await clubs.forget(tx, userId);
  await tx.reactions.uncountOfUser(userId);
  await tx.reactions.removeOfUser(userId);
  await tx.workouts.removeOfUser(userId);
  await tx.feed.removeViewer(userId);
  await tx.media.removeOfOwner(userId);
  await tx.profiles.remove(userId);
  return events;
}
