/**
 * The file adapter of MailTransport, for the embedded mode without SMTP_URL: each mail becomes one .eml file
 * (the exact bytes SMTP would carry, CRLF line ends) that any mail client opens. Names sort by time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import { systemClock, type Clock } from '../../../../lib/clock';
import { nodemailerMessageOf, type MailTransport, type OutgoingMail } from './outgoing-mail';

/** Writes every mail to `<mailDir>/<time>-<message id>.eml`, creating the directory on the first send. */
export function createEmlFileMailTransport(mailDir: string, clock: Clock = systemClock): MailTransport {
  const dir = resolve(mailDir);
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  return {
    kind: 'eml-files',
    async send(mail) {
      try {
        const { message } = await composer.sendMail(nodemailerMessageOf(mail));
        await mkdir(dir, { recursive: true });
        const file = await writeNewFile(dir, emlFileNameOf(mail, clock.now()), message as Buffer);
        return { outcome: 'sent', detail: file };
      } catch (error) {
        // A full disk or a read-only directory is fixed outside this mail: try again later.
        return { outcome: 'retry', reason: (error as Error).message, retryAfterMs: null };
      }
    },
    describe: () => `email: written as .eml files under ${dir} (no SMTP_URL)`,
    async close() {},
  };
}

/** `2026-12-03T21-43-58.123Z-<message id>.eml`: sortable, and safe on every file system. */
export function emlFileNameOf(mail: Pick<OutgoingMail, 'messageId'>, at: Date): string {
  const time = at.toISOString().replace(/:/g, '-');
  const id = mail.messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]+/g, '_');
  return `${time}-${id}.eml`;
}

/** Writes `content` to `name` in `dir`, or to `name_2`, `name_3`, … (sorting after it) when that file exists. */
async function writeNewFile(dir: string, name: string, content: Buffer): Promise<string> {
  for (let copy = 1; ; copy++) {
    const file = join(dir, copy === 1 ? name : name.replace(/\.eml$/, `_${copy}.eml`));
    try {
      await writeFile(file, content, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
