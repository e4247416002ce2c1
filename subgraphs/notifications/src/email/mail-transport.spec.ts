import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emlFileNameOf } from './eml-file-mail-transport';
import { createMailTransport } from './mail-transport';

describe('createMailTransport', () => {
  it('sends over SMTP when an SMTP URL is set, and says where without the password', async () => {
    const transport = createMailTransport({
      smtpUrl: 'smtp://pulse:s3cret@mail.example:2525',
      mailDir: '/unused',
    });

    expect(transport.kind).toBe('smtp');
    expect(transport.describe()).toBe('email: SMTP at mail.example:2525');
    await transport.close();
  });

  it.each([
    ['smtp://user:pw@mail.example', 'mail.example:587'],
    ['smtps://user:pw@mail.example', 'mail.example:465'],
  ])('names the default port of %s', async (smtpUrl, where) => {
    const transport = createMailTransport({ smtpUrl, mailDir: '/unused' });
    expect(transport.describe()).toBe(`email: SMTP at ${where}`);
    await transport.close();
  });

  it('refuses a URL that is not SMTP without echoing it', () => {
    expect(() => createMailTransport({ smtpUrl: 'http://user:s3cret@mail.example', mailDir: '/x' })).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    );
    expect(() => createMailTransport({ smtpUrl: 'user:s3cret@@', mailDir: '/x' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });

  it('writes .eml files under the mail directory without an SMTP URL', () => {
    const mailDir = join(tmpdir(), 'pulse-mail');
    const transport = createMailTransport({ smtpUrl: null, mailDir });

    expect(transport.kind).toBe('eml-files');
    expect(transport.describe()).toBe(`email: written as .eml files under ${mailDir} (no SMTP_URL)`);
  });
});

describe('emlFileNameOf', () => {
  it('starts with the time, so names sort by sending, and keeps the message id file-safe', () => {
    expect(emlFileNameOf({ messageId: '<n-1.d-1@pulse.local>' }, new Date('2026-12-03T21:43:58.123Z'))).toBe(
      '2026-12-03T21-43-58.123Z-n-1.d-1@pulse.local.eml',
    );
    expect(emlFileNameOf({ messageId: '<a/b\\c:d>' }, new Date(0))).toBe(
      '1970-01-01T00-00-00.000Z-a_b_c_d.eml',
    );
  });
});
