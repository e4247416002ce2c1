/** Composition root of the gamification subgraph: wires the real adapters, its events, and serves the schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { createJwtVerifier, remoteJwks } from '../../../lib/auth/jwt-verifier';
import { openContextDatabase } from '../../../lib/db/context-database';
import { startContextEvents, type ContextEvents } from '../../../lib/events/context-events';
import { createPubSub } from '../../../lib/pubsub/create-pubsub';
import { startSubgraphServer, type StartSubgraph } from '../../../lib/server/subgraph-server';
import { createAthleteRepo } from './athlete.repo';
import { createAthleteService } from './athlete.service';
import { rebuildBoards } from './board-rebuild';
import { restoreBoards } from './board-restore';
import { createBoardUpdater } from './board-updates';
import { createChallengeRepo } from './challenge.repo';
import { createChallengeService } from './challenge.service';
import { createGamificationEventHandlers } from './gamification.events';
import { createGamificationPrisma } from './gamification.prisma';
import { createLeaderboardService } from './leaderboard.service';
import { createLeaderboardStore } from './leaderboards';
import { createResolvers } from './resolvers';
import { createWorkoutFactRepo } from './workout-fact.repo';
import { createXpLedgerRepo } from './xp-ledger.repo';

export { rebuildBoards } from './board-rebuild';
export { createGamificationEventHandlers, gamificationConsumers } from './gamification.events';

export const typeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export const startGamificationSubgraph: StartSubgraph = async (options) => {
  const { config } = options;
  const logger = options.logger.child({ subgraph: 'gamification' });
  const db = await openContextDatabase({
    context: 'gamification',
    target: options.database,
    createClient: createGamificationPrisma,
    logger,
  });
  const prisma = db.client;
  const clock = { now: () => new Date() };
  const store = createLeaderboardStore(config, logger);
  const pubsub = createPubSub(config, logger);
  const boards = createBoardUpdater({ store, pubsub, logger });
  const release = async () => {
    await pubsub.close();
    await store.close();
    await db.close();
  };
  let events: ContextEvents;
  try {
    // Before consuming and listening: no event or request may write to a board being rebuilt.
    await restoreBoards({ store, rebuild: () => rebuildBoards(prisma, store), logger });
    events = await startContextEvents({
      context: 'gamification',
      db: prisma,
      bus: options.bus,
      logger,
      publishes: true,
      handlers: (notify) => createGamificationEventHandlers({ prisma, boards, notify, clock }),
    });
  } catch (error) {
    await release();
    throw error;
  }
  const challengeRepo = createChallengeRepo(prisma);

  return startSubgraphServer({
    name: 'gamification',
    config,
    typeDefs,
    resolvers: createResolvers({
      athletes: createAthleteService({
        prisma,
        athletes: createAthleteRepo(prisma),
        facts: createWorkoutFactRepo(prisma),
        ledger: createXpLedgerRepo(prisma),
        clock,
        notify: events.notify,
      }),
      challenges: createChallengeService({ prisma, challenges: challengeRepo, boards, clock }),
      leaderboards: createLeaderboardService({ store, pubsub, challenges: challengeRepo, clock }),
    }),
    host: options.host,
    publicHost: config.http.publicHost,
    port: options.port,
    verifier: createJwtVerifier({
      keys: remoteJwks(options.jwksUrl),
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    }),
    logger,
    ready: db.ping,
    // Stop consuming and publishing before what they use goes away.
    onStop: async () => {
      await events.stop();
      await release();
    },
  });
};
