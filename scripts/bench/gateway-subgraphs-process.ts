/**
 * Child process of `npm run bench:gateway`: the embedded platform's subgraphs on free ports with throw-away
 * databases (PGlite, or PostgreSQL schemas when DATABASE_URL is set). The platform's own gateway runs here
 * too, but only to seed the data; the gateways that are measured run in their own processes.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { jwksUrlOf } from '../../lib/auth/jwt-verifier';
import { loadConfig } from '../../lib/config/config';
import { platformTestDatabases, preferredDatabaseKind } from '../../lib/testing/test-databases';
import { startPlatform } from '../platform';
import { runAsChild } from './gateway-child';

export interface SubgraphsInfo {
  /** Subgraph name → GraphQL URL. */
  subgraphUrls: Record<string, string>;
  jwksUrl: string;
  /** The platform's own gateway, used for seeding only. */
  seedingGatewayUrl: string;
  database: string;
  /** What the measured gateways present to the subgraphs (SUBGRAPH_SECRET). */
  subgraphSecret: string;
}

runAsChild<Record<string, never>, SubgraphsInfo>(async () => {
  const kind = preferredDatabaseKind();
  const databases = platformTestDatabases(kind);
  const subgraphSecret = randomBytes(32).toString('base64url');
  const platform = await startPlatform({
    config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', SUBGRAPH_SECRET: subgraphSecret }),
    logger: pino({ level: 'warn' }),
    ephemeralPorts: true,
    databaseOf: databases.databaseOf,
  });
  const subgraphUrls = Object.fromEntries(platform.subgraphs.map((s) => [s.name, s.url]));
  if (!subgraphUrls.identity) throw new Error('The platform started no identity subgraph.');
  return {
    info: {
      subgraphUrls,
      jwksUrl: jwksUrlOf(subgraphUrls.identity),
      seedingGatewayUrl: platform.gateway.url,
      database: kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (in memory)',
      subgraphSecret,
    },
    stop: async () => {
      await platform.stop();
      await databases.cleanup();
    },
  };
});
