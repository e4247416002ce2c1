/**
 * The gamification context's repositories, bound to one transaction (or to the client, for single reads):
 * the one `reposOf` that services get through `inTransaction` and consumers through `consumingOnce`.
 */
import { createOutboxWriter } from '../../../lib/events/outbox';
import { createAchievementRepo } from './achievements/achievement.repo';
import { createAthleteRepo } from './athletes/athlete.repo';
import { createChallengeRepo } from './challenges/challenge.repo';
import { createCircleRepo } from './circles/circle.repo';
import type { GamificationTx } from './gamification.prisma';
import { createXpLedgerRepo } from './ledger/xp-ledger.repo';
import { createWorkoutFactRepo } from './workout-facts/workout-fact.repo';

export function gamificationRepos(tx: GamificationTx) {
  return {
    athletes: createAthleteRepo(tx),
    achievements: createAchievementRepo(tx),
    facts: createWorkoutFactRepo(tx),
    ledger: createXpLedgerRepo(tx),
    challenges: createChallengeRepo(tx),
    circles: createCircleRepo(tx),
    outbox: createOutboxWriter(tx),
  };
}

export type GamificationRepos = ReturnType<typeof gamificationRepos>;
