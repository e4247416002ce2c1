// `npm start` as a user runs it (scripts/start.ts, on embedded defaults: PGlite under a throw-away DATA_DIR,
// the in-process event bus): the contexts in its process, the gateway in a process of its own, supervised.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../lib/testing/eventually';
import {
  FinishAtDocument,
  RegisterDocument,
  StartWithIdDocument,
  WorkoutSamplesDocument,
  WorkoutXpDocument,
} from './__generated__/operations';
import {
  gatewayClient,
  isAlive,
  launchScript,
  tail,
  type GatewayClient,
  type Launcher,
} from './support/services-launcher';
import { ndjson, runSamples } from './support/tracks';
import { freePort } from '../lib/server/free-port';

/** Seven contexts migrating a fresh embedded database, then the gateway, on two busy cores. */
const START_UP_MS = 240_000;

describe('npm start: the contexts in one process, the gateway in another', () => {
  let dataDir: string;
  let launcher: Launcher;
  let gateway: GatewayClient;
  let token: string;
  let workoutId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pulse-npm-start-'));
    launcher = launchScript('scripts/start.ts', ['--ephemeral-ports'], {
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PUBLIC_HOST: '127.0.0.1',
      PORT: String(await freePort()),
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    });
    await launcher.waitFor(/^Pulse is up/, START_UP_MS);
    gateway = gatewayClient((await launcher.waitFor(/^gateway pid \d+ up at (\S+)/, 1_000))[1]!);
  }, START_UP_MS + 10_000);

  afterAll(async () => {
    if (launcher.process.exitCode === null) launcher.process.kill('SIGKILL');
    for (const pid of launcher.allPids().filter(isAlive)) process.kill(-pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  /** Fails with npm start's last lines. */
  const withOutput = async (test: () => Promise<void>) => {
    try {
      await test();
    } catch (error) {
      if (error instanceof Error) error.message += `\n\nnpm start's output:\n${tail(launcher.lines)}`;
      throw error;
    }
  };

  it('answers from the gateway process, not from the contexts’ one', () =>
    withOutput(async () => {
      const registered = await gateway.send(RegisterDocument, {
        email: `ann-${randomUUID()}@example.com`,
        password: 'correct horse battery staple',
        displayName: 'Ann',
      });
      expect(registered.result.errors).toBeUndefined();
      token = registered.result.data!.register.accessToken;
      expect(Number(registered.servedBy)).toBe(launcher.pidOf('gateway'));
      expect(Number(registered.servedBy)).not.toBe(launcher.process.pid);
    }));

  it('records a workout through it (GraphQL and the proxied /telemetry route) and credits it', () =>
    withOutput(async () => {
      const start = Date.parse('2026-11-20T07:00:00Z');
      const started = await gateway.send(
        StartWithIdDocument,
        { sport: 'RUN', startedAt: new Date(start).toISOString() },
        token,
      );
      workoutId = started.result.data!.startWorkout.id;
      const route = await gateway.postRoute(
        `/telemetry/workouts/${workoutId}/batches/all`,
        ndjson(runSamples({ start, seconds: 599, speed: 3 })),
        'application/x-ndjson',
        token,
      );
      expect(route).toMatchObject({ status: 200, body: { accepted: 600, sampleCount: 600 } });
      expect(Number(route.servedBy)).toBe(launcher.pidOf('gateway'));
      const finished = await gateway.send(
        FinishAtDocument,
        { id: workoutId, finishedAt: '2026-11-20T07:10:00Z' },
        token,
      );
      expect(finished.result.data!.finishWorkout).toMatchObject({ status: 'FINISHED', elapsedSeconds: 600 });
      await eventually(async () => {
        const { result } = await gateway.send(WorkoutXpDocument, { id: workoutId }, token);
        expect(result.data!.workout!.xpAward?.points).toBeGreaterThan(0);
      }, 60_000);
    }));

  it('restarts a gateway that died; the data is still there', () =>
    withOutput(async () => {
      const killed = launcher.pidOf('gateway')!;
      process.kill(killed, 'SIGKILL');
      await launcher.waitFor(/^gateway pid \d+ up at \S+ in [\d.]+ s \(restart 1\)/, 120_000);
      expect(launcher.pidOf('gateway')).not.toBe(killed);
      const { result } = await gateway.send(WorkoutSamplesDocument, { id: workoutId }, token);
      expect(result.data!.workout).toMatchObject({ status: 'FINISHED', sampleCount: 600 });
    }));

  it('stops the gateway, then the contexts, on SIGTERM, and exits 0', () =>
    withOutput(async () => {
      const gatewayPid = launcher.pidOf('gateway')!;
      launcher.process.kill('SIGTERM');
      expect(await launcher.exited).toBe(0);
      expect(isAlive(gatewayPid)).toBe(false);
      expect(launcher.lines).toContainEqual(expect.stringMatching(/^gateway pid \d+ stopped \(code 0\)/));
    }));
});
