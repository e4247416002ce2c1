import { loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.data).toEqual({ dir: '.data', databaseUrl: undefined, databaseUrls: {} });
    expect(config.gateway.supergraphPath).toBe('supergraph.graphql');
    expect(config.gateway.sandbox).toBe(true);
    expect(config.auth.accessTokenTtlSeconds).toBe(900);
  });

  it('collects per-context database URLs and per-subgraph routing URLs', () => {
    const config = loadConfig({
      DATABASE_URL_TRAINING: 'postgresql://db/training',
      SUBGRAPH_URL_IDENTITY: 'http://identity:4001/graphql',
    });
    expect(config.data.databaseUrls).toEqual({ training: 'postgresql://db/training' });
    expect(config.gateway.subgraphUrls).toEqual({ identity: 'http://identity:4001/graphql' });
  });

  it('turns the sandbox off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).gateway.sandbox).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SANDBOX: 'true' }).gateway.sandbox).toBe(true);
  });

  it('gives the web app a map only with a tile URL template, and knows where S3 images come from', () => {
    expect(loadConfig({}).gateway.web).toEqual({
      tileUrl: null,
      tileAttribution: '© OpenStreetMap contributors',
      imageOrigin: null,
    });
    const web = loadConfig({
      WEB_TILE_URL: 'https://tile.example.org/{z}/{x}/{y}.png',
      S3_ENDPOINT: 'http://minio:9000',
      S3_PUBLIC_ENDPOINT: 'https://media.example.net/store',
      S3_BUCKET: 'pulse',
    }).gateway.web;
    expect(web.tileUrl).toBe('https://tile.example.org/{z}/{x}/{y}.png');
    expect(web.imageOrigin).toBe('https://media.example.net');
    expect(() => loadConfig({ WEB_TILE_URL: 'https://tile.example.org/tiles.png' })).toThrow(/WEB_TILE_URL/);
    expect(() => loadConfig({ WEB_TILE_URL: 'javascript:alert(1)//{z}{x}{y}' })).toThrow(/WEB_TILE_URL/);
  });

  it('reads the three deduplication modes of the gateway', () => {
    expect(loadConfig({}).dedup).toEqual({ requests: true, subgraphFetches: true });
    expect(loadConfig({ GATEWAY_DEDUP: 'subgraph' }).dedup).toEqual({
      requests: false,
      subgraphFetches: true,
    });
    expect(loadConfig({ GATEWAY_DEDUP: 'false' }).dedup).toEqual({ requests: false, subgraphFetches: false });
    expect(() => loadConfig({ GATEWAY_DEDUP: 'sometimes' })).toThrow(/GATEWAY_DEDUP/);
  });

  it('sizes the gateway’s admission gate: a waiting room of four times the limit by default, or off', () => {
    expect(loadConfig({}).protection.admission).toEqual({
      maxConcurrent: 128,
      maxWaitMs: 2_000,
      maxWaiting: 512,
    });
    expect(
      loadConfig({ GATEWAY_MAX_CONCURRENT: '8', GATEWAY_ADMISSION_WAIT_MS: '0' }).protection.admission,
    ).toEqual({ maxConcurrent: 8, maxWaitMs: 0, maxWaiting: 32 });
    expect(loadConfig({ GATEWAY_ADMISSION_QUEUE: '0' }).protection.admission?.maxWaiting).toBe(0);
    expect(loadConfig({ GATEWAY_MAX_CONCURRENT: 'off' }).protection.admission).toBeNull();
    expect(() => loadConfig({ GATEWAY_MAX_CONCURRENT: '0' })).toThrow(/GATEWAY_MAX_CONCURRENT/);
    expect(() => loadConfig({ GATEWAY_ADMISSION_WAIT_MS: '60000' })).toThrow(/GATEWAY_ADMISSION_WAIT_MS/);
  });

  it('keeps objects in files, with URLs on the gateway, unless S3_ENDPOINT and S3_BUCKET are set', () => {
    expect(loadConfig({}).objects).toEqual({
      s3: null,
      signingKey: null,
      publicUrl: 'http://localhost:4000',
    });
    expect(loadConfig({ APP_URL: 'https://pulse.example.com/' }).objects.publicUrl).toBe(
      'https://pulse.example.com',
    );
    expect(
      loadConfig({
        S3_ENDPOINT: 'http://minio:9000',
        S3_BUCKET: 'pulse-media',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'false',
        S3_PUBLIC_ENDPOINT: 'http://localhost:9000',
      }).objects.s3,
    ).toEqual({
      endpoint: 'http://minio:9000',
      publicEndpoint: 'http://localhost:9000',
      bucket: 'pulse-media',
      region: 'us-east-1',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      forcePathStyle: false,
    });
  });

  it('refuses half an S3 configuration', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(
      /S3_BUCKET: set it together with S3_ENDPOINT/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'b', S3_ENDPOINT: 'http://m', S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ OBJECTS_SIGNING_KEY: 'short' })).toThrow(/OBJECTS_SIGNING_KEY/);
  });

  it('chooses the event bus: EVENT_BUS, else Kafka with KAFKA_BROKERS, else in-process', () => {
    expect(loadConfig({}).events).toEqual({
      transport: 'in-process',
      kafkaBrokers: null,
      kafkaClientId: 'pulse',
      redisMaxLenPerPartition: 1_000_000,
    });
    expect(loadConfig({ KAFKA_BROKERS: 'kafka:9092' }).events.transport).toBe('kafka');
    const redis = loadConfig({
      EVENT_BUS: 'redis',
      REDIS_URL: 'redis://redis:6379',
      EVENT_BUS_REDIS_MAXLEN: '5000',
    });
    expect(redis.events).toMatchObject({ transport: 'redis', redisMaxLenPerPartition: 5_000 });
    expect(loadConfig({ EVENT_BUS: 'in-process', KAFKA_BROKERS: 'kafka:9092' }).events.transport).toBe(
      'in-process',
    );
  });

  it('refuses an event bus without what it connects to', () => {
    expect(() => loadConfig({ EVENT_BUS: 'redis' })).toThrow(/EVENT_BUS: redis needs REDIS_URL/);
    expect(() => loadConfig({ EVENT_BUS: 'kafka' })).toThrow(/EVENT_BUS: kafka needs KAFKA_BROKERS/);
    expect(() => loadConfig({ EVENT_BUS: 'nats' })).toThrow(/EVENT_BUS/);
    expect(() => loadConfig({ EVENT_BUS_REDIS_MAXLEN: '10' })).toThrow(/EVENT_BUS_REDIS_MAXLEN/);
  });

  it('lists every invalid variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'nope', DATABASE_URL_IDENTITY: 'x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*DATABASE_URL_IDENTITY/,
    );
  });
});
