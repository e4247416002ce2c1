/**
 * A real SMTP server on a loopback port for the email channel's integration tests (smtp-server, plain text,
 * any or no login). It keeps every message it accepts and can refuse recipients with a given reply.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface SmtpTestServer {
  /** `smtp://user:secret@127.0.0.1:<port>` */
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** `rejectRecipient`: the reply ("550 Mailbox unavailable") to every RCPT TO, or null to accept all. */
export async function startSmtpTestServer(
  options: { rejectRecipient?: { code: number; message: string } } = {},
): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'pulse' });
    },
    onRcptTo(_address, _session, callback) {
      const { rejectRecipient } = options;
      if (!rejectRecipient) return callback();
      callback(Object.assign(new Error(rejectRecipient.message), { responseCode: rejectRecipient.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map(({ address }) => address),
          raw: Buffer.concat(chunks),
        });
        callback(null, 'Queued as test-1');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://user:secret@127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
