import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { isQueryRequest, resilientFetcher } from './resilient-fetcher';

const body = (query: string) => JSON.stringify({ query, variables: {} });
const answer = (status: number) =>
  ({ status, ok: status < 300, text: async () => '', json: async () => ({}) }) as unknown as FetcherResponse;

/** A fetcher that plays the given outcomes in order and records the calls. */
function scripted(outcomes: Array<number | Error | 'hang'>) {
  const calls: number[] = [];
  const fetcher: Fetcher = (_url, init) => {
    calls.push(calls.length);
    const outcome = outcomes.shift() ?? 200;
    if (outcome === 'hang') {
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    }
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(answer(outcome));
  };
  return { fetcher, calls };
}

const policy = { serviceName: 'training', timeoutMs: 1_000, queryRetries: 2, retryDelayMs: 1 };

describe('isQueryRequest', () => {
  it('tells queries from mutations by the operation keyword', () => {
    expect(isQueryRequest(body('query Q__training__0 { sports { sport } }'))).toBe(true);
    expect(isQueryRequest(body('{ sports { sport } }'))).toBe(true);
    expect(isQueryRequest(body('mutation M { logout }'))).toBe(false);
    expect(isQueryRequest('not json')).toBe(false);
    expect(isQueryRequest(undefined)).toBe(false);
  });
});

describe('resilientFetcher', () => {
  it('retries a query after network errors and 5xx answers, up to the retries allowed', async () => {
    const { fetcher, calls } = scripted([new Error('ECONNRESET'), 503, 200]);
    const response = await resilientFetcher(fetcher, policy)('http://s', { body: body('query { a }') });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it('turns a subgraph that cannot be reached into SUBGRAPH_UNAVAILABLE once the retries are spent', async () => {
    const { fetcher, calls } = scripted([
      new Error('ECONNREFUSED'),
      new Error('ECONNREFUSED'),
      new Error('ECONNREFUSED'),
    ]);
    const failed = resilientFetcher(fetcher, policy)('http://s', { body: body('query { a }') });
    await expect(failed).rejects.toMatchObject({
      message: 'The training service cannot be reached. Try again in a moment.',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'training', retryAfterSeconds: 1 },
    });
    expect(calls).toHaveLength(3);
  });

  it('gives the last answer when every attempt failed', async () => {
    const { fetcher, calls } = scripted([502, 502, 502, 200]);
    const response = await resilientFetcher(fetcher, policy)('http://s', { body: body('query { a }') });
    expect(response.status).toBe(502);
    expect(calls).toHaveLength(3);
  });

  it('never retries a mutation', async () => {
    const failing = scripted([new Error('ECONNRESET')]);
    await expect(
      resilientFetcher(failing.fetcher, policy)('http://s', { body: body('mutation { a }') }),
    ).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    expect(failing.calls).toHaveLength(1);
    const erring = scripted([500]);
    expect(
      (await resilientFetcher(erring.fetcher, policy)('http://s', { body: body('mutation { a }') })).status,
    ).toBe(500);
    expect(erring.calls).toHaveLength(1);
  });

  it('does not retry a 4xx answer', async () => {
    const { fetcher, calls } = scripted([400]);
    expect((await resilientFetcher(fetcher, policy)('http://s', { body: body('query { a }') })).status).toBe(
      400,
    );
    expect(calls).toHaveLength(1);
  });

  it('turns a subgraph that does not answer in time into SUBGRAPH_TIMEOUT, without retrying', async () => {
    const { fetcher, calls } = scripted(['hang', 200]);
    const fetch = resilientFetcher(fetcher, { ...policy, timeoutMs: 50 });
    const error = await fetch('http://s', { body: body('query { a }') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).toMatchObject({
      message: 'The training service did not answer within 50 ms. Try again in a moment.',
      extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'training' },
    });
    expect(calls).toHaveLength(1);
  });
});
