import { print } from 'graphql';
import { gpxFixture } from '../lib/testing/gpx-fixtures';
import { eventually } from '../lib/testing/eventually';
import { MyWorkoutsThroughMeDocument } from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { halfSentGet, halfSentPost, refusesConnections } from './support/held-requests';
import { startTestPlatform, type TestPlatform } from './support/test-platform';

describe('shutdown', () => {
  let pulse: TestPlatform;
  let stopped: Promise<void> | undefined;
  beforeAll(async () => {
    // A grace period a busy machine cannot run out of: what is tested is that requests in flight are
    // answered, not how fast (with the default 10 s, seven uploads proxied on a fully loaded machine were cut off once).
    // The queries wait behind the seven imports on the shared embedded database: on a fully loaded machine
    // training once took over the default 10 s subgraph deadline, so it is the grace period here too.
    pulse = await startTestPlatform({ SHUTDOWN_GRACE_MS: '14000', GATEWAY_SUBGRAPH_TIMEOUT_MS: '14000' });
  });
  afterAll(() => stopped ?? pulse.close());

  it('answers every request in flight, uploads included, while /ready says 503 and no one new gets in', async () => {
    const origin = pulse.gatewayOrigin;
    const { accessToken } = await anAthlete(pulse);
    const authorization = `Bearer ${accessToken}`;
    // Seven files (a track without times, told apart by a comment) from seven athletes (one athlete's
    // uploads are read two at a time), and seven federated queries.
    const uploaders = await Promise.all(Array.from({ length: 7 }, () => anAthlete(pulse)));
    const track = gpxFixture('track-with-extremes.gpx').toString();
    const uploads = uploaders.map((uploader, n) =>
      halfSentPost(
        `${origin}/imports?sport=RUN`,
        { authorization: `Bearer ${uploader.accessToken}`, 'content-type': 'application/gpx+xml' },
        Buffer.from(`${track}\n<!-- upload ${n} -->\n`),
      ),
    );
    const query = JSON.stringify({ query: print(MyWorkoutsThroughMeDocument), variables: { first: 5 } });
    const queries = Array.from({ length: 7 }, () =>
      halfSentPost(
        `${origin}/graphql`,
        { authorization, 'content-type': 'application/json' },
        Buffer.from(query),
      ),
    );
    const probe = await halfSentGet(origin, '/ready');
    // Answered on a new connection once the gateway took in those opened before (a kept-alive one could
    // overtake them; a connection not yet taken in when the server closes is reset by the kernel).
    expect(await (await halfSentGet(origin, '/health')).finish()).toMatchObject({ status: 200 });

    stopped = pulse.close();
    const ready = await probe.finish();
    await eventually(async () => expect(await refusesConnections(origin)).toBe(true));
    for (const request of [...uploads, ...queries]) request.finish();
    const outcomes = await Promise.allSettled([...uploads, ...queries].map((request) => request.answer));
    await stopped;

    expect(ready).toEqual({ status: 503, body: expect.stringContaining('shutting down') });
    const answers = outcomes.map((outcome) =>
      outcome.status === 'fulfilled'
        ? outcome.value
        : { status: String(outcome.reason), body: '', headers: {} },
    );
    expect(answers.map((answer) => answer.status)).toEqual([...Array(7).fill(202), ...Array(7).fill(200)]);
    for (const answer of answers.slice(0, 7)) {
      expect(answer.headers).toMatchObject({ connection: 'close' });
      expect(JSON.parse(answer.body)).toMatchObject({ importId: expect.any(String) });
    }
    for (const answer of answers.slice(7)) {
      expect(JSON.parse(answer.body)).toEqual({
        data: { me: expect.objectContaining({ workouts: expect.anything() }) },
      });
    }
  });
});
