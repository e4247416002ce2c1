import { loadConfig } from '../config/config';
import { assertSubgraphSecretSet, presentsSubgraphSecret, withSubgraphSecret } from './subgraph-secret';

const SECRET = 'a-test-subgraph-secret-of-32-chars!';

describe('the subgraph secret', () => {
  it('is presented only by the exact value', () => {
    expect(presentsSubgraphSecret(SECRET, SECRET)).toBe(true);
    expect(presentsSubgraphSecret(SECRET, `${SECRET} `)).toBe(false);
    expect(presentsSubgraphSecret(SECRET, SECRET.slice(1))).toBe(false);
    expect(presentsSubgraphSecret(SECRET, undefined)).toBe(false);
    expect(presentsSubgraphSecret(SECRET, [SECRET])).toBe(false);
  });

  it('is never presented when none is configured', () => {
    expect(presentsSubgraphSecret(null, '')).toBe(false);
    expect(presentsSubgraphSecret(null, 'anything')).toBe(false);
  });

  it('keeps SUBGRAPH_SECRET, or draws a random one per process for the embedded platform', () => {
    const configured = loadConfig({ SUBGRAPH_SECRET: SECRET });
    expect(withSubgraphSecret(configured).protection.subgraphSecret).toBe(SECRET);
    const drawn = withSubgraphSecret(loadConfig({})).protection.subgraphSecret;
    expect(drawn).toMatch(/^[\w-]{43}$/);
    expect(withSubgraphSecret(loadConfig({})).protection.subgraphSecret).not.toBe(drawn);
  });

  it('is required in production (services mode), naming the variable', () => {
    expect(() => assertSubgraphSecretSet(loadConfig({ NODE_ENV: 'production' }))).toThrow(/SUBGRAPH_SECRET/);
    expect(() =>
      assertSubgraphSecretSet(loadConfig({ NODE_ENV: 'production', SUBGRAPH_SECRET: SECRET })),
    ).not.toThrow();
    expect(() => assertSubgraphSecretSet(loadConfig({ NODE_ENV: 'development' }))).not.toThrow();
  });

  it('is refused by the configuration when shorter than 32 characters', () => {
    expect(() => loadConfig({ SUBGRAPH_SECRET: 'short' })).toThrow(/SUBGRAPH_SECRET: at least 32 characters/);
  });
});
