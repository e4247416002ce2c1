/**
 * The social context on a throw-away database, wired by its descriptor (index.ts), for tests and the bench:
 * events handed to its consumers, a clock the test moves, a data directory of its own (the file object store),
 * and helpers that register athletes and finish their workouts as identity and training would tell it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../../lib/clock';
import { loadConfig } from '../../../lib/config/config';
import type { AnyEvent } from '../../../lib/events/envelope';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import { testContextRuntime } from '../../../lib/testing/context-runtime';
import { movableClock } from '../../../lib/testing/movable-clock';
import { openTestContextDatabase, type TestDatabaseKind } from '../../../lib/testing/test-databases';
import { anEvent } from '../../../lib/testing/test-events';
import { aWorkoutSummary } from '../../../lib/testing/workout-summaries';
import { socialContext } from '.';

export type TestSocial = Awaited<ReturnType<typeof openTestSocial>>;

export async function openTestSocial(
  kind: TestDatabaseKind,
  options: { clock?: Clock; env?: Record<string, string> } = {},
) {
  const clock = options.clock ?? movableClock('2026-12-01T12:00:00Z');
  const dataDir = await mkdtemp(join(tmpdir(), 'pulse-social-'));
  const db = await openTestContextDatabase(kind, 'social', socialContext.createClient);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  const runtime = testContextRuntime('social', db.client, { clock, config });
  const parts = await socialContext.parts(runtime);
  const handlers = socialContext.consumers!(parts, runtime);

  async function deliver(event: AnyEvent): Promise<void> {
    const handler = handlers[event.type] as ((e: AnyEvent) => Promise<void>) | undefined;
    if (!handler) throw new Error(`social does not handle ${event.type}`);
    await handler(event);
  }

  return {
    prisma: db.client,
    dataDir,
    clock,
    ...parts,
    deliver,
    /** Registers an athlete (identity.user.registered) and returns their id. */
    async athlete(displayName: string, timeZone = 'UTC'): Promise<string> {
      const userId = uuidv7();
      await deliver(
        anEvent('identity.user.registered', {
          userId,
          displayName,
          registeredAt: clock.now().toISOString(),
          timeZone,
        }),
      );
      return userId;
    },
    /** Training tells of a finished workout (training.workout.completed); returns its summary. */
    async finished(userId: string, overrides: Partial<WorkoutSummary> = {}): Promise<WorkoutSummary> {
      const summary = aWorkoutSummary({ userId, visibility: 'FOLLOWERS', ...overrides });
      await deliver(anEvent('training.workout.completed', summary));
      return summary;
    },
    /** The events the context wrote into its outbox, oldest first, of `type` when given. */
    async published(type?: string) {
      const rows = await db.client.outboxEvent.findMany({
        where: type ? { type } : {},
        orderBy: { sequence: 'asc' },
      });
      return rows.map((row) => row.payload as unknown as AnyEvent);
    },
    close: async () => {
      await runtime.release();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
