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

  it('reads the three deduplication modes of the gateway', () => {
    expect(loadConfig({}).dedup).toEqual({ requests: true, subgraphFetches: true });
    expect(loadConfig({ GATEWAY_DEDUP: 'subgraph' }).dedup).toEqual({
      requests: false,
      subgraphFetches: true,
    });
    expect(loadConfig({ GATEWAY_DEDUP: 'false' }).dedup).toEqual({ requests: false, subgraphFetches: false });
    expect(() => loadConfig({ GATEWAY_DEDUP: 'sometimes' })).toThrow(/GATEWAY_DEDUP/);
  });

  it('lists every invalid variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'nope', DATABASE_URL_IDENTITY: 'x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*DATABASE_URL_IDENTITY/,
    );
  });
});
