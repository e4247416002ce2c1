/** The gamification context: XP, levels, achievements, challenges and live leaderboards, fed by workouts. */
import { defineContext, schemaBeside } from '../../../lib/context/context-descriptor';
import { consumingOnce, inTransaction } from '../../../lib/db/unit-of-work';
import { createPubSub } from '../../../lib/pubsub/create-pubsub';
import { createInProcessPubSub } from '../../../lib/pubsub/in-process-pubsub';
import { createAthleteService } from './athletes/athlete.service';
import { createChallengeService } from './challenges/challenge.service';
import { GAMIFICATION_CONSUMER, gamificationConsumers } from './gamification.consumers';
import { createGamificationPrisma } from './gamification.prisma';
import { gamificationRepos } from './gamification.repos';
import { createLeaderboardStore } from './leaderboards/create-leaderboard-store';
import { rebuildLeaderboards } from './leaderboards/leaderboard-rebuild';
import { IN_PROCESS_LEADERBOARDS_NOTE, restoreLeaderboards } from './leaderboards/leaderboard-restore';
import { createLeaderboardUpdater } from './leaderboards/leaderboard-updates';
import { createLeaderboardService } from './leaderboards/leaderboard.service';
import { createWorkoutCreditService } from './ledger/workout-credit.service';
import { createResolvers } from './resolvers';

export const gamificationContext = defineContext({
  name: 'gamification',
  typeDefs: schemaBeside(__dirname),
  createClient: createGamificationPrisma,
  publishes: [
    'gamification.achievement.unlocked',
    'gamification.level.reached',
    'gamification.challenge.completed',
  ],
  parts: ({ db, config, logger, clock, notify, hold, serving }) => {
    const store = createLeaderboardStore(config, logger);
    hold(() => store.close());
    // A replay publishes no live leaderboard changes: nobody subscribes to its process.
    const pubsub = serving ? createPubSub(config, logger) : createInProcessPubSub();
    hold(() => pubsub.close());
    // In-process leaderboards written by a replay would end with its process: the next start rebuilds them.
    const updater =
      serving || store.durable
        ? createLeaderboardUpdater({ store, pubsub, logger })
        : { apply: async () => undefined };
    const repos = gamificationRepos(db);
    const unitOfWork = inTransaction(db, gamificationRepos);
    return {
      store,
      updater,
      rebuild: () => rebuildLeaderboards({ repos, inTransaction: unitOfWork, store, clock }),
      credits: createWorkoutCreditService({ clock }),
      athletes: createAthleteService({ repos, inTransaction: unitOfWork, clock, notify }),
      challenges: createChallengeService({
        repos,
        inTransaction: unitOfWork,
        leaderboards: updater,
        clock,
        notify,
      }),
      leaderboards: createLeaderboardService({
        store,
        pubsub,
        challenges: repos.challenges,
        circles: repos.circles,
        clock,
      }),
    };
  },
  // Before consuming and listening: no event or request may write to a leaderboard being rebuilt.
  prepare: async ({ store, rebuild }, { logger }) => {
    await restoreLeaderboards({ store, rebuild, logger });
  },
  consumers: ({ credits, updater }, { db, notify }) =>
    gamificationConsumers({
      consumeOnce: consumingOnce(db, GAMIFICATION_CONSUMER, gamificationRepos),
      credits,
      leaderboards: updater,
      notify,
    }),
  // With a durable store (Redis) the replay moved the leaderboards as it went; rebuilding them from the
  // ledger and the facts makes them equal what the database says, whatever writes were lost before.
  afterReplay: async ({ store, rebuild }) => {
    if (!store.durable) return IN_PROCESS_LEADERBOARDS_NOTE;
    const rebuilt = await rebuild();
    return `gamification: rebuilt ${rebuilt.boards} board(s) with ${rebuilt.entries} entries from the ledger.`;
  },
  resolvers: ({ athletes, challenges, leaderboards }) =>
    createResolvers({ athletes, challenges, leaderboards }),
});
