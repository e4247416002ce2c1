/** What the delivery worker needs of the email and push channels (delivery/channel-adapters.ts builds it). */
import type { ChannelMessage, SendOutcome } from '../channels/channel-message';
import type { PushDeviceRecord } from '../devices/push-device.repo';

export interface MailTo {
  to: string;
  recipientName: string;
  /** Makes the Message-ID: a mail sent again after a crash carries the same one. */
  deliveryId: string;
}

export interface DeliveryChannels {
  email(mail: MailTo & { message: ChannelMessage; unsubscribeUrl: string | null }): Promise<SendOutcome>;
  digest(
    mail: MailTo & { timeZone: string; items: { message: ChannelMessage; at: Date }[] },
  ): Promise<SendOutcome>;
  push(device: PushDeviceRecord, message: ChannelMessage): Promise<SendOutcome>;
}
