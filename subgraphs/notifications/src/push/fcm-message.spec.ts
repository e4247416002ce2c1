import { fcmMessageBody } from './fcm-message';
import { aChannelMessage } from '../channels/channel-message.builders';

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
      notificationId: '0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01',
      workflow: 'kudos-received',
      category: 'SOCIAL',
    });
  });

  it('keeps the notification id when the data has a key of the same name', () => {
    const { message } = fcmMessageBody('t', aChannelMessage(), { notificationId: 'other' });
    expect(message.data.notificationId).toBe('0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01');
  });
});
