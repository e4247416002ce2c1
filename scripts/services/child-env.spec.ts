import { loadConfig } from '../../lib/config/config';
import { gatewayEnv, servicesSettings, subgraphEnv } from './child-env';

const secret = () => 'a-generated-secret-of-more-than-32-characters';

describe('servicesSettings', () => {
  it('defaults to the local PostgreSQL and Redis, the Redis Streams bus, two gateway workers and a new secret', () => {
    expect(servicesSettings({}, secret)).toEqual({
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/pulse',
      redisUrl: 'redis://127.0.0.1:6379',
      eventBus: 'redis',
      subgraphSecret: secret(),
      gatewayWorkers: '2',
      sources: {
        database: 'default',
        redis: 'default',
        subgraphSecret: 'generated for this run',
        gatewayWorkers: 'default',
      },
    });
  });

  it('takes what the environment sets', () => {
    const env = {
      DATABASE_URL: 'postgresql://pulse@db.internal:5432/pulse',
      REDIS_URL: 'redis://cache.internal:6379',
      EVENT_BUS: 'kafka',
      SUBGRAPH_SECRET: 'x'.repeat(40),
      GATEWAY_WORKERS: '4',
    };
    expect(servicesSettings(env, secret)).toMatchObject({
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      eventBus: 'kafka',
      subgraphSecret: env.SUBGRAPH_SECRET,
      gatewayWorkers: '4',
    });
  });
});

describe('the environment of each child', () => {
  const launcherEnv = {
    PATH: '/usr/bin',
    PORT: '4100',
    LOG_LEVEL: 'warn',
    SUBGRAPH_URL_TRAINING: 'http://elsewhere:4002/graphql',
  };
  const settings = servicesSettings(launcherEnv, secret);
  const jwksUrl = 'http://127.0.0.1:4001/.well-known/jwks.json';

  it('gives every subgraph the shared services, its own port on loopback and identity’s keys', () => {
    const env = subgraphEnv(launcherEnv, settings, 'training', { port: 4002, jwksUrl, gatewayPort: 4100 });
    expect(env).toEqual({
      PATH: '/usr/bin',
      LOG_LEVEL: 'warn',
      DATABASE_URL: settings.databaseUrl,
      REDIS_URL: settings.redisUrl,
      EVENT_BUS: 'redis',
      SUBGRAPH_SECRET: secret(),
      OTEL_SERVICE_NAME: 'pulse-training',
      HOST: '127.0.0.1',
      PUBLIC_HOST: '127.0.0.1',
      PORT: '4002',
      APP_URL: 'http://localhost:4100',
      JWKS_URL: jwksUrl,
    });
    expect(loadConfig(env).events.transport).toBe('redis');
  });

  it('lets identity verify tokens with its own keys', () => {
    const env = subgraphEnv(launcherEnv, settings, 'identity', { port: 0, jwksUrl: null, gatewayPort: 4100 });
    expect(env).not.toHaveProperty('JWKS_URL');
  });

  it('points the gateway at every subgraph and identity’s keys, with its workers and port', () => {
    const env = gatewayEnv(launcherEnv, settings, {
      port: 4100,
      subgraphUrls: {
        identity: 'http://127.0.0.1:4001/graphql',
        training: 'http://127.0.0.1:4002/graphql',
      },
      jwksUrl,
    });
    expect(env).toMatchObject({
      PORT: '4100',
      GATEWAY_WORKERS: '2',
      JWKS_URL: jwksUrl,
      SUBGRAPH_URL_IDENTITY: 'http://127.0.0.1:4001/graphql',
      SUBGRAPH_URL_TRAINING: 'http://127.0.0.1:4002/graphql',
      SUBGRAPH_SECRET: secret(),
      OTEL_SERVICE_NAME: 'pulse-gateway',
    });
    expect(loadConfig(env).gateway.subgraphUrls).toEqual({
      identity: 'http://127.0.0.1:4001/graphql',
      training: 'http://127.0.0.1:4002/graphql',
    });
  });
});
