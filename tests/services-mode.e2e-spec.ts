// Services mode on one machine (`npm run start:services`): the gateway (two processes on one port) and
// every subgraph as their own OS processes, on PostgreSQL (a throw-away database the launcher creates),
// Redis (an empty logical database of its own) and the Redis Streams event bus, started as a child
// process on free ports. Runs only where DATABASE_URL and REDIS_URL reach a PostgreSQL and a Redis.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type FormattedExecutionResult } from 'graphql';
import WebSocket from 'ws';
import { eventually } from '../lib/testing/eventually';
import {
  AddGearDocument,
  FinishAtDocument,
  GamificationMeDocument,
  LoginDocument,
  MyGearDocument,
  MyWorkoutsThroughMeDocument,
  RecordTelemetryDocument,
  RegisterDocument,
  StartWithIdDocument,
  StartWorkoutWithGearDocument,
  WorkoutProgressDocument,
  WorkoutSamplesDocument,
  WorkoutWithAthleteDocument,
  WorkoutXpDocument,
  type WorkoutProgressSubscription,
} from './__generated__/operations';
import {
  gatewayClient,
  isAlive,
  launchServices,
  portsWithOneTaken,
  tail,
  throwAwayDatabase,
  throwAwayRedisDatabase,
  whyServicesModeCannotRun,
  type GatewayClient,
  type Launcher,
} from './support/services-launcher';
import { ndjson, runSamples } from './support/tracks';
import { canListen, freePort } from '../lib/server/free-port';

