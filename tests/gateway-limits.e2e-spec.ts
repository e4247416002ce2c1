import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const SPORTS = 'query Sports { sports { sport } }';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } & unknown[];
}

async function post(origin: string, body: unknown, token?: string): Promise<Answer> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as never };
}

/** `me { workouts { edges { node { athlete { … } } } } }`, `levels` times over: 4 levels each. */
const nested = (levels: number): string =>
  levels === 0 ? 'id' : `workouts(first: 1) { edges { node { athlete { ${nested(levels - 1)} } } } }`;

describe('gateway limits', () => {
  const pulse = useTestPlatform({ GATEWAY_RATE_LIMIT_USER: '8/60' });
  const send = (body: unknown, token?: string) => post(pulse().gatewayOrigin, body, token);

  it('refuses a query nested deeper than GATEWAY_MAX_DEPTH (12) with QUERY_TOO_COMPLEX', async () => {
    const { accessToken } = await anAthlete(pulse());
    const { status, body } = await send({ query: `{ me { ${nested(3)} } }` }, accessToken);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message:
          'The operation nests fields 14 levels deep; Pulse accepts at most 12. Fetch the deeper data with a second operation.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12, actual: 14 },
      },
    ]);
  });

  it('refuses a query whose estimated cost is over GATEWAY_MAX_COST', async () => {
    const query =
      'query($n: Int) { me { workouts(first: $n) { edges { node { metrics { splits { index } } } } } } }';
    const { accessToken } = await anAthlete(pulse());
    const { status, body } = await send({ query, variables: { n: 1000 } }, accessToken);
    expect(status).toBe(400);
    // me 1 + workouts 1 + edges 1000 × (1 + node 1 + metrics 1 + splits 20 × (1 + index 1)) = 43 002
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      max: 20_000,
      actual: 43_002,
    });
    expect(body.errors?.[0]?.message).toMatch(/estimated cost is 43002, above the 20000/);
  });

  it('refuses more aliases than GATEWAY_MAX_ALIASES, and more root fields than GATEWAY_MAX_ROOT_FIELDS', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `s${i}: sport`).join(' ');
    const tooManyAliases = await send({ query: `{ sports { ${aliases} } }` });
    expect(tooManyAliases.status).toBe(400);
    expect(tooManyAliases.body.errors?.[0]?.extensions).toMatchObject({
      limit: 'aliases',
      max: 15,
      actual: 16,
    });
    const roots = Array.from({ length: 11 }, (_, i) => `s${i}: sports { sport }`).join(' ');
    const tooManyRoots = await send({ query: `{ ${roots} }` });
    expect(tooManyRoots.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'rootFields',
      max: 10,
      actual: 11,
    });
  });

  it('refuses a document longer than GATEWAY_MAX_TOKENS before parsing it', async () => {
    const { status, body } = await send({ query: `{ sports { ${'sport '.repeat(2_000)} } }` });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'tokens',
      max: 2_000,
      actual: 2_001,
    });
  });

  it('answers a batch operation by operation, and refuses one over GATEWAY_MAX_BATCH', async () => {
    const two = await send([{ query: SPORTS }, { query: '{ sports { category } }' }]);
    expect(two.status).toBe(200);
    expect(two.body).toHaveLength(2);
    expect(two.body[0]).toMatchObject({ data: { sports: expect.arrayContaining([{ sport: 'RUN' }]) } });
    const eleven = await send(Array.from({ length: 11 }, () => ({ query: SPORTS })));
    expect(eleven.status).toBe(400);
    expect(eleven.body.errors).toEqual([
      {
        message:
          'The request carries 11 operations; a batch may carry at most 10. Send the rest in another request.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'batch', max: 10, actual: 11 },
      },
    ]);
  });

  it('answers 429 with Retry-After once a user is over their rate, other users unaffected', async () => {
    const [ann, bob] = [await anAthlete(pulse()), await anAthlete(pulse(), 'Bob')];
    for (let i = 0; i < 8; i++)
      expect((await send({ query: '{ me { id } }' }, ann.accessToken)).status).toBe(200);
    const refused = await send({ query: '{ me { id } }' }, ann.accessToken);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      errors: [
        {
          message: `Too many requests: wait ${retryAfter} s before sending more.`,
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
        },
      ],
    });
    expect((await send({ query: '{ me { id } }' }, bob.accessToken)).status).toBe(200);
  });

  it('registers an automatic persisted query, then runs it from its hash alone', async () => {
    const query = `query ApqSports { sports { sport category } } # ${Date.now()}`;
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const unknown = await send({ extensions: { persistedQuery } });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    const registered = await send({ query, extensions: { persistedQuery } });
    expect(registered.body.data).toMatchObject({
      sports: expect.arrayContaining([{ sport: 'RUN', category: expect.any(String) }]),
    });
    const hit = await send({ extensions: { persistedQuery } });
    expect(hit.body).toEqual(registered.body);
  });
});

describe('gateway safelist (GATEWAY_SAFELIST)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-safelist-'));
  const path = join(dir, 'operations.json');
  writeFileSync(path, JSON.stringify({ [sha256(SPORTS)]: SPORTS }));
  const pulse = useTestPlatform({ GATEWAY_SAFELIST: path });
  const send = (body: unknown) => post(pulse().gatewayOrigin, body);

  it('runs a listed operation from its hash or its documentId', async () => {
    const byHash = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(SPORTS) } } });
    expect(byHash.body.data).toMatchObject({ sports: expect.arrayContaining([{ sport: 'RUN' }]) });
    const byDocumentId = await send({ documentId: sha256(SPORTS) });
    expect(byDocumentId.body).toEqual(byHash.body);
  });

  it('refuses free-form text, even of a listed operation, and an unlisted id', async () => {
    const freeForm = await send({ query: SPORTS });
    expect(freeForm.status).toBe(400);
    expect(freeForm.body.errors?.[0]?.extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_ALLOWED' });
    const other = '{ sports { category } }';
    const unlisted = await send({
      query: other,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } },
    });
    expect(unlisted.status).toBe(400);
    expect(unlisted.body.errors).toEqual([
      {
        message: `The operation ${sha256(other)} is not on this gateway's list of allowed operations.`,
        extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED', id: sha256(other) },
      },
    ]);
  });
});
