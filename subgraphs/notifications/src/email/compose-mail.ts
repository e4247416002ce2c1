/**
 * Builds the mail for one delivery of a notification: the workflow's template, the one-click unsubscribe
 * headers on commercial mail, and a Message-ID that is the same on every attempt of the delivery.
 */
import type { ChannelMessage } from '../channels/channel-message';
import { renderEmail } from './email-templates';
import type { OutgoingMail } from './outgoing-mail';
import { listUnsubscribeHeaders } from './unsubscribe-headers';

export interface ComposeMailInput {
  message: ChannelMessage;
  to: string;
  from: string;
  recipientName: string;
  /** The delivery's id: with the notification id, it makes the Message-ID. */
  deliveryId: string;
  links: { appUrl: string; preferencesUrl: string; unsubscribeUrl: string | null };
}

/** The mail for `message`: List-Unsubscribe only when it is COMMERCIAL and an unsubscribe link is given. */
export function composeMail({
  message,
  to,
  from,
  recipientName,
  deliveryId,
  links,
}: ComposeMailInput): OutgoingMail {
  const unsubscribeUrl = message.category === 'COMMERCIAL' ? links.unsubscribeUrl : null;
  const { subject, text, html } = renderEmail({ message, recipientName, ...links, unsubscribeUrl });
  return {
    to,
    from,
    subject,
    text,
    html,
    messageId: messageIdOf(message.notificationId, deliveryId),
    headers: unsubscribeUrl ? { ...listUnsubscribeHeaders(unsubscribeUrl) } : {},
  };
}

/** `<notificationId.deliveryId@pulse.local>`; the ids must be dot-atom text (UUIDs are). */
export function messageIdOf(notificationId: string, deliveryId: string): string {
  for (const id of [notificationId, deliveryId]) {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`Cannot put "${id}" into a Message-ID`);
  }
  return `<${notificationId}.${deliveryId}@pulse.local>`;
}
