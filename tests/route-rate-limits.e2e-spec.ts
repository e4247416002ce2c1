import { gpxFixture } from '../lib/testing/gpx-fixtures';
import { StartWithIdDocument } from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';

// Small limits, so that a test can cross them; each route counts apart from /graphql and from the others.
const pulse = useTestPlatform({
  GATEWAY_RATE_LIMIT_IMPORTS_USER: '2/60',
  GATEWAY_RATE_LIMIT_IMPORTS_IP: '5/60',
  GATEWAY_RATE_LIMIT_TELEMETRY_USER: '3/60',
});

const walk = gpxFixture('cerknicko-jezero.gpx');

async function upload(token: string) {
  const response = await fetch(`${pulse().gatewayOrigin}/imports?fileName=walk.gpx`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: new Uint8Array(walk),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

describe('rate limits of the HTTP routes on the gateway port', () => {
  it('limits uploads per user, then per address, with RATE_LIMITED and Retry-After', async () => {
    const ann = await anAthlete(pulse(), 'Ann Uploader');
    const bob = await anAthlete(pulse(), 'Bob Uploader');
    const [first, second, third] = [
      await upload(ann.accessToken),
      await upload(ann.accessToken),
      await upload(ann.accessToken),
    ];
    // The second upload is the same activity: CONFLICT, but it still counts as an upload.
    expect([first.status, second.status]).toEqual([202, 409]);
    expect(third).toMatchObject({
      status: 429,
      retryAfter: expect.stringMatching(/^\d+$/),
      body: { errors: [{ extensions: { code: 'RATE_LIMITED' } }] },
    });
    // Another user from the same address has their own 2, until the address's 5 are spent.
    expect((await upload(bob.accessToken)).status).toBe(202);
    expect((await upload(bob.accessToken)).status).toBe(409);
    expect((await upload(bob.accessToken)).status).toBe(429);
  });

  it('limits telemetry per user with its own size, apart from uploads', async () => {
    const { accessToken } = await anAthlete(pulse(), 'Ann Recorder');
    const workoutId = (await pulse().send(StartWithIdDocument, { sport: 'RUN' }, accessToken)).data!
      .startWorkout.id;
    const send = async (batch: number) =>
      (
        await fetch(`${pulse().gatewayOrigin}/telemetry/workouts/${workoutId}/batches/b${batch}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/x-ndjson' },
          body: JSON.stringify({ seq: batch, t: Date.now() - 60_000 + batch * 1000, hr: 140 }),
        })
      ).status;
    expect([await send(1), await send(2), await send(3), await send(4)]).toEqual([200, 200, 200, 429]);
  });
});
