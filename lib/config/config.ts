/** Pulse configuration: every environment variable is read and validated here, once. */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.url().optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.optional(),
  PUBLIC_HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: optionalUrl,
  SUPERGRAPH_PATH: z.string().min(1).default('supergraph.graphql'),
  JWKS_URL: optionalUrl,
  JWT_ISSUER: z.string().min(1).default('pulse-identity'),
  JWT_AUDIENCE: z.string().min(1).default('pulse'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(31_536_000).default(2_592_000),
  SANDBOX: z.enum(['true', 'false']).optional(),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+(,[^,\s]+)*$/, 'a comma-separated list of host:port')
    .optional(),
  KAFKA_CLIENT_ID: z.string().min(1).default('pulse'),
  REDIS_URL: optionalUrl,
});

/** Variables with a context or subgraph name in them: DATABASE_URL_<CTX>, SUBGRAPH_URL_<NAME>. */
function perName(env: Record<string, string | undefined>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(prefix) && value) out[key.slice(prefix.length).toLowerCase()] = value;
  }
  return out;
}

function parseUrls(entries: Record<string, string>, variable: string): string[] {
  return Object.entries(entries).flatMap(([name, value]) =>
    z.url().safeParse(value).success ? [] : [`${variable}${name.toUpperCase()}: not a valid URL`],
  );
}

export type Config = ReturnType<typeof loadConfig>;

/** Parses the environment; throws one error listing every invalid variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = schema.safeParse(env);
  const databaseUrls = perName(env, 'DATABASE_URL_');
  const subgraphUrls = perName(env, 'SUBGRAPH_URL_');
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...parseUrls(databaseUrls, 'DATABASE_URL_'),
    ...parseUrls(subgraphUrls, 'SUBGRAPH_URL_'),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    production,
    log: { level: e.LOG_LEVEL },
    http: { host: e.HOST, port: e.PORT, publicHost: e.PUBLIC_HOST },
    data: { dir: e.DATA_DIR, databaseUrl: e.DATABASE_URL, databaseUrls },
    gateway: {
      supergraphPath: e.SUPERGRAPH_PATH,
      subgraphUrls,
      sandbox: e.SANDBOX ? e.SANDBOX === 'true' : !production,
    },
    redis: { url: e.REDIS_URL ?? null },
    events: { kafkaBrokers: e.KAFKA_BROKERS?.split(',') ?? null, kafkaClientId: e.KAFKA_CLIENT_ID },
    auth: {
      jwksUrl: e.JWKS_URL,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    },
  };
}

let cached: Config | undefined;

/** The process-wide configuration, parsed on first use. */
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}
