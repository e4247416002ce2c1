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

describe('a context that fails to start releases everything it opened', () => {
  beforeAll(() => ensurePGliteTemplate(), 120_000);

  it.each(CONTEXTS.map((c) => [c.name, c] as const))(
    '%s: failures in prepare, in start and at listen release it all; a stop releases it all',
    async (_name, context) => {
      const bus = createInProcessBus();
      const database = createTestDatabase(preferredDatabaseKind(), context.name);
      const options = {
        config,
        database: database.target,
        host: '127.0.0.1',
        port: 0,
        logger: pino({ level: 'silent' }),
        jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json',
        bus,
      };
      try {
        for (const fail of ['prepare', 'start'] as const) {
          const { descriptor, log } = recorded(context, fail);
          await expect(startContext(descriptor, options)).rejects.toThrow(`${fail} failed`);
          expect(log).toEqual(
            fail === 'start'
              ? ['parts built', 'started parts released', 'parts released']
              : ['parts built', 'parts released'],
          );
        }
        const taken = await takenPort();
        try {
          const { descriptor, log } = recorded(context, 'never');
          await expect(startContext(descriptor, { ...options, port: taken.port })).rejects.toThrow(
            /EADDRINUSE/,
          );
          expect(log).toEqual(['parts built', 'started parts released', 'parts released']);
        } finally {
          await taken.close();
        }
        const { descriptor, log } = recorded(context, 'never');
        const server = await startContext(descriptor, options);
        expect(log).toEqual(['parts built']);
        await server.stop();
        expect(log).toEqual(['parts built', 'started parts released', 'parts released']);
      } finally {
        await bus.close();
        await database.cleanup();
      }
    },
    120_000,
  );
});
