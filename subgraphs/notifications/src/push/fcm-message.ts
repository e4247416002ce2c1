/** The FCM HTTP v1 request body for one device: what the phone shows and the data the app reads. */
import type { ChannelMessage } from '../channels/channel-message';
import type { PushData } from './push-target';

export interface FcmMessageBody {
  message: {
    token: string;
    notification: { title: string; body: string };
    data: Record<string, string>;
    android: { collapse_key: string };
    apns: { headers: { 'apns-collapse-id': string } };
  };
}

/**
 * FCM wants every data value as a string; a null value is left out rather than sent as "null". The
 * message's own fields are written last so a data key cannot replace the notification id. The collapse
 * keys are the notification id: a resend of the same notification replaces the one on screen.
 */
export function fcmMessageBody(token: string, message: ChannelMessage, data: PushData = {}): FcmMessageBody {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value !== null) strings[key] = String(value);
  }
  strings.notificationId = message.notificationId;
  strings.workflow = message.workflow;
  strings.category = message.category;
  if (message.url !== null) strings.url = message.url;
  return {
    message: {
      token,
      notification: { title: message.title, body: message.body },
      data: strings,
      android: { collapse_key: message.notificationId },
      apns: { headers: { 'apns-collapse-id': message.notificationId } },
    },
  };
}
