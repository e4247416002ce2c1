import { SubgraphDataSource } from './subgraph-data-source';
import { asFetcherResponse } from './subgraph-fetcher';

const answer = (status: number, body: unknown) =>
  asFetcherResponse({
    url: 'http://127.0.0.1:4002/graphql',
    status,
    statusText: status === 400 ? 'Bad Request' : 'Internal Server Error',
    headers: [['content-type', 'application/json']],
    text: JSON.stringify(body),
  });

describe('SubgraphDataSource.errorFromResponse', () => {
  const source = new SubgraphDataSource({ url: 'http://127.0.0.1:4002/graphql' });

  it("relays a subgraph's refusal of bad input as the subgraph wrote it", async () => {
    const refusal = {
      errors: [
        {
          message: 'startedAt: DateTime cannot represent …',
          extensions: { code: 'BAD_USER_INPUT', field: 'startedAt' },
        },
      ],
    };
    const error = await source.errorFromResponse(answer(400, refusal));
    expect(error.message).toBe('startedAt: DateTime cannot represent …');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'startedAt' });
  });

  it("leaves a failure that is not the client's to @apollo/gateway (masked as an internal error later)", async () => {
    const crash = { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    expect((await source.errorFromResponse(answer(400, crash))).message).toBe('400: Bad Request');
    expect((await source.errorFromResponse(answer(500, 'oops'))).message).toBe('500: Internal Server Error');
  });
});

describe('SubgraphDataSource.willSendRequest', () => {
  const source = new SubgraphDataSource({ url: 'http://127.0.0.1:4001/graphql' });
  const send = (clientAddress: string | undefined) => {
    const headers = new Headers({ 'x-pulse-client-ip': '10.0.0.1' });
    const context = { viewer: null, accessToken: null, correlationId: 'c1', clientAddress };
    source.willSendRequest({ headers, context });
    return headers.get('x-pulse-client-ip');
  };

  it("passes the gateway's view of the client address, whatever the header said before", () => {
    expect(send('203.0.113.9')).toBe('203.0.113.9');
  });

  it('sends no client address when the gateway has none', () => {
    expect(send(undefined)).toBeNull();
  });
});
