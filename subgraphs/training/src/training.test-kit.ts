/**
 * Training as its integration tests drive it: the context's own parts, consumers, GraphQL schema and GPX
 * export route on a test database, with the viewer given per call (what the subgraph's context value
 * carries after verifying the access token). Events are delivered through the real consumers.
 */
import { createServer } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { execute, parse, subscribe, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../../../lib/auth/viewer';
import { toBusMessage, type EventEnvelope } from '../../../lib/events/envelope';
import { dispatcher } from '../../../lib/events/event-consumer';
import { testContextRuntime } from '../../../lib/testing/context-runtime';
import { anEvent } from '../../../lib/testing/test-events';
import { listenOn } from '../../../lib/testing/listen';
import { fileRoutes } from './imports/files.http';
import type { TrackSample } from './metrics/track';
import type { TrainingPrisma } from './training.prisma';
import type { Visibility } from './workouts/workout.repo';
import { trainingContext } from '.';

export { anEvent };

const iso = (at: Date) => at.toISOString();
export const followRequested = (followerId: string, followeeId: string, at = new Date()) =>
  anEvent('social.follow.requested', { followerId, followeeId, requestedAt: iso(at) }, at);
export const followAccepted = (followerId: string, followeeId: string, at = new Date()) =>
  anEvent('social.follow.accepted', { followerId, followeeId, acceptedAt: iso(at), approved: true }, at);
export const followRemoved = (followerId: string, followeeId: string, at = new Date()) =>
  anEvent('social.follow.removed', { followerId, followeeId, removedAt: iso(at) }, at);
export const userBlocked = (blockerId: string, blockedId: string, at = new Date()) =>
  anEvent('social.user.blocked', { blockerId, blockedId, blockedAt: iso(at) }, at);
export const userUnblocked = (blockerId: string, blockedId: string, at = new Date()) =>
  anEvent('social.user.unblocked', { blockerId, blockedId, unblockedAt: iso(at) }, at);
export const userDeleted = (userId: string, at = new Date()) =>
  anEvent('identity.user.deleted', { userId, deletedAt: iso(at) }, at);

export const athlete = (userId: string): Viewer => ({ userId, roles: ['ATHLETE'] });

/** A short straight track (north from 45.9°N 14.5°E, 10 s per sample) with heart rate. */
export const aTrack = (count = 30, startMs = Date.now() - 3_600_000): TrackSample[] =>
  Array.from({ length: count }, (_, i) => ({
    time: startMs + i * 10_000,
    latitude: 45.9 + i * 0.0003,
    longitude: 14.5,
    altitude: 300 + i,
    heartRate: 140,
    cadence: null,
    power: null,
    speed: null,
    temperature: null,
  }));

/** Opens training's parts on `db`; `close()` releases them and the GPX route's server. */
export async function openTraining(db: TrainingPrisma) {
  const runtime = testContextRuntime('training', db);
  const parts = await trainingContext.parts(runtime);
  const handle = dispatcher(trainingContext.consumers!(parts, runtime));
  const schema: GraphQLSchema = buildSubgraphSchema([
    { typeDefs: trainingContext.typeDefs, resolvers: trainingContext.resolvers(parts, runtime) as never },
  ]);
  const app = express();
  // The access token is the user's id: the verifier's own checks are lib/auth's to test.
  const verifier = { verify: async (token: string) => athlete(token) };
  fileRoutes({ verifier, imports: parts.imports, telemetry: parts.telemetry, logger: runtime.logger })(app);
  const server = createServer(app);
  const origin = await listenOn(server);

  return {
    parts,
    /** Delivers events through training's consumers, in order, as the bus would. */
    async deliver(...events: EventEnvelope[]): Promise<void> {
      for (const event of events)
        await handle({
          ...toBusMessage(event),
          partition: 0,
          offset: '0',
          timestamp: new Date(),
          attempt: 1,
        });
    },
    /** Runs a GraphQL operation as `viewer` (null: anonymous). */
    gql: (viewer: Viewer | null, query: string, variableValues: Record<string, unknown> = {}) =>
      execute({
        schema,
        document: parse(query),
        variableValues,
        contextValue: { viewer },
      }) as Promise<ExecutionResult<Record<string, unknown>>>,
    /** Subscribes as `viewer`: the iterator, or the result with the errors when refused. */
    subscribe: (viewer: Viewer | null, query: string, variableValues: Record<string, unknown> = {}) =>
      subscribe({ schema, document: parse(query), variableValues, contextValue: { viewer } }),
    /** `GET /exports/workouts/{id}.gpx` as `viewer` (null: without a token). */
    exportGpx: (viewer: Viewer | null, id: string) =>
      fetch(`${origin}/exports/workouts/${id}.gpx`, {
        headers: viewer ? { authorization: `Bearer ${viewer.userId}` } : {},
      }),
    /** A finished workout of `owner` with `track`, then given `visibility`; returns its id. */
    async aFinishedWorkout(owner: Viewer, track: TrackSample[], visibility: Visibility): Promise<string> {
      const first = track[0]!.time!;
      const { id } = await parts.workouts.start(owner, { sport: 'RUN', startedAt: new Date(first) });
      await parts.telemetry.record(owner, id, {
        batchId: 'all',
        sequence: track.map((_, i) => i),
        time: track.map((s) => s.time!),
        latitude: track.map((s) => s.latitude),
        longitude: track.map((s) => s.longitude),
        altitude: track.map((s) => s.altitude),
        heartRate: track.map((s) => s.heartRate),
      });
      await parts.workouts.finish(owner, { id, finishedAt: new Date(track.at(-1)!.time! + 1000) });
      await parts.workouts.update(owner, { id, visibility, title: 'Morning Run', notes: 'felt slow' });
      return id;
    },
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await runtime.release();
    },
  };
}

export type TrainingUnderTest = Awaited<ReturnType<typeof openTraining>>;

/** The code of a GraphQL result's first error (what the subgraph's error mapper turns into extensions.code). */
export const errorCode = (result: ExecutionResult): string | undefined =>
  (result.errors?.[0]?.originalError as { code?: string } | undefined)?.code;
