import { generateKeyPairSync } from 'node:crypto';
import { generateVAPIDKeys } from 'web-push';
import { createPushSenders } from './push-senders';
import { aChannelMessage } from '../channels/channel-message.builders';
import { aBrowserSubscription } from './testing/web-push-decrypt';

const vapid = { subject: 'mailto:push@pulse.example', ...generateVAPIDKeys() };
const fcm = {
  projectId: 'pulse-prod',
  serviceAccount: {
    client_email: 'push@pulse-prod.iam.gserviceaccount.com',
    private_key: generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey,
  },
};

describe('createPushSenders', () => {
  it('answers failed for phones, naming the settings, when FCM is not configured', async () => {
    const push = createPushSenders({ fcm: null, webPush: { vapid } });
    await expect(push.send({ platform: 'IOS', token: 't' }, aChannelMessage())).resolves.toEqual({
      outcome: 'failed',
      reason: 'FCM is not configured (FCM_PROJECT_ID and FCM_CREDENTIALS)',
    });
  });

  it('answers failed for browsers when Web Push is not configured', async () => {
    const push = createPushSenders({ fcm, webPush: null });
    const { subscription } = aBrowserSubscription('https://push.example/1');
    await expect(push.send(subscription, aChannelMessage())).resolves.toEqual({
      outcome: 'failed',
      reason: 'Web Push is not configured (no VAPID keys)',
    });
  });

  it('routes a browser to Web Push', async () => {
    const push = createPushSenders({ fcm: null, webPush: { vapid } });
    const { subscription } = aBrowserSubscription('http://push.example/1');
    await expect(push.send(subscription, aChannelMessage())).resolves.toMatchObject({
      reason: expect.stringMatching(/^Cannot build the Web Push request/),
    });
  });

  it('is configured when either sender is', () => {
    expect(createPushSenders({ fcm: null, webPush: null }).configured).toBe(false);
    expect(createPushSenders({ fcm, webPush: null }).configured).toBe(true);
  });

  it('describes both senders in one start-up line', () => {
    expect(createPushSenders({ fcm, webPush: { vapid } }).describe()).toBe(
      `push: FCM project pulse-prod at https://fcm.googleapis.com; Web Push with VAPID key ${vapid.publicKey.slice(0, 8)}…`,
    );
    expect(createPushSenders({ fcm: null, webPush: null }).describe()).toBe(
      'push: FCM is not configured (FCM_PROJECT_ID and FCM_CREDENTIALS); Web Push is not configured (no VAPID keys)',
    );
  });
});
