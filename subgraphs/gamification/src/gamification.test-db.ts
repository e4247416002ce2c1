/** The gamification context on a throw-away database, wired as index.ts wires it, for integration tests. */
import { pino } from 'pino';
import type { AnyEvent } from '../../../lib/events/envelope';
import { createInProcessPubSub } from '../../../lib/pubsub/in-process-pubsub';
import { openTestContextDatabase, type TestDatabaseKind } from '../../../lib/testing/test-databases';
import { createAthleteRepo } from './athlete.repo';
import { createAthleteService } from './athlete.service';
import { createBoardUpdater } from './board-updates';
import { createChallengeRepo } from './challenge.repo';
import { createChallengeService } from './challenge.service';
import { createGamificationEventHandlers } from './gamification.events';
import { createGamificationPrisma } from './gamification.prisma';
import { createLeaderboardService } from './leaderboard.service';
import { createInProcessLeaderboardStore } from './leaderboards';
import { createWorkoutFactRepo } from './workout-fact.repo';
import { createXpLedgerRepo } from './xp-ledger.repo';

export type TestGamification = Awaited<ReturnType<typeof openTestGamification>>;

/** The tests' data lies in November 2026: their clock stays there, so that board windows never expire under them. */
const NOVEMBER_2026 = { now: () => new Date('2026-11-21T12:00:00Z') };

export async function openTestGamification(kind: TestDatabaseKind, clock = NOVEMBER_2026) {
  const db = await openTestContextDatabase(kind, 'gamification', createGamificationPrisma);
  const prisma = db.client;
  const logger = pino({ level: 'silent' });
  const store = createInProcessLeaderboardStore({ now: () => clock.now().getTime() });
  const pubsub = createInProcessPubSub();
  const boards = createBoardUpdater({ store, pubsub, logger });
  const challengeRepo = createChallengeRepo(prisma);
  const ledger = createXpLedgerRepo(prisma);
  const facts = createWorkoutFactRepo(prisma);
  const athleteRepo = createAthleteRepo(prisma);
  const handlers = createGamificationEventHandlers({ prisma, boards, notify: () => undefined, clock });
  return {
    prisma,
    store,
    pubsub,
    ledger,
    facts,
    handlers,
    /** Hands an event to its handler, as the consumer does. */
    async deliver(event: AnyEvent): Promise<void> {
      const handler = handlers[event.type] as ((e: AnyEvent) => Promise<void>) | undefined;
      if (!handler) throw new Error(`gamification does not handle ${event.type}`);
      await handler(event);
    },
    athletes: createAthleteService({
      prisma,
      athletes: athleteRepo,
      facts,
      ledger,
      clock,
      notify: () => undefined,
    }),
    challenges: createChallengeService({ prisma, challenges: challengeRepo, boards, clock }),
    leaderboards: createLeaderboardService({ store, pubsub, challenges: challengeRepo, clock }),
    async close() {
      await pubsub.close();
      await store.close();
      await db.close();
    },
  };
}
