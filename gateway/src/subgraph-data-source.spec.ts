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

describe('SubgraphDataSource.process', () => {
  const url = 'http://127.0.0.1:4003/graphql';
  const context = { viewer: null, accessToken: 'token-1', correlationId: 'c2' };
  /** A data source whose fetcher records what it was sent and answers `reply`. */
  const sourceAnswering = (reply: {
    status?: number;
    contentType?: string;
    cacheControl?: string;
    body: unknown;
  }) => {
    const sent: { url: string; headers: Record<string, string>; body: Record<string, unknown> }[] = [];
    const source = new SubgraphDataSource({
      url,
      fetcher: async (to, init) => {
        sent.push({ url: to, headers: init?.headers ?? {}, body: JSON.parse(String(init?.body)) });
        return asFetcherResponse({
          url: to,
          status: reply.status ?? 200,
          statusText: reply.status === 401 ? 'Unauthorized' : 'OK',
          headers: [
            ['content-type', reply.contentType ?? 'application/json'],
            ...(reply.cacheControl ? ([['cache-control', reply.cacheControl]] as [string, string][]) : []),
          ],
          text: typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body),
        });
      },
    });
    return { source, sent };
  };
  const restricted: object[] = [];
  const asked = (variables: Record<string, unknown>) =>
    ({
      kind: 'incoming operation',
      request: {
        query:
          'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { name } } }',
        variables,
      },
      context,
      incomingRequestContext: { overallCachePolicy: { restrict: (hint: object) => restricted.push(hint) } },
    }) as never;

  it("sends the query with the caller's token and correlation id, each distinct representation once", async () => {
    const table = { __typename: 'Product', upc: '1' };
    const { source, sent } = sourceAnswering({ body: { data: { _entities: [{ name: 'Table' }] } } });
    const answer = await source.process(asked({ representations: [table, table, table] }));
    expect(sent[0]!.url).toBe(url);
    expect(sent[0]!.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer token-1',
      'x-correlation-id': 'c2',
    });
    expect(sent[0]!.body.variables).toEqual({ representations: [table] });
    expect(answer.data).toEqual({ _entities: [{ name: 'Table' }, { name: 'Table' }, { name: 'Table' }] });
  });

  it("restricts the answer's cache policy by the subgraph's cache-control", async () => {
    restricted.length = 0;
    const { source } = sourceAnswering({
      cacheControl: 'max-age=60, private',
      body: { data: { _entities: [] } },
    });
    await source.process(asked({ representations: [] }));
    expect(restricted).toEqual([{ maxAge: 60, scope: 'PRIVATE' }]);
  });

  it('turns a 401 into UNAUTHENTICATED and refuses an answer that is not a JSON object', async () => {
    const refused = sourceAnswering({ status: 401, body: { errors: [{ message: 'no' }] } });
    await expect(refused.source.process(asked({}))).rejects.toMatchObject({
      message: '401: Unauthorized',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const garbled = sourceAnswering({ contentType: 'text/plain', body: 'not json' });
    await expect(garbled.source.process(asked({}))).rejects.toThrow(
      'Expected JSON response body, but received: not json',
    );
  });
});
