/**
 * Malformed requests to the gateway, one per row, each with the HTTP status and `extensions.code` a client
 * developer can act on: never a 500, never INTERNAL_SERVER_ERROR, never a suggestion that reveals the schema
 * (this platform runs as production: introspection off).
 */
import { createHash } from 'node:crypto';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform({ NODE_ENV: 'production' });

interface Row {
  body?: unknown;
  /** The raw body, when it is not JSON. */
  raw?: string;
  method?: 'GET' | 'POST';
  query?: string;
  headers?: Record<string, string>;
  /** Sent with the athlete's token (the default), without one, or with a forged one. */
  as?: 'athlete' | 'anonymous' | 'forged';
}

const op = (query: string, variables?: Record<string, unknown>, operationName?: string): Row => ({
  body: { query, variables, operationName },
});
const START = 'mutation Start($at: DateTime) { startWorkout(sport: RUN, startedAt: $at) { id } }';
const startAt = (at: unknown) => op(START, { at });
const ADD_GEAR = 'mutation Add($input: AddGearInput!) { addGear(input: $input) { id } }';
const addGear = (input: Record<string, unknown>) => op(ADD_GEAR, { input: { kind: 'SHOES', ...input } });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const NIL = '00000000-0000-0000-0000-000000000000';
const nested = (depth: number): string =>
  depth === 0 ? 'id' : `workouts(first: 1) { edges { node { athlete { ${nested(depth - 1)} } } } }`;

