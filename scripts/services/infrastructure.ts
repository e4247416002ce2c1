/**
 * What `npm run start:services` needs before it starts anything: the PostgreSQL database (created when
 * missing, as a fresh machine has only `postgres`; each subgraph then creates and migrates its own schema)
 * and a Redis that answers. Each failure says what to do, rather than seven children failing alike.
 */
import Redis from 'ioredis';
import { Client } from 'pg';

/** The URL with its password hidden, for printing. */
export function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

const messageOf = (error: unknown): string =>
  error instanceof AggregateError
    ? error.errors.map(messageOf).join('; ')
    : error instanceof Error
      ? error.message || ('code' in error ? String(error.code) : error.name)
      : String(error);

/** Creates the database `url` names unless it exists; resolves whether it created it. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username);
  const connect = async (target: string) => {
    const client = new Client({ connectionString: target, connectionTimeoutMillis: 5_000 });
    await client.connect();
    return client;
  };
  try {
    await (await connect(url)).end();
    return false;
  } catch (error) {
    // 3D000: the database does not exist (anything else, e.g. no server, is not for us to fix).
    if ((error as { code?: string }).code !== '3D000') {
      throw new Error(`PostgreSQL at ${redacted(url)} cannot be reached: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  maintenance.search = '';
  const client = await connect(maintenance.toString());
  try {
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } catch (error) {
    // 42P04: created meanwhile by someone else.
    if ((error as { code?: string }).code === '42P04') return false;
    throw new Error(`Could not create the database "${name}" at ${redacted(url)}: ${messageOf(error)}`, {
      cause: error,
    });
  } finally {
    await client.end();
  }
}

/** Resolves once Redis answers PING; rejects at once when it does not. */
export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The connection's own error says why (ECONNREFUSED …); connect() then only says it closed.
  let connectionError: unknown;
  redis.on('error', (error: unknown) => {
    connectionError ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const why = messageOf(connectionError ?? error);
    throw new Error(`Redis at ${redacted(url)} cannot be reached: ${why}`, { cause: error });
  } finally {
    redis.disconnect();
  }
}
