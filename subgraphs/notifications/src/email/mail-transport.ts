/**
 * The email channel's transport, chosen by configuration: SMTP when SMTP_URL is set, otherwise .eml files
 * under DATA_DIR/mail (the embedded mode needs no mail server, and the files show what would have been sent).
 */
import { createEmlFileMailTransport } from './eml-file-mail-transport';
import type { MailTransport } from './outgoing-mail';
import { createSmtpMailTransport } from './smtp-mail-transport';

export type { MailTransport, OutgoingMail } from './outgoing-mail';

export interface MailTransportConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; null writes .eml files instead. */
  smtpUrl: string | null;
  /** Where .eml files go without an SMTP server (`DATA_DIR/mail`). */
  mailDir: string;
}

export function createMailTransport({ smtpUrl, mailDir }: MailTransportConfig): MailTransport {
  return smtpUrl ? createSmtpMailTransport(smtpUrl) : createEmlFileMailTransport(mailDir);
}
