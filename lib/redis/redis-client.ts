/**
 * An ioredis client as Pulse's Redis adapters (pub/sub, rate limits, leaderboards) want it: a stopping
 * process is not held 2 s by ioredis' default disconnect wait, and an outage is logged once (when the
 * connection fails) rather than at every reconnection attempt, then again after it came back and failed.
 */
import Redis, { type RedisOptions } from 'ioredis';
import type { Logger } from '../logging/logger';

export function createRedisClient(
  url: string,
  options: RedisOptions,
  report: { logger: Logger; whenDown: string },
): Redis {
  const client = new Redis(url, { disconnectTimeout: 200, ...options });
  let reported = false;
  client.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    report.logger.warn({ err: error }, report.whenDown);
  });
  client.on('ready', () => {
    reported = false;
  });
  return client;
}
