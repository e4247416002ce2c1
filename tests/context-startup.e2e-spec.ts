import { createServer } from 'node:net';
import { pino } from 'pino';
import { loadConfig } from '../lib/config/config';
import type { AnyContext } from '../lib/context/context-descriptor';
import { startContext } from '../lib/context/start-context';
import { ensurePGliteTemplate } from '../lib/db/pglite-template';
import { createInProcessBus } from '../lib/events/in-process-bus';
import { createTestDatabase, preferredDatabaseKind } from '../lib/testing/test-databases';
import { CONTEXTS } from '../scripts/contexts';

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SUBGRAPH_SECRET: 's'.repeat(32) });

/** The descriptor with a recorder of what it opened and released, failing where `fail` says. */
function recorded(context: AnyContext, fail: 'prepare' | 'start' | 'never') {
  const log: string[] = [];
  const descriptor: AnyContext = {
    ...context,
    parts: async (runtime) => {
      runtime.hold(async () => void log.push('parts released'));
      const parts = await context.parts(runtime);
      log.push('parts built');
      return parts;
    },
    prepare: async (parts, runtime) => {
      await context.prepare?.(parts, runtime);
      if (fail === 'prepare') throw new Error('prepare failed');
    },
    start: async (parts, runtime) => {
      await context.start?.(parts, runtime);
      runtime.hold(async () => void log.push('started parts released'));
      if (fail === 'start') throw new Error('start failed');
    },
  };
  return { descriptor, log };
}

async function takenPort(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const databases: { cleanup(): Promise<void> }[] = [];
const buses: { close(): Promise<void> }[] = [];

/** What startContext needs, on a throw-away database and bus of its own. */
function startOptions(context: AnyContext) {
  const bus = createInProcessBus();
  const database = createTestDatabase(preferredDatabaseKind(), context.name);
  buses.push(bus);
  databases.push(database);
  return {
    config,
    database: database.target,
    host: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'silent' }),
    jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json',
    bus,
  };
}

const named = (name: string) => CONTEXTS.find((c) => c.name === name)!;

describe('a context that fails to start releases everything it opened', () => {
  beforeAll(() => ensurePGliteTemplate(), 120_000);
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await Promise.all(databases.map((database) => database.cleanup()));
  });

  it.each(CONTEXTS.map((c) => [c.name, c] as const))(
    '%s: a failure after its events and workers started releases it all, and so does a stop',
    async (_name, context) => {
      const options = startOptions(context);
      const failing = recorded(context, 'start');
      await expect(startContext(failing.descriptor, options)).rejects.toThrow('start failed');
      expect(failing.log).toEqual(['parts built', 'started parts released', 'parts released']);

      const { descriptor, log } = recorded(context, 'never');
      const server = await startContext(descriptor, options);
      expect(log).toEqual(['parts built']);
      await server.stop();
      expect(log).toEqual(['parts built', 'started parts released', 'parts released']);
    },
    120_000,
  );

  it('gamification: a failure in prepare (its leaderboards rebuild) releases its parts', async () => {
    const { descriptor, log } = recorded(named('gamification'), 'prepare');
    await expect(startContext(descriptor, startOptions(named('gamification')))).rejects.toThrow(
      'prepare failed',
    );
    expect(log).toEqual(['parts built', 'parts released']);
  }, 120_000);

  it('identity: a port already taken releases everything, the server included', async () => {
    const taken = await takenPort();
    try {
      const { descriptor, log } = recorded(named('identity'), 'never');
      const options = { ...startOptions(named('identity')), port: taken.port };
      await expect(startContext(descriptor, options)).rejects.toThrow(/EADDRINUSE/);
      expect(log).toEqual(['parts built', 'started parts released', 'parts released']);
    } finally {
      await taken.close();
    }
  }, 120_000);
});
