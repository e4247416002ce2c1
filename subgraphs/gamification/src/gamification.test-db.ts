/** The gamification context on a throw-away database, wired as index.ts wires it, for integration tests. */
import { pino } from 'pino';
import { fixedClock, type Clock } from '../../../lib/clock';
import { consumingOnce, inTransaction } from '../../../lib/db/unit-of-work';
import type { AnyEvent } from '../../../lib/events/envelope';
import { createInProcessPubSub } from '../../../lib/pubsub/in-process-pubsub';
import { openTestContextDatabase, type TestDatabaseKind } from '../../../lib/testing/test-databases';
import { createAthleteService } from './athletes/athlete.service';
import { createChallengeService } from './challenges/challenge.service';
import { GAMIFICATION_CONSUMER, gamificationConsumers } from './gamification.consumers';
import { createGamificationPrisma } from './gamification.prisma';
import { gamificationRepos } from './gamification.repos';
import { createInProcessLeaderboardStore } from './leaderboards/in-process-leaderboard-store';
import type { LeaderboardStore } from './leaderboards/leaderboard-store';
import { rebuildLeaderboards, type RebuildOptions } from './leaderboards/leaderboard-rebuild';
import { createLeaderboardUpdater } from './leaderboards/leaderboard-updates';
import { createLeaderboardService } from './leaderboards/leaderboard.service';
import { createWorkoutCreditService } from './ledger/workout-credit.service';

export type TestGamification = Awaited<ReturnType<typeof openTestGamification>>;

/** The tests' data lies in November 2026: their clock stays there, so that board windows never expire under them. */
const NOVEMBER_2026 = fixedClock('2026-11-21T12:00:00Z');

export async function openTestGamification(kind: TestDatabaseKind, clock: Clock = NOVEMBER_2026) {
  const db = await openTestContextDatabase(kind, 'gamification', createGamificationPrisma);
  const prisma = db.client;
  const logger = pino({ level: 'silent' });
  const store = createInProcessLeaderboardStore({ now: () => clock.now().getTime() });
  const pubsub = createInProcessPubSub();
  const updater = createLeaderboardUpdater({ store, pubsub, logger });
  const repos = gamificationRepos(prisma);
  const unitOfWork = inTransaction(prisma, gamificationRepos);
  const handlers = gamificationConsumers({
    consumeOnce: consumingOnce(prisma, GAMIFICATION_CONSUMER, gamificationRepos),
    credits: createWorkoutCreditService({ clock }),
    leaderboards: updater,
    notify: () => undefined,
  });
  return {
    prisma,
    store,
    pubsub,
    ledger: repos.ledger,
    facts: repos.facts,
    handlers,
    /** Hands an event to its handler, as the consumer does. */
    async deliver(event: AnyEvent): Promise<void> {
      const handler = handlers[event.type] as ((e: AnyEvent) => Promise<void>) | undefined;
      if (!handler) throw new Error(`gamification does not handle ${event.type}`);
      await handler(event);
    },
    /** Rebuilds every leaderboard from this database into `into` (the live store by default). */
    rebuild: (into: LeaderboardStore = store, options?: RebuildOptions) =>
      rebuildLeaderboards({ repos, inTransaction: unitOfWork, store: into, clock }, options),
    athletes: createAthleteService({ repos, inTransaction: unitOfWork, clock, notify: () => undefined }),
    challenges: createChallengeService({
      repos,
      inTransaction: unitOfWork,
      leaderboards: updater,
      clock,
      notify: () => undefined,
    }),
    leaderboards: createLeaderboardService({
      store,
      pubsub,
      challenges: repos.challenges,
      circles: repos.circles,
      clock,
    }),
    async close() {
      await pubsub.close();
      await store.close();
      await db.close();
    },
  };
}
