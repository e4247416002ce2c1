import { composeMail, messageIdOf, type ComposeMailInput } from './compose-mail';
import { aChannelMessage, someLinks } from '../channels/channel-message.builders';
import { renderEmail } from './email-templates';

const aDelivery = (overrides: Partial<ComposeMailInput> = {}): ComposeMailInput => ({
  message: aChannelMessage(),
  to: 'chris@example.com',
  from: 'Pulse <notifications@pulse.example>',
  recipientName: 'Chris',
  deliveryId: 'd-7',
  links: someLinks,
  ...overrides,
});
const marketing = aChannelMessage({
  workflow: 'marketing',
  category: 'COMMERCIAL',
  body: 'Premium is 30% off',
});

describe('composeMail', () => {
  it('addresses the rendered template to the recipient', () => {
    const mail = composeMail(aDelivery());

    expect(mail).toMatchObject({ to: 'chris@example.com', from: 'Pulse <notifications@pulse.example>' });
    expect(mail).toMatchObject(
      renderEmail({ message: aChannelMessage(), recipientName: 'Chris', ...someLinks, unsubscribeUrl: null }),
    );
  });

  it('gives the mail a Message-ID made of the notification and the delivery, the same on every attempt', () => {
    expect(composeMail(aDelivery()).messageId).toBe('<0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01.d-7@pulse.local>');
    expect(composeMail(aDelivery()).messageId).toBe(composeMail(aDelivery()).messageId);
  });

  it('adds one-click unsubscribe headers to commercial mail', () => {
    expect(composeMail(aDelivery({ message: marketing })).headers).toEqual({
      'List-Unsubscribe': `<${someLinks.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('adds no unsubscribe headers to other mail, even with an unsubscribe link', () => {
    expect(composeMail(aDelivery()).headers).toEqual({});
    expect(composeMail(aDelivery()).text).not.toContain(someLinks.unsubscribeUrl);
  });

  it('adds no unsubscribe headers to commercial mail without a link', () => {
    const links = { ...someLinks, unsubscribeUrl: null };
    expect(composeMail(aDelivery({ message: marketing, links })).headers).toEqual({});
  });
});

describe('messageIdOf', () => {
  it('refuses ids that would break the header', () => {
    expect(() => messageIdOf('n-1>\r\nBcc: x@y', 'd-1')).toThrow(/Message-ID/);
    expect(() => messageIdOf('n-1', 'd 1')).toThrow(/Message-ID/);
  });
});
