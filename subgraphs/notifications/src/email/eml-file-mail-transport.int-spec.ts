import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { fixedClock } from '../../../../lib/clock';
import { composeMail } from './compose-mail';
import { aChannelMessage, someLinks } from '../channels/channel-message.builders';
import { createEmlFileMailTransport } from './eml-file-mail-transport';
import { createMailTransport } from './mail-transport';

const deliveryOf = (message = aChannelMessage(), deliveryId = 'd-1') =>
  composeMail({
    message,
    to: 'chris@example.com',
    from: 'Pulse <notifications@pulse.example>',
    recipientName: 'Chris',
    deliveryId,
    links: someLinks,
  });

describe('.eml file mail transport', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'pulse-eml-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes one file per mail, in a directory it creates, that reads back as the same mail', async () => {
    const mailDir = join(root, 'data', 'mail');
    const transport = createMailTransport({ smtpUrl: null, mailDir });
    const social = deliveryOf();
    const marketing = deliveryOf(
      aChannelMessage({
        notificationId: 'n-2',
        workflow: 'marketing',
        category: 'COMMERCIAL',
        body: 'Premium sale',
      }),
    );

    const outcomes = [await transport.send(social), await transport.send(marketing)];

    const files = (await readdir(mailDir)).sort();
    expect(files).toHaveLength(2);
    expect(outcomes).toEqual(files.map((file) => ({ outcome: 'sent', detail: join(mailDir, file) })));
    const [first, second] = await Promise.all(
      files.map(async (file) => simpleParser(await readFile(join(mailDir, file)))),
    );
    expect(first).toMatchObject({ subject: social.subject, messageId: social.messageId, html: social.html });
    expect(first!.text?.trim()).toBe(social.text.trim());
    expect(first!.headers.has('list-unsubscribe')).toBe(false);
    expect(second).toMatchObject({
      subject: 'Premium sale',
      messageId: marketing.messageId,
      html: marketing.html,
    });
    expect(second!.headerLines.map(({ line }) => line)).toEqual(
      expect.arrayContaining([
        `List-Unsubscribe: <${someLinks.unsubscribeUrl}>`,
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      ]),
    );
  });

  it('writes the message as SMTP carries it: CRLF line ends', async () => {
    const transport = createMailTransport({ smtpUrl: null, mailDir: root });
    await transport.send(deliveryOf());

    const [file] = await readdir(root);
    const raw = (await readFile(join(root, file!))).toString('latin1');
    expect(raw).toMatch(/\r\n/);
    expect(raw).not.toMatch(/[^\r]\n/);
  });

  it('keeps both files when the same mail is written twice in one millisecond', async () => {
    const transport = createEmlFileMailTransport(root, fixedClock('2026-12-03T21:43:58.123Z'));

    await transport.send(deliveryOf());
    await transport.send(deliveryOf());

    expect((await readdir(root)).sort()).toEqual([
      '2026-12-03T21-43-58.123Z-0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01.d-1@pulse.local.eml',
      '2026-12-03T21-43-58.123Z-0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01.d-1@pulse.local_2.eml',
    ]);
  });

  it('asks for a retry when the mail directory cannot be created', async () => {
    await createMailTransport({ smtpUrl: null, mailDir: root }).send(deliveryOf());
    const [file] = await readdir(root);
    const transport = createMailTransport({ smtpUrl: null, mailDir: join(root, file!, 'mail') });

    expect(await transport.send(deliveryOf())).toEqual({
      outcome: 'retry',
      reason: expect.stringMatching(/ENOTDIR|EEXIST/),
      retryAfterMs: null,
    });
  });
});
