import {
  FinishWorkoutDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  MyWorkoutsDocument,
  MyWorkoutsThroughMeDocument,
  RefreshDocument,
  RegisterDocument,
  StartWorkoutDocument,
  WorkoutWithAthleteDocument,
} from './__generated__/operations';
import { anAthlete, PASSWORD } from './support/athletes';
import { errorCodes, useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();

describe('an athlete records a workout through the gateway', () => {
  it('registers, signs in, starts and finishes a workout, and finds it on their account', async () => {
    const registered = await anAthlete(pulse(), 'Ann Runner');
    expect(registered.user).toEqual({
      id: expect.any(String),
      email: registered.email,
      displayName: 'Ann Runner',
      roles: ['ATHLETE'],
    });

    const login = await pulse().send(LoginDocument, {
      email: registered.email.toUpperCase(),
      password: PASSWORD,
    });
    const token = login.data!.login.accessToken;
    expect(login.data!.login.user.id).toBe(registered.user.id);

    const started = await pulse().send(
      StartWorkoutDocument,
      { sport: 'RUN', startedAt: '2026-11-20T06:00:00.000Z' },
      token,
    );
    const id = started.data!.startWorkout.id;
    expect(started.data!.startWorkout).toMatchObject({
      sport: 'RUN',
      status: 'IN_PROGRESS',
      startedAt: '2026-11-20T06:00:00.000Z',
    });

    const finished = await pulse().send(
      FinishWorkoutDocument,
      { id, finishedAt: '2026-11-20T06:45:30.000Z', distanceMeters: 10_012.5 },
      token,
    );
    expect(finished).toEqual({
      data: {
        finishWorkout: {
          id,
          status: 'FINISHED',
          finishedAt: '2026-11-20T06:45:30.000Z',
          elapsedSeconds: 2730,
          distanceMeters: 10_012.5,
        },
      },
    });

    // `me` is owned by identity; `workouts` on it is contributed by training through federation.
    const me = await pulse().send(MyWorkoutsThroughMeDocument, {}, token);
    expect(me.data!.me).toEqual({
      id: registered.user.id,
      displayName: 'Ann Runner',
      workouts: {
        edges: [{ cursor: expect.any(String), node: { id, distanceMeters: 10_012.5 } }],
        pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      },
    });

    // And the other way round: a training-owned workout resolves its athlete's name from identity.
    const withAthlete = await pulse().send(WorkoutWithAthleteDocument, { id }, token);
    expect(withAthlete.data!.workout).toEqual({
      id,
      sport: 'RUN',
      distanceMeters: 10_012.5,
      athlete: { id: registered.user.id, displayName: 'Ann Runner' },
    });
  });

  it('pages through workouts newest first', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const ids: string[] = [];
    for (const hour of ['05', '06', '07']) {
      const started = await pulse().send(
        StartWorkoutDocument,
        { sport: 'RIDE', startedAt: `2026-11-19T${hour}:00:00Z` },
        token,
      );
      ids.push(started.data!.startWorkout.id);
    }
    const page1 = await pulse().send(MyWorkoutsDocument, { first: 2 }, token);
    const page2 = await pulse().send(
      MyWorkoutsDocument,
      { first: 2, after: page1.data!.myWorkouts.pageInfo.endCursor },
      token,
    );
    expect(page1.data!.myWorkouts.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page1.data!.myWorkouts.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page2.data!.myWorkouts.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect(page2.data!.myWorkouts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe('authentication at the gateway', () => {
  it('answers UNAUTHENTICATED to an anonymous request for private data', async () => {
    expect(errorCodes(await pulse().send(MeDocument, {}))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await pulse().send(StartWorkoutDocument, { sport: 'RUN' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('rejects a malformed or forged token with UNAUTHENTICATED and HTTP 401', async () => {
    const forged =
      'eyJhbGciOiJFUzI1NiIsImtpZCI6Im5vcGUifQ.eyJzdWIiOiJ4IiwiaXNzIjoicHVsc2UtaWRlbnRpdHkiLCJhdWQiOiJwdWxzZSIsImV4cCI6OTk5OTk5OTk5OX0.c2lnbmF0dXJl';
    for (const token of ['garbage', forged]) {
      const response = await fetch(`${pulse().gatewayOrigin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
  });
});

describe('authentication in the subgraphs', () => {
  it('verifies the token again when a subgraph is called directly, bypassing the gateway', async () => {
    const training = pulse().platform.subgraphs.find((s) => s.name === 'training')!;
    const ask = (headers: Record<string, string>) =>
      fetch(training.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ myWorkouts { edges { node { id } } } }' }),
      });
    expect((await ask({ authorization: 'Bearer forged' })).status).toBe(401);
    const anonymous = (await (await ask({})).json()) as { errors: { extensions: { code: string } }[] };
    expect(anonymous.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');

    const { accessToken } = await anAthlete(pulse());
    expect(await (await ask({ authorization: `Bearer ${accessToken}` })).json()).toEqual({
      data: { myWorkouts: { edges: [] } },
    });
  });
});

describe('input validation', () => {
  it('answers BAD_USER_INPUT naming the field', async () => {
    const badEmail = await pulse().send(RegisterDocument, {
      email: 'not-an-email',
      password: PASSWORD,
      displayName: 'Ann',
    });
    expect(badEmail.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'email' }),
      }),
    ]);

    const shortPassword = await pulse().send(RegisterDocument, {
      email: 'ann@example.com',
      password: 'short',
      displayName: 'Ann',
    });
    expect(shortPassword.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'password',
    });

    const { accessToken } = await anAthlete(pulse());
    const started = await pulse().send(StartWorkoutDocument, { sport: 'RUN' }, accessToken);
    const negative = await pulse().send(
      FinishWorkoutDocument,
      { id: started.data!.startWorkout.id, distanceMeters: -5 },
      accessToken,
    );
    expect(negative.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'distanceMeters',
    });
  });

  it('answers BAD_USER_INPUT for a value GraphQL itself rejects, naming the variable', async () => {
    const { accessToken } = await anAthlete(pulse());
    const response = await fetch(`${pulse().gatewayOrigin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        query: 'mutation($sport: Sport!) { startWorkout(sport: $sport) { id } }',
        variables: { sport: 'SKYDIVING' },
      }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({
      message: expect.stringContaining('$sport'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('never leaks a stack trace', async () => {
    const response = await fetch(`${pulse().gatewayOrigin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).not.toMatch(/stacktrace|at .*\.ts/);
  });
});

describe('privacy between athletes', () => {
  it("does not let one athlete read another's workout", async () => {
    const ann = await anAthlete(pulse(), 'Ann');
    const bob = await anAthlete(pulse(), 'Bob');
    const started = await pulse().send(StartWorkoutDocument, { sport: 'RUN' }, ann.accessToken);
    const id = started.data!.startWorkout.id;

    const read = await pulse().send(WorkoutWithAthleteDocument, { id }, bob.accessToken);
    expect(read.data?.workout ?? null).toBeNull();
    expect(errorCodes(read)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(read)).not.toContain('Ann');

    const finish = await pulse().send(FinishWorkoutDocument, { id, distanceMeters: 1 }, bob.accessToken);
    expect(errorCodes(finish)).toEqual(['NOT_FOUND']);
  });
});

describe('sessions', () => {
  it('revokes the whole family when an old refresh token is reused', async () => {
    const ann = await anAthlete(pulse());
    const rotated = await pulse().send(RefreshDocument, { refreshToken: ann.refreshToken });
    expect(rotated.data!.refreshToken.refreshToken).not.toBe(ann.refreshToken);

    const reuse = await pulse().send(RefreshDocument, { refreshToken: ann.refreshToken });
    expect(errorCodes(reuse)).toEqual(['UNAUTHENTICATED']);

    const afterRevocation = await pulse().send(RefreshDocument, {
      refreshToken: rotated.data!.refreshToken.refreshToken,
    });
    expect(errorCodes(afterRevocation)).toEqual(['UNAUTHENTICATED']);
  });

  it('signs out: the refresh token stops working', async () => {
    const ann = await anAthlete(pulse());
    expect((await pulse().send(LogoutDocument, { refreshToken: ann.refreshToken })).data).toEqual({
      logout: true,
    });
    expect(errorCodes(await pulse().send(RefreshDocument, { refreshToken: ann.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('shows the email to its owner only', async () => {
    const ann = await anAthlete(pulse());
    expect((await pulse().send(MeDocument, {}, ann.accessToken)).data!.me.email).toBe(ann.email);
  });
});

describe('health', () => {
  it('reports live and ready once the supergraph is loaded and the subgraphs answer', async () => {
    expect(await (await fetch(`${pulse().gatewayOrigin}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${pulse().gatewayOrigin}/ready`);
    expect(ready.status).toBe(200);
    for (const subgraph of pulse().platform.subgraphs) {
      expect((await fetch(subgraph.url.replace('/graphql', '/ready'))).status).toBe(200);
    }
  });

  it('exposes Prometheus metrics, with the outbox lag of each publishing context', async () => {
    const training = pulse().platform.subgraphs.find((s) => s.name === 'training')!;
    const metrics = await (await fetch(training.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/^pulse_outbox_lag_seconds\{context="training"\} \d/m);
    expect(metrics).toMatch(/^pulse_outbox_pending_events\{context="inventory"\} \d/m);
  });
});
