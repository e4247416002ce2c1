/**
 * The gamification context's event handlers: training's workout events credit, correct or reverse XP and
 * move the boards; identity's user deletion erases the user. Each event is applied once (consumeOnce
 * records its id with its effects); the board changes follow the commit.
 */
import { getConfig, type Config } from '../../../lib/config/config';
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { EventHandlers } from '../../../lib/events/event-consumer';
import { consumeOnce } from '../../../lib/events/inbox';
import { createLogger } from '../../../lib/logging/logger';
import { createInProcessPubSub } from '../../../lib/pubsub/in-process-pubsub';
import type { BoardChange } from './board-contributions';
import { rebuildBoards } from './board-rebuild';
import { createBoardUpdater, type BoardUpdater } from './board-updates';
import { createGamificationPrisma, type GamificationPrisma } from './gamification.prisma';
import { createLeaderboardStore } from './leaderboards';
import { eraseUser } from './user-erasure';
import { applyWorkoutState, type WorkoutState } from './workout-credit.service';

/** The consumer name under which gamification records the events it processed. */
export const GAMIFICATION_CONSUMER = 'gamification';

export interface GamificationEventDeps {
  prisma: GamificationPrisma;
  boards: Pick<BoardUpdater, 'apply'>;
  /** Called after a commit that wrote outbox rows (wakes the outbox relay). */
  notify: () => void;
  clock?: { now(): Date };
}

/** Builds the handlers (used by the subgraph and by the replay script). */
export function createGamificationEventHandlers(deps: GamificationEventDeps): EventHandlers {
  const { prisma, boards, notify } = deps;
  const clock = deps.clock ?? { now: () => new Date() };

  async function apply(event: EventEnvelope, state: WorkoutState): Promise<void> {
    let changes: BoardChange[] = [];
    let written = 0;
    await consumeOnce(prisma, GAMIFICATION_CONSUMER, event.id, async (tx) => {
      const outcome = await applyWorkoutState(
        tx,
        state,
        { eventId: event.id, origin: { actorId: event.actorId, causedBy: event } },
        clock.now(),
      );
      changes = outcome.boardChanges;
      written = outcome.events;
    });
    if (written > 0) notify();
    await boards.apply(changes);
  }

  const ofSummary = (event: EventEnvelope<'training.workout.completed' | 'training.workout.updated'>) =>
    apply(event, { kind: 'summary', summary: event.data });

  return {
    'training.workout.completed': ofSummary,
    'training.workout.updated': ofSummary,
    'training.workout.deleted': (event) =>
      apply(event, {
        kind: 'deleted',
        workoutId: event.data.workoutId,
        userId: event.data.userId,
        deletedAt: new Date(event.data.deletedAt),
      }),
    'identity.user.deleted': async (event) => {
      let changes: BoardChange[] = [];
      await consumeOnce(prisma, GAMIFICATION_CONSUMER, event.id, async (tx) => {
        changes = await eraseUser(tx, event.data.userId);
      });
      await boards.apply(changes);
    },
  };
}

/** What a replay says of the boards when they live in the subgraph's memory (no REDIS_URL). */
export const IN_PROCESS_BOARDS_NOTE =
  'gamification: leaderboards not rebuilt by the replay: without REDIS_URL they live in the memory of ' +
  'the gamification subgraph, which rebuilds them from the ledger every time it starts.';

/**
 * How a replay builds gamification's consumers without its server. With a durable store (Redis) the
 * handlers update the boards as they go and, once every retained event was re-delivered, `finish`
 * rebuilds the boards from the ledger and the facts, so they equal what the database says whatever board
 * writes were lost before. In-process boards would end with the replay's process: they are left to the
 * subgraph, which rebuilds them at its next start.
 */
export const gamificationConsumers = {
  context: 'gamification',
  createClient: createGamificationPrisma,
  session: (prisma: GamificationPrisma, config: Config = getConfig()) => {
    const logger = createLogger(config.log.level, 'replay');
    const store = createLeaderboardStore(config, logger);
    const pubsub = createInProcessPubSub();
    const boards = store.durable
      ? createBoardUpdater({ store, pubsub, logger })
      : { apply: async () => undefined };
    return {
      handlers: createGamificationEventHandlers({ prisma, boards, notify: () => undefined }),
      async finish(): Promise<string> {
        if (!store.durable) return IN_PROCESS_BOARDS_NOTE;
        const rebuilt = await rebuildBoards(prisma, store);
        return `gamification: rebuilt ${rebuilt.boards} board(s) with ${rebuilt.entries} entries from the ledger.`;
      },
      async close(): Promise<void> {
        await pubsub.close();
        await store.close();
      },
    };
  },
};
