/** Pulse configuration: every environment variable is read and validated here, once. */
import { z } from 'zod';
import type { RateLimitPolicy } from '../rate-limit/rate-limiter';

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.url().optional();
const limit = z.coerce.number().int().min(1).max(1_000_000);
/** `points/seconds` (e.g. `600/60`), or `off`. */
const rate = z
  .string()
  .regex(/^(off|\d{1,7}\/\d{1,6})$/, 'points/seconds (e.g. 600/60), or off')
  .transform((value) => {
    if (value === 'off') return null;
    const [points, durationSeconds] = value.split('/').map(Number) as [number, number];
    return { points, durationSeconds };
  })
  .refine((policy) => !policy || (policy.points > 0 && policy.durationSeconds > 0), 'both numbers above 0');
const ORIGIN = /^https?:\/\/[^/\s*]+$/;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.optional(),
  PUBLIC_HOST: z.string().min(1).default('localhost'),
  // Below SHUTDOWN_TIMEOUT_MS (15 s, lib/server/shutdown.ts), after which the process exits anyway.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(14_000).default(10_000),
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
  // The event bus: in-process (one process), redis (Redis Streams at REDIS_URL) or kafka (KAFKA_BROKERS).
  // Without it: kafka when KAFKA_BROKERS is set, else in-process.
  EVENT_BUS: z.enum(['in-process', 'redis', 'kafka']).optional(),
  // Entries each partition's stream keeps with EVENT_BUS=redis (trimmed about there): what a replay can reach.
  EVENT_BUS_REDIS_MAXLEN: z.coerce.number().int().min(1_000).max(1_000_000_000).default(1_000_000),
  REDIS_URL: optionalUrl,
  ADMIN_EMAILS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email('a comma-separated list of emails')))
    .default([]),
  PARTNER_SUPERGRAPH_PATH: z.string().min(1).default('supergraph.public.graphql'),
  PARTNER_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(30).default(30),
  PARTNER_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: z.string().min(1).default('pulse'),
  GATEWAY_WORKERS: z
    .string()
    .regex(/^(auto|\d{1,3})$/, 'a number of workers (1 = no cluster), or 0 / auto for one per CPU')
    .default('1'),
  // Gateway protection (gateway/src/limits/): query limits, rate limits, CORS, persisted operations.
  GATEWAY_MAX_DEPTH: limit.default(12),
  GATEWAY_MAX_ALIASES: limit.default(15),
  GATEWAY_MAX_ROOT_FIELDS: limit.default(10),
  GATEWAY_MAX_TOKENS: limit.default(2_000),
  // The estimated cost per operation (lib/graphql/limits/README.md): a number, or off for no cost limit.
  GATEWAY_MAX_COST: z
    .union([z.literal('off'), z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER)], {
      error: 'a whole number of at least 1, or off',
    })
    .transform((value) => (value === 'off' ? null : value))
    .default(20_000),
  // The size the cost estimate gives a list with neither a slicing argument nor @listSize: one page.
  GATEWAY_COST_DEFAULT_LIST_SIZE: z.coerce.number().int().min(1).max(10_000).default(20),
  GATEWAY_MAX_BATCH: limit.default(10),
  GATEWAY_RATE_LIMIT_USER: rate.prefault('600/60'),
  GATEWAY_RATE_LIMIT_IP: rate.prefault('300/60'),
  GATEWAY_RATE_LIMIT_API_KEY: rate.prefault('1200/60'),
  // The HTTP routes on the gateway's port: uploads are heavy, telemetry is chatty (a batch every few seconds).
  GATEWAY_RATE_LIMIT_IMPORTS_USER: rate.prefault('30/60'),
  GATEWAY_RATE_LIMIT_IMPORTS_IP: rate.prefault('60/60'),
  GATEWAY_RATE_LIMIT_TELEMETRY_USER: rate.prefault('600/60'),
  GATEWAY_RATE_LIMIT_TELEMETRY_IP: rate.prefault('1200/60'),
  // A subgraph's port (every route), per address, for callers that do not present SUBGRAPH_SECRET.
  SUBGRAPH_RATE_LIMIT_IP: rate.prefault('300/60'),
  CORS_ORIGINS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(ORIGIN, 'a comma-separated list of origins like https://app.example.com')))
    .optional(),
  GATEWAY_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  // Admission (gateway/src/limits/admission-gate.ts): requests in hand per gateway process, or off; past it
  // they wait in a room of GATEWAY_ADMISSION_QUEUE (default 4 × the limit) for GATEWAY_ADMISSION_WAIT_MS at
  // most, then are refused with SERVICE_UNAVAILABLE. The defaults are above what normal load and the test
  // suites keep in flight (the busiest specs send a hundred-odd requests at once: they are all taken, or
  // wait), so only a pile-up is refused; the wait is a fifth of the default subgraph deadline, so a refusal
  // comes long before a client gives up, and the room holds what the slots can clear in a few such waits.
  GATEWAY_MAX_CONCURRENT: z
    .union([z.literal('off'), z.coerce.number().int().min(1).max(100_000)], {
      error: 'a whole number from 1 to 100000, or off',
    })
    .transform((value) => (value === 'off' ? null : value))
    .default(128),
  GATEWAY_ADMISSION_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(2_000),
  GATEWAY_ADMISSION_QUEUE: z.coerce.number().int().min(0).max(1_000_000).optional(),
  GATEWAY_SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  GATEWAY_APQ_CACHE_MB: z.coerce.number().min(0.1).max(1_024).default(8),
  GATEWAY_SAFELIST: z.string().min(1).optional(),
  // The gateway's credential towards the subgraphs (lib/server/subgraph-secret.ts).
  SUBGRAPH_SECRET: z.string().min(32, 'at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  // Gateway deduplication of identical in-flight requests and subgraph fetches (gateway/src/dedup/);
  // `subgraph`: only the subgraph fetches.
  GATEWAY_DEDUP: z.enum(['true', 'false', 'subgraph']).default('true'),
  // Gateway subscriptions (gateway/src/subscriptions/): graphql-ws and SSE.
  GATEWAY_WS_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  GATEWAY_WS_KEEP_ALIVE_MS: z.coerce.number().int().min(1_000).max(300_000).default(12_000),
  GATEWAY_WS_SUBSCRIPTION_CAP: z.coerce.number().int().min(1).max(10_000).default(50),
  GATEWAY_SUBSCRIPTION_BUFFER: z.coerce.number().int().min(1).max(100_000).default(100),
  // Notifications (subgraphs/notifications): links in mail and push, SMTP, FCM and Web Push.
  APP_URL: optionalUrl,
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL (smtp://user:password@host:587)')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Pulse <no-reply@pulse.local>'),
  FCM_PROJECT_ID: z.string().min(1).optional(),
  // A service account's JSON key: the file's path, or the JSON itself.
  FCM_CREDENTIALS: z.string().min(1).optional(),
  FCM_BASE_URL: z.url().default('https://fcm.googleapis.com'),
  VAPID_PUBLIC_KEY: z.string().min(1).optional(),
  VAPID_PRIVATE_KEY: z.string().min(1).optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'a mailto: or https: URL')
    .default('mailto:admin@pulse.local'),
  NOTIFICATIONS_WORKER_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  // Social: athletes with more followers than this are not fanned out on write but merged when feeds are read.
  // The web app's map under a workout's track: an OSM-style tile URL template (`https://tile.example.org/{z}/{x}/{y}.png`)
  // and the attribution its terms ask for. Without one the track is drawn on its own (no tiles needed offline).
  WEB_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+\{z\}[^\s]*$/, 'an http(s) URL template with {z}, {x} and {y}')
    .refine(
      (url) => url.includes('{x}') && url.includes('{y}'),
      'an http(s) URL template with {z}, {x} and {y}',
    )
    .optional(),
  WEB_TILE_ATTRIBUTION: z.string().max(200).default('© OpenStreetMap contributors'),
  SOCIAL_FANOUT_MAX_FOLLOWERS: z.coerce.number().int().min(0).max(10_000_000).default(10_000),
  // Objects (lib/objects): media bytes in files under DATA_DIR/objects, or in an S3 bucket when both
  // S3_ENDPOINT and S3_BUCKET are set.
  S3_ENDPOINT: optionalUrl,
  // Where apps reach the store when it is not S3_ENDPOINT (presigned URLs are signed for it).
  S3_PUBLIC_ENDPOINT: optionalUrl,
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3-63 of a-z 0-9 . -)')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  // The secret of the file store's signed URLs; without it one is generated and kept under DATA_DIR.
  OBJECTS_SIGNING_KEY: z.string().min(32, 'at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  // Where the file store's signed URLs point: the gateway's public URL (default APP_URL, else PUBLIC_HOST:4000).
  OBJECTS_PUBLIC_URL: optionalUrl,
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

/** Variables that only make sense together: one set without the other is a mistake, not a default. */
function pairProblems(env: Record<string, string | undefined>, [a, b]: [string, string]): string[] {
  if (Boolean(env[a]) === Boolean(env[b])) return [];
  return [`${env[a] ? b : a}: set it together with ${env[a] ? a : b} (or neither)`];
}

/** An event bus chosen without what it connects to: refused at start rather than at the first event. */
function eventBusProblems(env: Record<string, string | undefined>): string[] {
  if (env.EVENT_BUS === 'redis' && !env.REDIS_URL)
    return ['EVENT_BUS: redis needs REDIS_URL (the streams live there)'];
  if (env.EVENT_BUS === 'kafka' && !env.KAFKA_BROKERS) return ['EVENT_BUS: kafka needs KAFKA_BROKERS'];
  return [];
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
    ...pairProblems(env, ['S3_ENDPOINT', 'S3_BUCKET']),
    ...pairProblems(env, ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']),
    ...eventBusProblems(env),
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
    http: { host: e.HOST, port: e.PORT, publicHost: e.PUBLIC_HOST, shutdownGraceMs: e.SHUTDOWN_GRACE_MS },
    data: { dir: e.DATA_DIR, databaseUrl: e.DATABASE_URL, databaseUrls },
    gateway: {
      supergraphPath: e.SUPERGRAPH_PATH,
      subgraphUrls,
      sandbox: e.SANDBOX ? e.SANDBOX === 'true' : !production,
      web: {
        tileUrl: e.WEB_TILE_URL ?? null,
        tileAttribution: e.WEB_TILE_ATTRIBUTION,
        // Avatars and photos come from here when the object store is S3 (presigned URLs).
        imageOrigin: e.S3_ENDPOINT && e.S3_BUCKET ? s3Origin(e.S3_PUBLIC_ENDPOINT ?? e.S3_ENDPOINT, e) : null,
      },
    },
    redis: { url: e.REDIS_URL ?? null },
    protection: {
      limits: {
        maxDepth: e.GATEWAY_MAX_DEPTH,
        maxAliases: e.GATEWAY_MAX_ALIASES,
        maxRootFields: e.GATEWAY_MAX_ROOT_FIELDS,
        maxTokens: e.GATEWAY_MAX_TOKENS,
        maxCost: e.GATEWAY_MAX_COST,
        defaultListSize: e.GATEWAY_COST_DEFAULT_LIST_SIZE,
        maxBatch: e.GATEWAY_MAX_BATCH,
      },
      rateLimits: {
        user: e.GATEWAY_RATE_LIMIT_USER,
        ip: e.GATEWAY_RATE_LIMIT_IP,
        apiKey: e.GATEWAY_RATE_LIMIT_API_KEY,
      },
      /** On a subgraph's port, per address, for callers other than the gateway. */
      subgraphRateLimit: e.SUBGRAPH_RATE_LIMIT_IP,
      /**
       * The named rate limits an HTTP route of the gateway's port may choose (its descriptor's `rateLimit`):
       * per-user and per-address sizes, GATEWAY_RATE_LIMIT_<NAME>_USER / _IP. A route without one gets
       * GATEWAY_RATE_LIMIT_USER / _IP, counted apart from /graphql's.
       */
      routeRateLimits: {
        imports: { user: e.GATEWAY_RATE_LIMIT_IMPORTS_USER, ip: e.GATEWAY_RATE_LIMIT_IMPORTS_IP },
        telemetry: { user: e.GATEWAY_RATE_LIMIT_TELEMETRY_USER, ip: e.GATEWAY_RATE_LIMIT_TELEMETRY_IP },
      } as Record<string, { user: RateLimitPolicy | null; ip: RateLimitPolicy | null }>,
      // Without CORS_ORIGINS: no cross-origin caller in production, any localhost origin otherwise.
      cors: { origins: e.CORS_ORIGINS ?? [], allowLocalhost: !e.CORS_ORIGINS && !production },
      /** The admission gate of each gateway process; null: off (every request is taken at once). */
      admission:
        e.GATEWAY_MAX_CONCURRENT === null
          ? null
          : {
              maxConcurrent: e.GATEWAY_MAX_CONCURRENT,
              maxWaitMs: e.GATEWAY_ADMISSION_WAIT_MS,
              maxWaiting: e.GATEWAY_ADMISSION_QUEUE ?? 4 * e.GATEWAY_MAX_CONCURRENT,
            },
      subgraphRequests: {
        timeoutMs: e.GATEWAY_SUBGRAPH_TIMEOUT_MS,
        queryRetries: e.GATEWAY_SUBGRAPH_RETRIES,
      },
      persistedOperations: {
        apqCacheBytes: Math.round(e.GATEWAY_APQ_CACHE_MB * 1024 * 1024),
        safelistPath: e.GATEWAY_SAFELIST ?? null,
      },
      subgraphSecret: e.SUBGRAPH_SECRET ?? null,
    },
    identity: { adminEmails: e.ADMIN_EMAILS },
    notifications: {
      /** Where links in mail and push lead: the gateway's port in the embedded mode. */
      appUrl: (e.APP_URL ?? `http://${e.PUBLIC_HOST}:4000`).replace(/\/$/, ''),
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM,
      fcm: e.FCM_PROJECT_ID
        ? { projectId: e.FCM_PROJECT_ID, credentials: e.FCM_CREDENTIALS ?? null, baseUrl: e.FCM_BASE_URL }
        : null,
      vapid:
        e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
          ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT }
          : { publicKey: null, privateKey: null, subject: e.VAPID_SUBJECT },
      workerPollMs: e.NOTIFICATIONS_WORKER_POLL_MS,
    },
    social: { fanOutMaxFollowers: e.SOCIAL_FANOUT_MAX_FOLLOWERS },
    objects: {
      s3:
        e.S3_ENDPOINT && e.S3_BUCKET
          ? {
              endpoint: e.S3_ENDPOINT,
              publicEndpoint: e.S3_PUBLIC_ENDPOINT ?? null,
              bucket: e.S3_BUCKET,
              region: e.S3_REGION,
              credentials:
                e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
                  ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
                  : null,
              forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
            }
          : null,
      signingKey: e.OBJECTS_SIGNING_KEY ?? null,
      /** The gateway's public URL, where the file store's signed URLs lead (its /objects routes). */
      publicUrl: (e.OBJECTS_PUBLIC_URL ?? e.APP_URL ?? `http://${e.PUBLIC_HOST}:4000`).replace(/\/$/, ''),
    },
    partner: {
      supergraphPath: e.PARTNER_SUPERGRAPH_PATH,
      keyCacheSeconds: e.PARTNER_KEY_CACHE_SECONDS,
      rateLimitPerMinute: e.PARTNER_RATE_LIMIT,
    },
    tracing: { serviceName: e.OTEL_SERVICE_NAME, otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT ?? null },
    cluster: { gatewayWorkers: e.GATEWAY_WORKERS === 'auto' ? 0 : Number(e.GATEWAY_WORKERS) },
    dedup: { requests: e.GATEWAY_DEDUP === 'true', subgraphFetches: e.GATEWAY_DEDUP !== 'false' },
    subscriptions: {
      initTimeoutMs: e.GATEWAY_WS_INIT_TIMEOUT_MS,
      keepAliveMs: e.GATEWAY_WS_KEEP_ALIVE_MS,
      maxPerConnection: e.GATEWAY_WS_SUBSCRIPTION_CAP,
      bufferSize: e.GATEWAY_SUBSCRIPTION_BUFFER,
    },
    events: {
      transport: e.EVENT_BUS ?? (e.KAFKA_BROKERS ? 'kafka' : 'in-process'),
      kafkaBrokers: e.KAFKA_BROKERS?.split(',') ?? null,
      kafkaClientId: e.KAFKA_CLIENT_ID,
      redisMaxLenPerPartition: e.EVENT_BUS_REDIS_MAXLEN,
    },
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

/** The origin presigned URLs point at: the endpoint's, or the bucket's own host without path-style URLs. */
function s3Origin(endpoint: string, e: { S3_BUCKET?: string; S3_FORCE_PATH_STYLE: string }): string {
  const url = new URL(endpoint);
  return e.S3_FORCE_PATH_STYLE === 'true' ? url.origin : `${url.protocol}//${e.S3_BUCKET}.${url.host}`;
}
