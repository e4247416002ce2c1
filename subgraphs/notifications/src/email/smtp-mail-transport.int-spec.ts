import { simpleParser, type ParsedMail } from 'mailparser';
import { composeMail } from './compose-mail';
import { aChannelMessage, someLinks } from '../channels/channel-message.builders';
import { createMailTransport, type MailTransport } from './mail-transport';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';
import { freePort } from '../../../../lib/server/free-port';

const deliveryOf = (message = aChannelMessage()) =>
  composeMail({
    message,
    to: 'chris@example.com',
    from: 'Pulse <notifications@pulse.example>',
    recipientName: 'Chris & <Co>',
    deliveryId: 'd-1',
    links: someLinks,
  });
const marketing = aChannelMessage({
  notificationId: 'n-marketing',
  workflow: 'marketing',
  category: 'COMMERCIAL',
  title: 'Premium',
  body: 'Premium is 30% off this week',
});

const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find(({ key }) => key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '');

describe('SMTP mail transport', () => {
  let server: SmtpTestServer;
  let transport: MailTransport;

  afterEach(async () => {
    // The pool first: the server waits for open sessions before it closes.
    await transport?.close();
    await server?.close();
  });

  it('delivers a commercial mail with both parts and the one-click unsubscribe headers intact', async () => {
    server = await startSmtpTestServer();
    transport = createMailTransport({ smtpUrl: server.url, mailDir: '/unused' });
    const mail = deliveryOf(marketing);

    const outcome = await transport.send(mail);

    expect(outcome).toEqual({ outcome: 'sent', detail: expect.stringMatching(/^250 .*Queued as test-1/) });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({
      from: 'notifications@pulse.example',
      to: ['chris@example.com'],
    });
    const parsed = await simpleParser(server.received[0]!.raw);
    expect(parsed.subject).toBe('Premium is 30% off this week');
    expect(parsed.from?.value).toEqual([{ name: 'Pulse', address: 'notifications@pulse.example' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'chris@example.com' }] });
    expect(parsed.messageId).toBe('<n-marketing.d-1@pulse.local>');
    expect(parsed.text?.trim()).toBe(mail.text.trim());
    expect(parsed.html).toBe(mail.html);
    expect(header(parsed, 'List-Unsubscribe')).toBe(`<${someLinks.unsubscribeUrl}>`);
    expect(header(parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('delivers a social mail without unsubscribe headers', async () => {
    server = await startSmtpTestServer();
    transport = createMailTransport({ smtpUrl: server.url, mailDir: '/unused' });
    const mail = deliveryOf();

    expect((await transport.send(mail)).outcome).toBe('sent');

    const parsed = await simpleParser(server.received[0]!.raw);
    expect(parsed.subject).toBe('Ann, Bob and 23 others gave kudos to your Morning Run');
    expect(parsed.messageId).toBe('<0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01.d-1@pulse.local>');
    expect(parsed.html).toContain('Hi Chris &amp; &lt;Co&gt;,');
    expect(parsed.text).toContain('Hi Chris & <Co>,');
    expect(header(parsed, 'List-Unsubscribe')).toBeUndefined();
    expect(header(parsed, 'List-Unsubscribe-Post')).toBeUndefined();
  });

  it('fails a mail the server refuses with 550, with the server reason', async () => {
    server = await startSmtpTestServer({ rejectRecipient: { code: 550, message: 'Mailbox unavailable' } });
    transport = createMailTransport({ smtpUrl: server.url, mailDir: '/unused' });

    expect(await transport.send(deliveryOf())).toEqual({
      outcome: 'failed',
      reason: '550 Mailbox unavailable',
    });
    expect(server.received).toHaveLength(0);
  });

  it('retries a mail the server defers with 451', async () => {
    server = await startSmtpTestServer({
      rejectRecipient: { code: 451, message: 'Greylisted, try again later' },
    });
    transport = createMailTransport({ smtpUrl: server.url, mailDir: '/unused' });

    expect(await transport.send(deliveryOf())).toEqual({
      outcome: 'retry',
      reason: '451 Greylisted, try again later',
      retryAfterMs: null,
    });
  });

  it('retries when nothing listens on the port', async () => {
    server = await startSmtpTestServer();
    transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${await freePort()}`, mailDir: '/unused' });

    expect(await transport.send(deliveryOf())).toEqual({
      outcome: 'retry',
      reason: expect.stringMatching(/ECONNREFUSED/),
      retryAfterMs: null,
    });
  });
});
