import type { SendOutcome } from '../channels/channel-message';
import { createFcmSender } from './fcm-sender';
import type { FcmMessageBody } from './fcm-message';
import { aChannelMessage } from '../channels/channel-message.builders';
import { CLIENT_EMAIL, newFakeGoogle, PROJECT, serviceAccountKey, strangerKey } from './testing/fake-google';
import { startHttpsPeer, type HttpsPeer } from './testing/local-https-peer';

describe('FCM sender against a local FCM and token endpoint', () => {
  let google: ReturnType<typeof newFakeGoogle>;
  let peer: HttpsPeer;

  beforeAll(async () => {
    google = newFakeGoogle();
    peer = await startHttpsPeer(google.route);
  });
  afterAll(async () => {
    await peer.close();
  });
  beforeEach(() => {
    peer.requests.length = 0;
    google.problems.length = 0;
  });
  afterEach(() => {
    expect(google.problems).toEqual([]);
  });

  function newSender(overrides: { privateKey?: string; timeoutMs?: number; baseUrl?: string } = {}) {
    return createFcmSender({
      projectId: PROJECT,
      serviceAccount: {
        client_email: CLIENT_EMAIL,
        private_key: overrides.privateKey ?? serviceAccountKey.privateKey,
        token_uri: `${peer.origin}/token`,
      },
      baseUrl: overrides.baseUrl ?? peer.origin,
      agent: peer.agent,
      timeoutMs: overrides.timeoutMs ?? 5_000,
    });
  }
  const android = (token: string) => ({ platform: 'ANDROID' as const, token });
  const paths = () => peer.requests.map((r) => r.url);

  it('fetches one access token, reuses it for every send, and sends one request per push', async () => {
    const sender = newSender();
    const outcomes = [
      await sender.send(android('good-token'), aChannelMessage(), { activityId: 42, pr: true, note: null }),
      await sender.send({ platform: 'IOS', token: 'good-token-2' }, aChannelMessage({ url: null })),
      await sender.send(android('good-token-3'), aChannelMessage()),
    ];

    expect(outcomes).toEqual(Array(3).fill({ outcome: 'sent', detail: `projects/${PROJECT}/messages/1` }));
    const send = `/v1/projects/${PROJECT}/messages:send`;
    expect(paths()).toEqual(['/token', send, send, send]);
    expect(sender.configured).toBe(true);
  });

  it('sends the notification, the data as strings and the notification id as collapse key', async () => {
    await newSender().send(android('good-token'), aChannelMessage(), {
      activityId: 42,
      pr: true,
      note: null,
    });

    const body = JSON.parse(peer.requests.at(-1)!.body.toString('utf8')) as FcmMessageBody;
    expect(body).toEqual({
      message: {
        token: 'good-token',
        notification: { title: 'Kudos', body: 'Ann, Bob and 23 others gave kudos to your Morning Run' },
        data: {
          activityId: '42',
          pr: 'true',
          notificationId: '0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01',
          workflow: 'kudos-received',
          category: 'SOCIAL',
          url: 'https://pulse.example/workouts/w-1',
        },
        android: { collapse_key: '0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01' },
        apns: { headers: { 'apns-collapse-id': '0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01' } },
      },
    });
  });

  it.each<[string, SendOutcome]>([
    [
      'unregistered-token',
      {
        outcome: 'gone',
        reason: 'FCM answered 404 NOT_FOUND (UNREGISTERED): Requested entity was not found.',
      },
    ],
    [
      'malformed-token',
      {
        outcome: 'gone',
        reason:
          'FCM answered 400 INVALID_ARGUMENT (INVALID_ARGUMENT): The registration token is not a valid FCM registration token',
      },
    ],
    ['bad-payload-token', { outcome: 'failed', reason: expect.stringContaining('Unknown name "colour"') }],
    [
      'other-project-token',
      { outcome: 'failed', reason: expect.stringMatching(/SENDER_ID_MISMATCH.*credentials/) },
    ],
    ['busy-token', { outcome: 'retry', reason: expect.stringContaining('429'), retryAfterMs: 7_000 }],
    ['down-token', { outcome: 'retry', reason: 'FCM answered 503 UNAVAILABLE', retryAfterMs: null }],
  ])('answers %s with its outcome, in one request', async (token, expected) => {
    const sender = newSender();
    await sender.send(android('good-token'), aChannelMessage());
    peer.requests.length = 0;

    await expect(sender.send(android(token), aChannelMessage())).resolves.toEqual(expected);
    expect(paths()).toEqual([`/v1/projects/${PROJECT}/messages:send`]);
  });

  it('answers retry when FCM does not answer within the timeout', async () => {
    const sender = newSender({ timeoutMs: 300 });
    await expect(sender.send(android('slow-token'), aChannelMessage())).resolves.toEqual({
      outcome: 'retry',
      reason: expect.stringMatching(/^FCM unreachable: .*abort/i),
      retryAfterMs: null,
    });
  });

  it('answers retry when FCM cannot be reached', async () => {
    const sender = newSender({ baseUrl: 'https://127.0.0.1:1' });
    await expect(sender.send(android('good-token'), aChannelMessage())).resolves.toEqual({
      outcome: 'retry',
      reason: expect.stringContaining('ECONNREFUSED'),
      retryAfterMs: null,
    });
  });

  it('answers failed, naming the credentials, when the token endpoint refuses the grant', async () => {
    const sender = newSender({ privateKey: strangerKey.privateKey });
    await expect(sender.send(android('good-token'), aChannelMessage())).resolves.toEqual({
      outcome: 'failed',
      reason: expect.stringMatching(
        /^FCM access token from https:\/\/127\.0\.0\.1:\d+\/token: answered 400: invalid_grant: .*credentials\)$/,
      ),
    });
    expect(paths()).toEqual(['/token']);
  });

  it('fetches a new access token when the cached one is about to expire', async () => {
    // google-auth-library refreshes a token 5 minutes before it expires: a 1-minute token is never reused.
    google.settings.expiresInSeconds = 60;
    try {
      const sender = newSender();
      await sender.send(android('good-token'), aChannelMessage());
      await sender.send(android('good-token'), aChannelMessage());
    } finally {
      google.settings.expiresInSeconds = 3600;
    }
    const send = `/v1/projects/${PROJECT}/messages:send`;
    expect(paths()).toEqual(['/token', send, '/token', send]);
  });

  it('answers retry, after one token request, when the token endpoint is down', async () => {
    google.settings.tokenEndpointDown = true;
    try {
      await expect(newSender().send(android('good-token'), aChannelMessage())).resolves.toEqual({
        outcome: 'retry',
        reason: expect.stringMatching(
          /^FCM access token from https:\/\/127\.0\.0\.1:\d+\/token: answered 503: /,
        ),
        retryAfterMs: 2_000,
      });
    } finally {
      google.settings.tokenEndpointDown = false;
    }
    expect(paths()).toEqual(['/token']);
  });

  it('answers failed when the private key cannot sign', async () => {
    const sender = newSender({ privateKey: 'not a key' });
    await expect(sender.send(android('good-token'), aChannelMessage())).resolves.toMatchObject({
      outcome: 'failed',
    });
    expect(paths()).toEqual([]);
  });
});
