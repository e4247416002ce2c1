import { importJWK, jwtVerify } from 'jose';
import { generateVAPIDKeys } from 'web-push';
import { aChannelMessage } from '../channels/channel-message.builders';
import {
  startHttpsPeer,
  type HttpsPeer,
  type PeerAnswer,
  type PeerRequest,
} from './testing/local-https-peer';
import { aBrowserSubscription } from './testing/web-push-decrypt';
import { createWebPushSender } from './web-push-sender';

const vapid = { subject: 'mailto:push@pulse.example', ...generateVAPIDKeys() };

/** The VAPID public key (an uncompressed P-256 point) as the JWK jose verifies with. */
async function vapidVerificationKey() {
  const point = Buffer.from(vapid.publicKey, 'base64url');
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33, 65).toString('base64url'),
  };
  return importJWK(jwk, 'ES256');
}

/** A push service: `/push/<id>` endpoints; `problems` lists every request that broke RFC 8030/8292. */
function newFakePushService(origin: () => string) {
  const problems: string[] = [];
  const answers: Record<string, PeerAnswer | 'hang'> = {
    gone: { status: 410, body: 'push subscription has unsubscribed or expired.' },
    unknown: { status: 404 },
    throttled: { status: 429, headers: { 'retry-after': new Date(Date.now() + 60_000).toUTCString() } },
    broken: { status: 502 },
    refused: { status: 413, body: 'payload too large' },
    slow: 'hang',
  };

  async function route(request: PeerRequest): Promise<PeerAnswer | 'hang'> {
    const authorization = /^vapid t=([^,]+), k=(.+)$/.exec(request.headers.authorization ?? '');
    if (!authorization) {
      problems.push(`authorization ${request.headers.authorization}`);
    } else {
      if (authorization[2] !== vapid.publicKey) problems.push(`k=${authorization[2]}`);
      try {
        const { payload } = await jwtVerify(authorization[1]!, await vapidVerificationKey(), {
          audience: origin(),
        });
        if (payload.sub !== vapid.subject) problems.push(`sub ${payload.sub}`);
      } catch (error) {
        problems.push(`VAPID JWT: ${(error as Error).message}`);
      }
    }
    if (request.headers['content-encoding'] !== 'aes128gcm') {
      problems.push(`content-encoding ${request.headers['content-encoding']}`);
    }
    if (request.headers.ttl !== '86400') problems.push(`ttl ${request.headers.ttl}`);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(String(request.headers.topic ?? '')))
      problems.push(`topic ${request.headers.topic}`);
    const id = request.url.replace('/push/', '');
    return answers[id] ?? { status: 201, headers: { location: `${origin()}/message/${id}` } };
  }
  return { problems, route };
}

describe('Web Push sender against a local push service', () => {
  let service: ReturnType<typeof newFakePushService>;
  let peer: HttpsPeer;

  beforeAll(async () => {
    service = newFakePushService(() => peer.origin);
    peer = await startHttpsPeer(service.route);
  });
  afterAll(async () => {
    await peer.close();
  });
  beforeEach(() => {
    peer.requests.length = 0;
    service.problems.length = 0;
  });
  afterEach(() => {
    expect(service.problems).toEqual([]);
  });

  const newSender = (timeoutMs = 5_000) => createWebPushSender({ vapid, agent: peer.agent, timeoutMs });

  it('encrypts the notification for the browser and signs the request with the VAPID key', async () => {
    const browser = aBrowserSubscription(`${peer.origin}/push/browser-1`);

    const outcome = await newSender().send(browser.subscription, aChannelMessage(), { activityId: 42 });

    expect(outcome).toEqual({ outcome: 'sent', detail: `${peer.origin}/message/browser-1` });
    expect(peer.requests).toHaveLength(1);
    const [request] = peer.requests;
    expect(request!.headers).toMatchObject({
      ttl: '86400',
      topic: '0d5c3c1e8f1a4c529d4e2b7f6a1e9c01',
      urgency: 'normal',
      'content-encoding': 'aes128gcm',
    });
    expect(JSON.parse(browser.decrypt(request!.body))).toEqual({
      activityId: 42,
      notificationId: '0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01',
      title: 'Kudos',
      body: 'Ann, Bob and 23 others gave kudos to your Morning Run',
      url: 'https://pulse.example/workouts/w-1',
      workflow: 'kudos-received',
      category: 'SOCIAL',
    });
  });

  it.each([
    [
      'gone',
      {
        outcome: 'gone',
        reason: 'Push service answered 410: push subscription has unsubscribed or expired.',
      },
    ],
    ['unknown', { outcome: 'gone', reason: 'Push service answered 404' }],
    [
      'throttled',
      { outcome: 'retry', reason: 'Push service answered 429', retryAfterMs: expect.any(Number) },
    ],
    ['broken', { outcome: 'retry', reason: 'Push service answered 502', retryAfterMs: null }],
    ['refused', { outcome: 'failed', reason: 'Push service answered 413: payload too large' }],
  ])('answers the %s subscription with its outcome, in one request', async (id, expected) => {
    const browser = aBrowserSubscription(`${peer.origin}/push/${id}`);
    await expect(newSender().send(browser.subscription, aChannelMessage())).resolves.toEqual(expected);
    expect(peer.requests).toHaveLength(1);
  });

  it('reads an HTTP-date Retry-After as the milliseconds left', async () => {
    const browser = aBrowserSubscription(`${peer.origin}/push/throttled`);
    const outcome = await newSender().send(browser.subscription, aChannelMessage());
    expect(outcome.outcome === 'retry' && outcome.retryAfterMs).toBeGreaterThan(50_000);
    expect(outcome.outcome === 'retry' && outcome.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('answers retry when the push service does not answer within the timeout', async () => {
    const browser = aBrowserSubscription(`${peer.origin}/push/slow`);
    await expect(newSender(300).send(browser.subscription, aChannelMessage())).resolves.toEqual({
      outcome: 'retry',
      reason: expect.stringMatching(/^Push service unreachable: .*abort/i),
      retryAfterMs: null,
    });
  });

  it('answers retry when the push service cannot be reached', async () => {
    const browser = aBrowserSubscription('https://127.0.0.1:1/push/nowhere');
    await expect(newSender().send(browser.subscription, aChannelMessage())).resolves.toEqual({
      outcome: 'retry',
      reason: expect.stringContaining('ECONNREFUSED'),
      retryAfterMs: null,
    });
  });
});