const ROWS: [string, Row, number, string][] = [
  // The request itself
  ['a body that is not JSON', { raw: '{"query": ' }, 400, 'BAD_REQUEST'],
  ['an empty JSON object', { body: {} }, 400, 'BAD_REQUEST'],
  ['a query that is a number', { body: { query: 5 } }, 400, 'BAD_REQUEST'],
  [
    'variables that are not an object',
    { body: { query: '{ sports { sport } }', variables: 5 } },
    400,
    'BAD_REQUEST',
  ],
  [
    'a plain-text POST (CSRF prevention)',
    { raw: '{ sports { sport } }', headers: { 'content-type': 'text/plain' } },
    400,
    'BAD_REQUEST',
  ],
  [
    'a mutation over GET',
    { method: 'GET', query: 'mutation { logout(refreshToken: "x") }' },
    405,
    'BAD_REQUEST',
  ],
  [
    'a batch above the cap',
    { body: Array.from({ length: 11 }, () => ({ query: '{ sports { sport } }' })) },
    400,
    'QUERY_TOO_COMPLEX',
  ],
  [
    'a body above 1 MB',
    { body: { query: `{ sports { sport } } # ${'x'.repeat(1_100_000)}` } },
    413,
    'BAD_REQUEST',
  ],
  // The document
  ['a syntax error', op('{ sports { sport }'), 400, 'GRAPHQL_PARSE_FAILED'],
  ['an unknown field', op('{ sportz { sport } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
  ['a field without its selection', op('{ sports }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
  ['an unknown variable type', op('query Q($x: Foo) { sports { sport } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
  ['an unused variable', op('query Q($x: Int) { sports { sport } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
  ['introspection in production', op('{ __schema { types { name } } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
  [
    'an operationName the document lacks',
    op('query A { sports { sport } }', {}, 'B'),
    400,
    'OPERATION_RESOLUTION_FAILURE',
  ],
  [
    'two operations and no name',
    op('query A { sports { sport } } query B { sports { sport } }'),
    400,
    'OPERATION_RESOLUTION_FAILURE',
  ],
  [
    'a subscription sent as a plain POST',
    op(`subscription { workoutProgress(workoutId: "${NIL}") { at } }`),
    400,
    'BAD_REQUEST',
  ],
  ['too deep', op(`{ me { ${nested(4)} } }`), 400, 'QUERY_TOO_COMPLEX'],
  [
    'too many aliases',
    op(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: sports { sport }`).join(' ')} }`),
    400,
    'QUERY_TOO_COMPLEX',
  ],
  ['too many tokens', op(`{ sports { ${'sport '.repeat(2_100)} } }`), 400, 'QUERY_TOO_COMPLEX'],
  // Persisted queries
  [
    'an APQ hash that is not the query’s',
    {
      body: {
        query: '{ sports { sport } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('other') } },
      },
    },
    400,
    'BAD_REQUEST',
  ],
  [
    'an APQ hash never registered',
    { body: { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('never') } } } },
    200,
    'PERSISTED_QUERY_NOT_FOUND',
  ],
  // Credentials
  ['no token for a signed-in field', { ...op('{ me { id } }'), as: 'anonymous' }, 401, 'UNAUTHENTICATED'],
  ['a forged token', { ...op('{ me { id } }'), as: 'forged' }, 401, 'UNAUTHENTICATED'],
  // Variables and arguments
  ['a missing required variable', op('query W($id: ID!) { workout(id: $id) { id } }'), 400, 'BAD_USER_INPUT'],
  [
    'a string for an Int',
    op('query W($n: Int) { myWorkouts(first: $n) { pageInfo { hasNextPage } } }', { n: 'ten' }),
    400,
    'BAD_USER_INPUT',
  ],
  [
    'an Int above 2^31',
    op('query W($n: Int) { myWorkouts(first: $n) { pageInfo { hasNextPage } } }', { n: 2 ** 31 }),
    400,
    'BAD_USER_INPUT',
  ],
  ['a Float that is text', addGear({ brand: 'A', initialDistanceMeters: 'far' }), 400, 'BAD_USER_INPUT'],
  [
    'an unknown enum value (literal)',
    op('mutation { startWorkout(sport: RUNN) { id } }'),
    400,
    'BAD_USER_INPUT',
  ],
  [
    'an unknown enum value (variable)',
    op('mutation S($s: Sport!) { startWorkout(sport: $s) { id } }', { s: 'RUNN' }),
    400,
    'BAD_USER_INPUT',
  ],
  ['DateTime "yesterday"', startAt('yesterday'), 400, 'BAD_USER_INPUT'],
  ['DateTime ""', startAt(''), 400, 'BAD_USER_INPUT'],
  ['DateTime on 30 February', startAt('2026-02-30T00:00:00Z'), 400, 'BAD_USER_INPUT'],
  ['DateTime in the year 275760', startAt('+275760-09-13T00:00:00.000Z'), 400, 'BAD_USER_INPUT'],
  ['DateTime with an offset of +25:00', startAt('2026-01-01T00:00:00+25:00'), 400, 'BAD_USER_INPUT'],
  ['DateTime as a number', startAt(12345), 400, 'BAD_USER_INPUT'],
  ['DateTime as a bare date', startAt('2026-11-20'), 400, 'BAD_USER_INPUT'],
  [
    'DateTime literal "2026-13-45"',
    op('mutation { startWorkout(sport: RUN, startedAt: "2026-13-45") { id } }'),
    400,
    'BAD_USER_INPUT',
  ],
  ['a NUL character', addGear({ brand: 'Asics\u0000' }), 400, 'BAD_USER_INPUT'],
  ['a lone surrogate', addGear({ brand: '\ud800' }), 400, 'BAD_USER_INPUT'],
  ['a string over its length', addGear({ brand: 'b'.repeat(101) }), 400, 'BAD_USER_INPUT'],
  [
    'an id of 101 characters',
    op('query W($id: ID!) { workout(id: $id) { id } }', { id: 'x'.repeat(101) }),
    400,
    'BAD_USER_INPUT',
  ],
  // Values the domain refuses (the request itself is well formed: HTTP 200 with the error)
  [
    'a retirement distance of 5e-324 m',
    addGear({ brand: 'A', retirementDistanceMeters: 5e-324 }),
    200,
    'BAD_USER_INPUT',
  ],
  ['a workout started in the year 1', startAt('0001-01-01T00:00:00Z'), 200, 'BAD_USER_INPUT'],
  [
    'a workout id that is not a UUID',
    op('mutation { finishWorkout(id: "not-a-uuid") { id } }'),
    200,
    'BAD_USER_INPUT',
  ],
  ['the nil UUID as a workout id', op(`mutation { finishWorkout(id: "${NIL}") { id } }`), 200, 'NOT_FOUND'],
];

describe('malformed requests to the gateway', () => {
  let token = '';
  beforeAll(async () => {
    token = (await anAthlete(pulse(), 'Mal Formed')).accessToken;
  });

  it.each(ROWS)('%s', async (_name, row, status, code) => {
    const url = new URL('/graphql', pulse().gatewayOrigin);
    if (row.query) url.searchParams.set('query', row.query);
    const authorization = { athlete: `Bearer ${token}`, anonymous: undefined, forged: `Bearer ${token}x` }[
      row.as ?? 'athlete'
    ];
    const response = await fetch(url, {
      method: row.method ?? 'POST',
      headers: {
        ...(row.method !== 'GET' && { 'content-type': 'application/json' }),
        ...(row.method === 'GET' && { 'apollo-require-preflight': 'true' }),
        ...(authorization && { authorization }),
        ...row.headers,
      },
      body: row.method === 'GET' ? undefined : (row.raw ?? JSON.stringify(row.body)),
    });
    const answer = (await response.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    // One error, or several of the same kind (an unknown variable type is also an unused variable).
    const codes = new Set(answer.errors?.map((e) => e.extensions?.code));
    expect({ status: response.status, codes }).toEqual({ status, codes: new Set([code]) });
    for (const error of answer.errors ?? []) expect(error.message).not.toMatch(/Did you mean/);
  });
});
