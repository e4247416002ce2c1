/** A context's runtime around a test database, to build its parts as a launcher would (not serving). */
import { pino } from 'pino';
import { systemClock } from '../clock';
import { loadConfig, type Config } from '../config/config';
import type { ContextRuntime } from '../context/context-descriptor';
import { releaseStack } from '../context/open-context';

export function testContextRuntime<Client>(
  name: string,
  db: Client,
  overrides: Partial<ContextRuntime<Client>> & { config?: Config } = {},
): ContextRuntime<Client> & { release(): Promise<void> } {
  const logger = pino({ level: 'silent' });
  const stack = releaseStack(logger);
  return {
    name,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger,
    db,
    clock: systemClock,
    notify: () => undefined,
    hold: stack.hold,
    serving: false,
    ...overrides,
    release: stack.releaseAll,
  };
}
