import { createLruCache } from './lru-cache';
import { canonicalJson, identityScope, planCacheKey, upstreamKey } from './operation-keys';

const QUERY = 'subscription P($id: ID!) { workoutProgress(workoutId: $id) { sampleCount } }';

describe('planCacheKey', () => {
  it('is the same for the same operation text and name', () => {
    expect(planCacheKey(QUERY, 'P')).toBe(planCacheKey(QUERY, 'P'));
    expect(planCacheKey(QUERY, null)).toBe(planCacheKey(QUERY, undefined));
  });

  it('differs when the text or the operation name differs', () => {
    expect(planCacheKey(QUERY, 'P')).not.toBe(planCacheKey(QUERY, 'Q'));
    expect(planCacheKey(QUERY, 'P')).not.toBe(planCacheKey(`${QUERY} `, 'P'));
    expect(planCacheKey(QUERY, null)).not.toBe(planCacheKey(QUERY, ''));
  });

  it('cannot be forged by moving characters between the text and the name', () => {
    expect(planCacheKey('a', 'bc')).not.toBe(planCacheKey('ab', 'c'));
  });
});

describe('upstreamKey', () => {
  const base = { query: QUERY, operationName: 'P', variables: { id: 'w1', opts: { a: 1, b: 2 } } };

  it('is shared by identical subscriptions of one user, whatever the order of the variables', () => {
    const scope = identityScope('u1');
    expect(upstreamKey({ ...base, scope })).toBe(
      upstreamKey({ ...base, variables: { opts: { b: 2, a: 1 }, id: 'w1' }, scope }),
    );
  });

  it('differs for other variables, another operation, or another user', () => {
    const key = upstreamKey({ ...base, scope: identityScope('u1') });
    expect(upstreamKey({ ...base, variables: { id: 'w2' }, scope: identityScope('u1') })).not.toBe(key);
    expect(upstreamKey({ ...base, operationName: 'Q', scope: identityScope('u1') })).not.toBe(key);
    expect(upstreamKey({ ...base, scope: identityScope('u2') })).not.toBe(key);
  });

  it('puts every anonymous caller in one scope, apart from signed-in users', () => {
    expect(identityScope(null)).toBe(identityScope(undefined));
    expect(upstreamKey({ ...base, scope: identityScope(null) })).not.toBe(
      upstreamKey({ ...base, scope: identityScope('anonymous') }),
    );
  });

  it('treats absent variables as empty ones', () => {
    expect(upstreamKey({ query: QUERY, scope: 'anonymous' })).toBe(
      upstreamKey({ query: QUERY, variables: {}, scope: 'anonymous' }),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});

describe('createLruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = createLruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
