/**
 * identity.user.deleted: everything gamification holds about the user goes, their leaderboard scores and
 * their follows, blocks and club memberships (on either side) too.
 */
import { challengeBoardId } from '../challenges/member-standing';
import type { GamificationRepos } from '../gamification.repos';
import { contributionsOf, differences } from '../leaderboards/leaderboard-contributions';
import type { ScoreChange } from '../leaderboards/leaderboard-store';

export type ErasureRepos = Pick<
  GamificationRepos,
  'athletes' | 'achievements' | 'facts' | 'ledger' | 'circles'
> & {
  challenges: Pick<GamificationRepos['challenges'], 'activeOf' | 'deleteMembershipsOf'>;
};

/**
 * Deletes the athlete's rows (run it in the event's unit of work) and returns the score changes that take
 * them off every leaderboard.
 */
export async function eraseAthlete(repos: ErasureRepos, userId: string): Promise<ScoreChange[]> {
  const { athletes, achievements, facts, ledger, challenges, circles } = repos;
  await athletes.lock(userId);

  const changes: ScoreChange[] = [];
  for (const fact of await facts.factsOf(userId)) {
    const { net } = await ledger.ofWorkout(fact.workoutId);
    changes.push(...differences(userId, contributionsOf(fact, net), new Map()));
  }
  for (const { member, challenge } of await challenges.activeOf(userId)) {
    if (member.boardScore !== 0)
      changes.push({ board: challengeBoardId(challenge.id), athleteId: userId, delta: -member.boardScore });
  }

  await challenges.deleteMembershipsOf(userId);
  // Follows, blocks and club memberships: scores need no change (friends and club boards are read-time views).
  await circles.deleteOfUser(userId);
  await ledger.deleteOfUser(userId);
  await facts.deleteOfUser(userId);
  await achievements.deleteOfUser(userId);
  await athletes.deleteOfUser(userId);
  return changes;
}
