/**
 * The email channel's port: one finished mail (both parts, headers, the caller's Message-ID) and the
 * transport that carries it, over SMTP or into .eml files. Adapters answer with a SendOutcome.
 */
import type { SendOutcome } from '../channels/channel-message';

export interface OutgoingMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** `<notificationId.deliveryId@pulse.local>`: the same on every attempt, so a re-sent mail is recognisable. */
  messageId: string;
  /** Extra header fields (List-Unsubscribe, …), written as given. */
  headers: Record<string, string>;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'eml-files';
  send(mail: OutgoingMail): Promise<SendOutcome>;
  /** One line for the startup log; never holds a password. */
  describe(): string;
  close(): Promise<void>;
}

/** The message as nodemailer takes it; both adapters build it here, so an .eml file is what SMTP carries. */
export function nodemailerMessageOf(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
  };
}
