/**
 * bench:startup's child: `npm start` on a given DATA_DIR in a fresh Node.js process (free ports instead of
 * the fixed ones, no DATABASE_URL or REDIS_URL), reporting when each part came up.
 */
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../lib/config/config';
import { startPlatform } from '../platform';
import { runAsChild } from './gateway-child';

export interface StartupReport {
  /** Milliseconds from this process's start to ready. */
  readyAtMs: number;
  /** Each part's own start-up time, in the order they came up. */
  parts: { name: string; ms: number; rssAfterMb: number }[];
  graphqlUrl?: string;
}

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

runAsChild<{ dataDir: string }, StartupReport>(async ({ dataDir }) => {
  const parts: StartupReport['parts'] = [];
  const platform = await startPlatform({
    config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'development' }),
    logger: pino({ level: 'silent' }),
    ephemeralPorts: true,
    eventsDir: join(dataDir, 'events'),
    onStarted: (name, ms) => parts.push({ name, ms, rssAfterMb: rssMb() }),
  });
  return {
    info: { readyAtMs: performance.now(), parts, graphqlUrl: platform.gateway.url },
    stop: () => platform.stop(),
  };
});
