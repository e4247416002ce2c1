/** The embedded platform on free ports and throw-away databases, plus a typed client for its gateway. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type FormattedExecutionResult } from 'graphql';
import { pino } from 'pino';
import { loadConfig } from '../../lib/config/config';
import { platformTestDatabases, preferredDatabaseKind } from '../../lib/testing/test-databases';
import { ensurePGliteTemplate } from '../../lib/db/pglite-template';
import { startPlatform, type Platform, type PlatformOptions } from '../../scripts/platform';
import { useFixture } from '../../lib/testing/fixture';

export interface TestPlatform {
  platform: Platform;
  gatewayOrigin: string;
  /** Sends a typed operation to the gateway, with an access token when given. */
  send<R, V>(
    operation: TypedDocumentNode<R, V>,
    variables: V,
    token?: string,
  ): Promise<FormattedExecutionResult<R>>;
  close(): Promise<void>;
}

/**
 * `env`: configuration variables for this platform on top of the test defaults (e.g. ADMIN_EMAILS);
 * `options`: where the gateway listens, when not on loopback.
 */
export async function startTestPlatform(
  env: Record<string, string> = {},
  options: Pick<PlatformOptions, 'gatewayHost'> = {},
): Promise<TestPlatform> {
  await ensurePGliteTemplate();
  // Files a context keeps beside its database (notifications' mail and VAPID keys) go to a directory of its own.
  const dataDir = env.DATA_DIR ?? (await mkdtemp(join(tmpdir(), 'pulse-platform-')));
  // On PGlite the contexts of one platform share an instance, each in its schema, as under `npm start`.
  const databases = platformTestDatabases(preferredDatabaseKind(), `platform-${randomUUID()}`);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const platform = await startPlatform({
    config,
    logger: pino({ level: 'silent' }),
    ephemeralPorts: true,
    ...options,
    databaseOf: databases.databaseOf,
  });
  return clientOf(platform, async () => {
    await databases.cleanup();
    if (!env.DATA_DIR) await rm(dataDir, { recursive: true, force: true });
  });
}

/** A running platform with the typed client; `close` stops it, then runs `cleanup`. */
export function clientOf(
  platform: Platform,
  cleanup: () => Promise<void> = async () => undefined,
): TestPlatform {
  const url = platform.gateway.url;
  return {
    platform,
    gatewayOrigin: new URL(url).origin,
    async send(operation, variables, token) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query: print(operation), variables }),
      });
      return (await response.json()) as FormattedExecutionResult<never>;
    },
    async close() {
      await platform.stop();
      await cleanup();
    },
  };
}

/** The codes of a response's errors, for compact assertions. */
export const errorCodes = (result: FormattedExecutionResult<unknown>) =>
  result.errors?.map((e) => e.extensions?.code);

/** The platform for the tests of a file: started before them, stopped after them. */
export const useTestPlatform = (env: Record<string, string> = {}) => useFixture(() => startTestPlatform(env));
