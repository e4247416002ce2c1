/** identity.user.deleted: everything gamification holds about the user goes, their board entries too. */
import { createAthleteRepo } from './athlete.repo';
import { contributionsOf, differences, type BoardChange } from './board-contributions';
import { createChallengeRepo } from './challenge.repo';
import { challengeBoardOf } from './challenge-progress';
import type { GamificationTx } from './gamification.prisma';
import { createWorkoutFactRepo } from './workout-fact.repo';
import { createXpLedgerRepo } from './xp-ledger.repo';

/** Deletes the user's rows and returns the board changes that take their scores off every board. */
export async function eraseUser(tx: GamificationTx, userId: string): Promise<BoardChange[]> {
  const facts = createWorkoutFactRepo(tx);
  const ledger = createXpLedgerRepo(tx);
  const athletes = createAthleteRepo(tx);
  const challenges = createChallengeRepo(tx);
  await athletes.lock(userId);

  const changes: BoardChange[] = [];
  for (const fact of await facts.factsOf(userId)) {
    const { net } = await ledger.ofWorkout(fact.workoutId);
    changes.push(...differences(userId, contributionsOf(fact, net), new Map()));
  }
  for (const { member, challenge } of await challenges.activeOf(userId)) {
    if (member.boardScore !== 0)
      changes.push({ board: challengeBoardOf(challenge.id), athleteId: userId, delta: -member.boardScore });
  }

  await challenges.deleteMembershipsOf(userId);
  await ledger.deleteOfUser(userId);
  await facts.deleteOfUser(userId);
  await athletes.deleteOfUser(userId);
  return changes;
}