const PASSWORD = 'correct horse battery staple';
/** Seven subgraphs and a gateway of three processes, loading their code side by side on two busy cores. */
const START_UP_MS = 300_000;
/** What the gateway answers, at once, for a subgraph it cannot reach: try again in a moment. */
const SUBGRAPH_DOWN = ['SUBGRAPH_UNAVAILABLE'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cannotRun = whyServicesModeCannotRun();

if (cannotRun) {
  describe('services mode on one machine (npm run start:services)', () => {
    it.todo(`runs only where DATABASE_URL and REDIS_URL reach a PostgreSQL and a Redis (${cannotRun})`);
  });
} else {
  describe('services mode on one machine (npm run start:services)', () => {
    const database = throwAwayDatabase(process.env.DATABASE_URL!);
    let redis: Awaited<ReturnType<typeof throwAwayRedisDatabase>> | undefined;
    let dataDir: string;
    let launcher: Launcher;
    let gateway: GatewayClient;
    let graphqlUrl: string;

    const launched: Launcher[] = [];
    /** The launcher with `args`, on this file's database, Redis database and data folder. */
    const launch = (args: string[], env: Record<string, string> = {}) => {
      const started = launchServices(args, {
        DATABASE_URL: database.url,
        REDIS_URL: redis!.url,
        HOST: '127.0.0.1',
        PUBLIC_HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        // Every client of this file comes from one address and writes fast.
        GATEWAY_RATE_LIMIT_IP: 'off',
        GATEWAY_RATE_LIMIT_USER: 'off',
        GATEWAY_RATE_LIMIT_TELEMETRY_IP: 'off',
        GATEWAY_RATE_LIMIT_TELEMETRY_USER: 'off',
        ...env,
      });
      launched.push(started);
      return started;
    };

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'pulse-services-'));
      redis = await throwAwayRedisDatabase(process.env.REDIS_URL!);
      launcher = launch(['--ephemeral-ports'], { PORT: String(await freePort()) });
      await launcher.waitFor(/^Pulse is up in services mode/, START_UP_MS);
      graphqlUrl = (await launcher.waitFor(/^gateway pid \d+ up at (\S+)/, 1_000))[1]!;
      gateway = gatewayClient(graphqlUrl);
    }, START_UP_MS + 10_000);

    afterAll(async () => {
      for (const started of launched) {
        if (started.process.exitCode !== null) continue;
        started.process.kill('SIGKILL');
        for (const pid of started.allPids().filter(isAlive)) process.kill(-pid, 'SIGKILL');
      }
      await database.drop();
      await redis?.flush();
      await rm(dataDir, { recursive: true, force: true });
    }, 60_000);

    /** Fails with the launcher's last lines, which say what its processes did. */
    const withOutput = async (test: () => Promise<void>) => {
      try {
        await test();
      } catch (error) {
        if (error instanceof Error) error.message += `\n\nlauncher output:\n${tail(launcher.lines)}`;
        throw error;
      }
    };

    async function anAthlete(displayName: string) {
      const email = `${randomUUID()}@example.com`;
      const { result } = await gateway.send(RegisterDocument, { email, password: PASSWORD, displayName });
      if (!result.data) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
      return { email, token: result.data.register.accessToken, id: result.data.register.user.id };
    }

    /**
     * Sends until the answer has data and no error, as a client retrying would: the data, and the refusals
     * met on the way (with the time each took to come).
     */
    async function untilAccepted<R, V>(operation: TypedDocumentNode<R, V>, variables: V, token: string) {
      const refusals: { code: unknown; message: string; ms: number }[] = [];
      const deadline = Date.now() + 150_000;
      while (Date.now() < deadline) {
        const since = Date.now();
        try {
          const { result } = await gateway.send(operation, variables, token);
          if (result.data && !result.errors) return { data: result.data, refusals };
          const error = result.errors?.[0];
          refusals.push({
            code: error?.extensions?.code,
            message: String(error?.message),
            ms: Date.now() - since,
          });
        } catch (error) {
          refusals.push({ code: undefined, message: String(error), ms: Date.now() - since });
        }
        await sleep(250);
      }
      throw new Error(`never accepted; the last refusals: ${JSON.stringify(refusals.slice(-3))}`);
    }

    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const columns = (start: Date, batchId: string, from: number, count: number) => ({
      batchId,
      sequence: Array.from({ length: count }, (_, i) => from + i),
      time: Array.from({ length: count }, (_, i) => start.getTime() + (from + i) * 1000),
      latitude: Array.from({ length: count }, (_, i) => 45.1 + (from + i) * 0.00003),
      longitude: Array.from({ length: count }, () => 13.6),
      heartRate: Array.from({ length: count }, () => 140),
    });

    it(
      "serves the README's example session: register, sign in, a workout with telemetry, read back",
      () =>
        withOutput(async () => {
          const email = `ann-${randomUUID()}@example.com`;
          const registered = await gateway.send(RegisterDocument, {
            email,
            password: PASSWORD,
            displayName: 'Ann',
          });
          expect(registered.result.errors).toBeUndefined();
          const login = await gateway.send(LoginDocument, { email, password: PASSWORD });
          const token = login.result.data!.login.accessToken;
          expect(login.result.data!.login.user.id).toBe(registered.result.data!.register.user.id);

          const started = await gateway.send(
            StartWithIdDocument,
            { sport: 'RUN', startedAt: '2026-11-20T07:00:00Z' },
            token,
          );
          const id = started.result.data!.startWorkout.id;
          const start = new Date('2026-11-20T07:00:00Z');
          const batch = await gateway.send(
            RecordTelemetryDocument,
            { workoutId: id, batch: columns(start, 'first', 0, 120) },
            token,
          );
          expect(batch.result.data!.recordTelemetry).toMatchObject({ accepted: 120, sampleCount: 120 });
          // The large-batch route on the gateway's port, proxied to the training process.
          const more = runSamples({ start: start.getTime(), seconds: 199, speed: 3 }).slice(120);
          const route = await gateway.postRoute(
            `/telemetry/workouts/${id}/batches/second`,
            ndjson(more),
            'application/x-ndjson',
            token,
          );
          expect(route).toMatchObject({ status: 200, body: { accepted: 80, sampleCount: 200 } });
          const finished = await gateway.send(
            FinishAtDocument,
            { id, finishedAt: '2026-11-20T07:52:10Z', distanceMeters: 10012.5 },
            token,
          );
          expect(finished.result).toMatchObject({ data: { finishWorkout: { id, status: 'FINISHED' } } });
          expect(finished.result.data!.finishWorkout.elapsedSeconds).toBe(3130);

          // `me` comes from identity, `workouts` from training, joined by the gateway.
          const mine = await gateway.send(MyWorkoutsThroughMeDocument, { first: 10 }, token);
          expect(mine.result.data!.me).toMatchObject({
            displayName: 'Ann',
            workouts: { edges: [{ node: { id } }] },
          });
          const workout = await gateway.send(WorkoutWithAthleteDocument, { id }, token);
          expect(workout.result.data!.workout).toMatchObject({
            id,
            sport: 'RUN',
            athlete: { displayName: 'Ann' },
          });
          const samples = await gateway.send(WorkoutSamplesDocument, { id }, token);
          expect(samples.result.data!.workout).toEqual({ id, status: 'FINISHED', sampleCount: 200 });
        }),
      120_000,
    );

    it(
      'answers from two gateway processes and streams workoutProgress fed by batches either one took',
      () =>
        withOutput(async () => {
          const { token } = await anAthlete('Live Ann');
          const start = hoursAgo(1);
          const { result } = await gateway.send(
            StartWithIdDocument,
            { sport: 'RUN', startedAt: start.toISOString() },
            token,
          );
          const workoutId = result.data!.startWorkout.id;
          const messages: NonNullable<WorkoutProgressSubscription['workoutProgress']>[] = [];
          const errors: unknown[] = [];
          const client = createClient({
            url: graphqlUrl.replace(/^http/, 'ws'),
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${token}` },
            retryAttempts: 0,
          });
          try {
            client.subscribe<WorkoutProgressSubscription>(
              { query: print(WorkoutProgressDocument), variables: { workoutId } },
              {
                next: (next) => {
                  if (next.data) messages.push(next.data.workoutProgress);
                  if (next.errors) errors.push(...next.errors);
                },
                error: (error) => errors.push(error),
                complete: () => undefined,
              },
            );
            await eventually(() => expect(messages[0]).toMatchObject({ sampleCount: 0 }), 30_000);

            // Each batch on a new connection: node:cluster hands connections to the workers in turn.
            const servedBy = new Set<string>();
            let sent = 0;
            while (sent < 1_000 && (servedBy.size < 2 || sent < 400)) {
              const batch = columns(start, `live-${sent}`, sent, 100);
              const answer = await gateway.send(RecordTelemetryDocument, { workoutId, batch }, token);
              expect(answer.result.data!.recordTelemetry).toMatchObject({ accepted: 100 });
              servedBy.add(answer.servedBy!);
              sent += 100;
            }
            expect(servedBy.size).toBe(2);
            // Workers of the gateway's primary, not processes the launcher started itself.
            const started = launcher.allPids().map(String);
            expect([...servedBy].filter((pid) => started.includes(pid))).toEqual([]);
            await eventually(() => expect(messages.at(-1)).toMatchObject({ sampleCount: sent }), 30_000);
            expect(errors).toEqual([]);
          } finally {
            await client.dispose();
          }
        }),
      120_000,
    );

    it(
      'keeps the other subgraphs serving while training is killed (kill -9), restarts it, and loses no accepted sample',
      () =>
        withOutput(async () => {
          const WRITERS = 4;
          const BATCHES = 24;
          const SIZE = 25;
          const athletes = await Promise.all(
            Array.from({ length: WRITERS }, (_, i) => anAthlete(`Writer ${i}`)),
          );
          const start = hoursAgo(2);
          const workouts = await Promise.all(
            athletes.map(async ({ token }) => {
              const { result } = await gateway.send(
                StartWithIdDocument,
                { sport: 'RUN', startedAt: start.toISOString() },
                token,
              );
              return result.data!.startWorkout.id;
            }),
          );

          let batchesDone = 0;
          const refusals: { code: unknown; message: string; ms: number }[] = [];
          const writing = Promise.all(
            athletes.map(async ({ token }, i) => {
              for (let b = 0; b < BATCHES; b++) {
                const batch = columns(start, `b${b}`, b * SIZE, SIZE);
                const sent = await untilAccepted(
                  RecordTelemetryDocument,
                  { workoutId: workouts[i]!, batch },
                  token,
                );
                refusals.push(...sent.refusals);
                batchesDone += 1;
                await sleep(150);
              }
            }),
          );

          await eventually(() => expect(batchesDone).toBeGreaterThanOrEqual(2 * WRITERS), 60_000);
          const killed = launcher.pidOf('training')!;
          process.kill(killed, 'SIGKILL');
          await eventually(() => expect(isAlive(killed)).toBe(false));

          // While training is down: identity and inventory answer in full; a query for training's data is
          // refused at once with a code.
          const [ann] = athletes;
          const others = await gateway.send('{ me { id displayName } myGear { id } }', {}, ann!.token);
          expect(others.result).toEqual({
            data: { me: { id: ann!.id, displayName: 'Writer 0' }, myGear: [] },
          });
          const refused = await gateway.send(WorkoutSamplesDocument, { id: workouts[0]! }, ann!.token);
          expect(SUBGRAPH_DOWN).toContain(refused.result.errors?.[0]?.extensions?.code);
          expect(launcher.pidOf('training')).toBe(killed);

          await launcher.waitFor(/^training pid \d+ up at \S+ in [\d.]+ s \(restart 1\)/, 120_000);
          expect(launcher.lines).toContainEqual(
            expect.stringMatching(new RegExp(`^training pid ${killed} died \\(signal SIGKILL\\)`)),
          );
          await writing;

          // Requests sent while it was down were refused with a code, none left hanging; the retries got in.
          expect(refusals.length).toBeGreaterThan(0);
          for (const refusal of refusals) {
            expect(SUBGRAPH_DOWN).toContain(refusal.code);
            expect(refusal.ms).toBeLessThan(15_000);
          }
          for (const [i, { token }] of athletes.entries()) {
            const { result } = await gateway.send(WorkoutSamplesDocument, { id: workouts[i]! }, token);
            expect(result.data!.workout).toMatchObject({
              status: 'IN_PROGRESS',
              sampleCount: BATCHES * SIZE,
            });
          }
        }),
      240_000,
    );

    const BOARD_MOVES = `subscription DistanceMoves($window: String!) {
      leaderboardChanged(board: { metric: DISTANCE, period: WEEK, window: $window }) {
        moves { athlete { id } from to score }
      }
    }`;

    /** The UTC ISO week of an instant, e.g. 2026-W47. */
    function isoWeekOf(date: Date): string {
      const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
      day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
      const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
      firstThursday.setUTCDate(firstThursday.getUTCDate() + 3 - ((firstThursday.getUTCDay() + 6) % 7));
      const week = 1 + Math.round((day.getTime() - firstThursday.getTime()) / 604_800_000);
      return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
    }

    /** A run's XP by subgraphs/gamification/src/RULES.md: 10 per km and 1 per minute in motion, floored. */
    const xpOfA5kRun = (movingSeconds: number | null | undefined) =>
      5 * 10 + Math.floor((movingSeconds ?? 0) / 60);

    /** A workout with gear: training knows the gear once inventory's event reached it. */
    async function aWorkoutWithGear(token: string, gearId: string, startedAt: Date) {
      const { data } = await untilAccepted(
        StartWorkoutWithGearDocument,
        { sport: 'RUN', gearIds: [gearId], startedAt: startedAt.toISOString() },
        token,
      );
      return data.startWorkout.id;
    }

    async function shoesOf(token: string) {
      const { result } = await gateway.send(
        AddGearDocument,
        { input: { kind: 'SHOES', brand: 'Asics', model: 'Novablast' } },
        token,
      );
      return result.data!.addGear.id;
    }

    it(
      'carries a finished workout across processes: XP from gamification, wear from inventory, a board move',
      () =>
        withOutput(async () => {
          const ann = await anAthlete('Ann Events');
          const gearId = await shoesOf(ann.token);
          const startedAt = hoursAgo(1);
          const workoutId = await aWorkoutWithGear(ann.token, gearId, startedAt);

          const moves: { athlete: { id: string }; from: number | null; to: number | null; score: number }[] =
            [];
          const errors: unknown[] = [];
          const client = createClient({
            url: graphqlUrl.replace(/^http/, 'ws'),
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${ann.token}` },
            retryAttempts: 0,
          });
          let updates = 0;
          try {
            client.subscribe<{ leaderboardChanged: { moves: typeof moves } }>(
              { query: BOARD_MOVES, variables: { window: isoWeekOf(startedAt) } },
              {
                next: (next: FormattedExecutionResult<{ leaderboardChanged: { moves: typeof moves } }>) => {
                  updates += 1;
                  if (next.data) moves.push(...next.data.leaderboardChanged.moves);
                  if (next.errors) errors.push(...next.errors);
                },
                error: (error) => errors.push(error),
                complete: () => undefined,
              },
            );
            await eventually(() => expect(updates).toBeGreaterThan(0), 30_000);

            const finished = await gateway.send(
              FinishAtDocument,
              {
                id: workoutId,
                finishedAt: new Date(startedAt.getTime() + 1_800_000).toISOString(),
                distanceMeters: 5_000,
              },
              ann.token,
            );
            expect(finished.result.errors).toBeUndefined();

            await eventually(async () => {
              const xp = await gateway.send(WorkoutXpDocument, { id: workoutId }, ann.token);
              expect(xp.result.data!.workout!.xpAward!.points).toBe(
                xpOfA5kRun(finished.result.data!.finishWorkout.movingSeconds),
              );
            }, 60_000);
            await eventually(async () => {
              const gear = await gateway.send(MyGearDocument, {}, ann.token);
              expect(gear.result.data!.myGear).toEqual([
                expect.objectContaining({ id: gearId, distanceMeters: 5_000, workoutCount: 1 }),
              ]);
            }, 60_000);
            await eventually(
              () =>
                expect(moves).toContainEqual({
                  athlete: { id: ann.id },
                  from: null,
                  to: expect.any(Number),
                  score: 5_000,
                }),
              60_000,
            );
            expect(errors).toEqual([]);
          } finally {
            await client.dispose();
          }
        }),
      180_000,
    );

    it(
      'credits every workout finished around a kill -9 of gamification exactly once, once it is back',
      () =>
        withOutput(async () => {
          const athletes = await Promise.all([0, 1, 2].map((i) => anAthlete(`Finisher ${i}`)));
          const startedAt = hoursAgo(3);
          const plans = await Promise.all(
            athletes.map(async (athlete) => {
              const gearId = await shoesOf(athlete.token);
              const first = await aWorkoutWithGear(athlete.token, gearId, startedAt);
              const second = await aWorkoutWithGear(
                athlete.token,
                gearId,
                new Date(startedAt.getTime() + 3_600_000),
              );
              return { athlete, gearId, workouts: [first, second] };
            }),
          );
          const finish = (token: string, id: string, index: number) =>
            untilAccepted(
              FinishAtDocument,
              {
                id,
                finishedAt: new Date(startedAt.getTime() + index * 3_600_000 + 1_800_000).toISOString(),
                distanceMeters: 5_000,
              },
              token,
            );

          // The first workouts finish, gamification dies while their events are on their way, the second
          // ones finish while it is down.
          const firsts = await Promise.all(
            plans.map(({ athlete, workouts }) => finish(athlete.token, workouts[0]!, 0)),
          );
          const killed = launcher.pidOf('gamification')!;
          process.kill(killed, 'SIGKILL');
          await eventually(() => expect(isAlive(killed)).toBe(false));
          const seconds = await Promise.all(
            plans.map(({ athlete, workouts }) => finish(athlete.token, workouts[1]!, 1)),
          );
          // What each is worth by the rules, not by the ledger (a workout's award is its entries' sum).
          const worth = [...firsts, ...seconds].map(({ data }) =>
            xpOfA5kRun(data.finishWorkout.movingSeconds),
          );
          const down = await gateway.send(GamificationMeDocument, {}, athletes[0]!.token);
          if (launcher.pidOf('gamification') === killed) {
            expect(SUBGRAPH_DOWN).toContain(down.result.errors?.[0]?.extensions?.code);
          }

          await launcher.waitFor(/^gamification pid \d+ up at \S+ in [\d.]+ s \(restart 1\)/, 120_000);
          const credited = async () =>
            Promise.all(
              plans.map(async ({ athlete, workouts }) => {
                const awards = await Promise.all(
                  workouts.map(async (id) => {
                    const { result } = await gateway.send(WorkoutXpDocument, { id }, athlete.token);
                    return result.data?.workout?.xpAward?.points ?? null;
                  }),
                );
                const me = await gateway.send(GamificationMeDocument, {}, athlete.token);
                const gear = await gateway.send(MyGearDocument, {}, athlete.token);
                const shoes = gear.result.data?.myGear[0];
                return {
                  awards,
                  xp: me.result.data?.me.xp,
                  gear: shoes && { distanceMeters: shoes.distanceMeters, workoutCount: shoes.workoutCount },
                };
              }),
            );
          let settled: Awaited<ReturnType<typeof credited>> = [];
          await eventually(async () => {
            settled = await credited();
            for (const [i, { awards, xp, gear }] of settled.entries()) {
              // Credited once: an event handled twice would have doubled an award and the total.
              const expected = [worth[i]!, worth[plans.length + i]!];
              expect(awards).toEqual(expected);
              expect(xp).toBe(expected[0]! + expected[1]!);
              expect(gear).toEqual({ distanceMeters: 10_000, workoutCount: 2 });
            }
          }, 90_000);
          // Redelivered events arriving late change nothing.
          await sleep(3_000);
          expect(await credited()).toEqual(settled);
        }),
      240_000,
    );

    it(
      'stops on SIGTERM: the gateway first, then every subgraph, and exits 0',
      () =>
        withOutput(async () => {
          const pids = [
            'identity',
            'training',
            'inventory',
            'gamification',
            'insights',
            'notifications',
            'social',
          ]
            .map((name) => launcher.pidOf(name)!)
            .concat(launcher.pidOf('gateway')!);
          expect(pids.every(isAlive)).toBe(true);
          launcher.process.kill('SIGTERM');
          expect(await launcher.exited).toBe(0);
          expect(pids.filter(isAlive)).toEqual([]);
          const stopped = launcher.lines.flatMap((line) => /^(\w+) pid \d+ stopped/.exec(line)?.[1] ?? []);
          expect(stopped[0]).toBe('gateway');
          expect(new Set(stopped.slice(1))).toEqual(
            new Set([
              'identity',
              'training',
              'inventory',
              'gamification',
              'insights',
              'notifications',
              'social',
            ]),
          );
        }),
      60_000,
    );

    it(
      'stops everything and exits 1 with the reason when a subgraph cannot start (its port is taken)',
      async () => {
        const { base, blocker } = await portsWithOneTaken(2);
        const failing = launch(['--base-port', String(base)]);
        try {
          expect(await failing.exited).toBe(1);
          const training = `127.0.0.1:${base + 2}`;
          expect(failing.lines).toContainEqual(
            expect.stringMatching(
              new RegExp(
                `^Pulse could not start: training exited \\(code 1\\) while starting: .*EADDRINUSE.*${training}`,
              ),
            ),
          );
          // identity was up, the others were on their way: none is left.
          expect(failing.pidOf('identity')).toEqual(expect.any(Number));
          expect(failing.allPids().filter(isAlive)).toEqual([]);
          for (let port = base + 1; port <= base + 7; port++) {
            if (port !== base + 2) expect(await canListen(port)).toBe(true);
          }
        } catch (error) {
          if (error instanceof Error) error.message += `\n\nlauncher output:\n${tail(failing.lines)}`;
          throw error;
        } finally {
          blocker.close();
        }
      },
      START_UP_MS,
    );
  });
}
