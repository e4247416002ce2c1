import { fcmMessageBody } from './fcm-message';
import { aChannelMessage } from './testing/a-channel-message';

describe('fcmMessageBody', () => {
  it('turns every data value into a string and leaves nulls out', () => {
    const { message } = fcmMessageBody('t', aChannelMessage({ url: null }), {
      count: 3,
      pr: false,
      note: null,
    });
    expect(message.data).toEqual({
      count: '3',
      pr: 'false',
      notificationId: '0b7c1a52-5d0f-4a8e-9a51-3f0e6f3c2d11',
      workflow: 'kudos-received',
      category: 'SOCIAL',
    });
  });

  it('keeps the notification id when the data has a key of the same name', () => {
    const { message } = fcmMessageBody('t', aChannelMessage(), { notificationId: 'other' });
    expect(message.data.notificationId).toBe('0b7c1a52-5d0f-4a8e-9a51-3f0e6f3c2d11');
  });
});
