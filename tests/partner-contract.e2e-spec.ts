import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import {
  IssuePartnerApiKeyDocument,
  LogManualDocument,
  PartnerApiKeysDocument,
  PublicWorkoutsDocument,
  RegisterDocument,
  RevokePartnerApiKeyDocument,
} from './__generated__/operations';
import { anAthlete, PASSWORD } from './support/athletes';
import { errorCodes, useTestPlatform } from './support/test-platform';

const ADMIN_EMAIL = `admin-${randomUUID()}@example.com`;
// Keys are checked on every request here (no cache), so a revocation shows at once.
const pulse = useTestPlatform({ ADMIN_EMAILS: ADMIN_EMAIL, PARTNER_KEY_CACHE_SECONDS: '0' });

async function anAdmin() {
  const result = await pulse().send(RegisterDocument, {
    email: ADMIN_EMAIL.toUpperCase(),
    password: PASSWORD,
    displayName: 'Ada Admin',
  });
  if (!result.data) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
  return result.data.register;
}

let admin: Awaited<ReturnType<typeof anAdmin>>;
beforeAll(async () => {
  admin = await anAdmin();
});

async function askPartnerApi(query: string, variables: object, headers: Record<string, string>) {
  const response = await fetch(`${pulse().gatewayOrigin}/partner/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: object[] } };
}

async function issueKey(name: string) {
  const issued = await pulse().send(IssuePartnerApiKeyDocument, { name }, admin.accessToken);
  if (!issued.data) throw new Error(`issuePartnerApiKey failed: ${JSON.stringify(issued.errors)}`);
  return issued.data.issuePartnerApiKey;
}

describe('partner API keys', () => {
  it('gives the ADMIN role to the emails of ADMIN_EMAILS', () => {
    expect(admin.user.roles).toEqual(['ATHLETE', 'ADMIN']);
  });

  it('lets an admin issue a key, shown once, and list it', async () => {
    const { key, apiKey } = await issueKey('Acme Watches');
    expect(key).toMatch(new RegExp(`^pk_live_${apiKey.id}_[A-Za-z0-9_-]{43}$`));
    expect(apiKey).toEqual({
      id: apiKey.id,
      name: 'Acme Watches',
      prefix: `pk_live_${apiKey.id}_`,
      revokedAt: null,
      issuedBy: { id: admin.user.id },
    });
    const listed = await pulse().send(PartnerApiKeysDocument, {}, admin.accessToken);
    expect(listed.data?.partnerApiKeys).toContainEqual({
      id: apiKey.id,
      name: 'Acme Watches',
      revokedAt: null,
    });
  });

  it('refuses an athlete (FORBIDDEN) and an anonymous caller (UNAUTHENTICATED)', async () => {
    const { accessToken } = await anAthlete(pulse());
    expect(errorCodes(await pulse().send(IssuePartnerApiKeyDocument, { name: 'x' }, accessToken))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await pulse().send(PartnerApiKeysDocument, {}, accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await pulse().send(IssuePartnerApiKeyDocument, { name: 'x' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});

describe('the partner API at /partner/graphql', () => {
  it('answers public workout summaries and sports with a valid key, leaving non-public workouts out', async () => {
    const athlete = await anAthlete(pulse(), 'Petra Public');
    const manual = (visibility: 'PUBLIC' | 'FOLLOWERS' | 'PRIVATE', startedAt: string) =>
      pulse().send(
        LogManualDocument,
        {
          input: {
            sport: 'RIDE',
            startedAt,
            durationSeconds: 3600,
            distanceMeters: 30_000,
            elevationGainMeters: 420,
            visibility,
          },
        },
        athlete.accessToken,
      );
    await manual('PUBLIC', '2026-11-01T08:00:00Z');
    await manual('FOLLOWERS', '2026-11-02T08:00:00Z');
    await manual('PRIVATE', '2026-11-03T08:00:00Z');
    const { key } = await issueKey('Acme');

    const { status, body } = await askPartnerApi(
      print(PublicWorkoutsDocument),
      { userId: athlete.user.id },
      { 'x-api-key': key },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const data = body.data as {
      publicWorkouts: { edges: { node: object }[]; pageInfo: { hasNextPage: boolean } };
      sports: { sport: string }[];
    };
    expect(data.publicWorkouts.edges.map((e) => e.node)).toEqual([
      {
        sport: 'RIDE',
        startedAt: '2026-11-01T08:00:00.000Z',
        distanceMeters: 30_000,
        movingSeconds: 3600,
        elevationGainMeters: 420,
        athlete: { id: athlete.user.id, displayName: 'Petra Public' },
      },
    ]);
    expect(data.publicWorkouts.pageInfo.hasNextPage).toBe(false);
    expect(data.sports).toContainEqual({ sport: 'RIDE' });
  });

  it('accepts the key as Authorization: ApiKey <key> too', async () => {
    const { key } = await issueKey('Acme');
    const { status, body } = await askPartnerApi(
      '{ sports { sport } }',
      {},
      { authorization: `ApiKey ${key}` },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('rejects a missing, an unknown and a revoked key with 401 UNAUTHENTICATED', async () => {
    const { key, apiKey } = await issueKey('Soon revoked');
    expect((await askPartnerApi('{ sports { sport } }', {}, { 'x-api-key': key })).status).toBe(200);
    const revoked = await pulse().send(RevokePartnerApiKeyDocument, { id: apiKey.id }, admin.accessToken);
    expect(revoked.data?.revokePartnerApiKey.revokedAt).toEqual(expect.any(String));

    const forged = `${key.slice(0, -43)}${'x'.repeat(43)}`;
    const attempts: Record<string, string>[] = [
      {},
      { 'x-api-key': forged },
      { 'x-api-key': 'garbage' },
      { 'x-api-key': key },
    ];
    for (const headers of attempts) {
      const { status, body } = await askPartnerApi('{ sports { sport } }', {}, headers);
      expect(status).toBe(401);
      expect(body).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
  });

  it('does not know fields outside the public contract', async () => {
    const { key } = await issueKey('Acme');
    const me = await askPartnerApi('{ me { id } }', {}, { 'x-api-key': key });
    expect(me.status).toBe(400);
    expect(me.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Cannot query field "me" on type "Query"'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    const email = await askPartnerApi(
      'query ($u: ID!) { publicWorkouts(userId: $u) { edges { node { athlete { email } } } } }',
      { u: admin.user.id },
      { 'x-api-key': key },
    );
    expect(email.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Cannot query field "email" on type "User"'),
      }),
    ]);
  });
});
