/** The SMTP adapter of MailTransport: a small nodemailer pool to the server named by SMTP_URL. */
import { createTransport } from 'nodemailer';
import { nodemailerMessageOf, type MailTransport } from './outgoing-mail';
import { outcomeOfSmtpError, outcomeOfSmtpSuccess, type SmtpError } from './smtp-send-outcome';

/** Sends mail through the SMTP server at `smtpUrl` (`smtp://user:pass@host:587`, `smtps://…`). */
export function createSmtpMailTransport(smtpUrl: string): MailTransport {
  const where = hostAndPortOf(smtpUrl);
  const transporter = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 3,
    // Fail a stuck server within seconds, not nodemailer's minutes: the delivery worker retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });

  return {
    kind: 'smtp',
    async send(mail) {
      try {
        return outcomeOfSmtpSuccess(await transporter.sendMail(nodemailerMessageOf(mail)));
      } catch (error) {
        return outcomeOfSmtpError(error instanceof Error ? (error as SmtpError) : { message: String(error) });
      }
    },
    describe: () => `email: SMTP at ${where}`,
    async close() {
      transporter.close();
    },
  };
}

/** `host:port` of an SMTP URL, with nodemailer's default port when none is given; never the credentials. */
function hostAndPortOf(smtpUrl: string): string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    // The URL may hold a password: do not echo it.
    throw new Error('SMTP_URL is not a valid URL (expected smtp://user:pass@host:587 or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
  return `${url.hostname}:${port}`;
}
