import { generateVAPIDKeys } from 'web-push';
import { aChannelMessage } from '../channels/channel-message.builders';
import { aBrowserSubscription } from './testing/web-push-decrypt';
import { createWebPushSender, webPushPayload, webPushTopic } from './web-push-sender';

describe('webPushTopic', () => {
  it('is a uuid without its dashes', () => {
    expect(webPushTopic('0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01')).toBe('0d5c3c1e8f1a4c529d4e2b7f6a1e9c01');
  });

  it('hashes an id that is not URL-safe base64 or is too long, to 32 characters', () => {
    const topic = webPushTopic('notification:42/with a space and a long tail');
    expect(topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(webPushTopic('notification:42/with a space and a long tail')).toBe(topic);
  });
});

describe('webPushPayload', () => {
  it('holds the message and the data, the message winning a clash', () => {
    expect(webPushPayload(aChannelMessage({ url: null }), { notificationId: 'other', count: 2 })).toEqual({
      notificationId: '0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01',
      title: 'Kudos',
      body: 'Ann, Bob and 23 others gave kudos to your Morning Run',
      url: null,
      workflow: 'kudos-received',
      category: 'SOCIAL',
      count: 2,
    });
  });
});

describe('createWebPushSender', () => {
  const sender = createWebPushSender({
    vapid: { subject: 'mailto:push@pulse.example', ...generateVAPIDKeys() },
  });

  it('answers failed, without a request, for a subscription it cannot encrypt for', async () => {
    const target = {
      platform: 'WEB' as const,
      endpoint: 'https://push.example/1',
      keys: { p256dh: 'AAAA', auth: 'AAAA' },
    };
    await expect(sender.send(target, aChannelMessage())).resolves.toMatchObject({
      outcome: 'failed',
      reason: expect.stringMatching(/^Cannot build the Web Push request: /),
    });
  });

  it('answers failed for an endpoint that is not https', async () => {
    const { subscription } = aBrowserSubscription('http://push.example/1');
    await expect(sender.send(subscription, aChannelMessage())).resolves.toEqual({
      outcome: 'failed',
      reason: 'Cannot build the Web Push request: the endpoint is not an https URL',
    });
  });

  it('describes itself by the start of its public key', () => {
    expect(sender.describe()).toMatch(/^Web Push with VAPID key .{8}…$/);
  });
});
