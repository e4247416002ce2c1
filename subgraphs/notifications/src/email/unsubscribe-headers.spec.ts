import { listUnsubscribeHeaders } from './unsubscribe-headers';

describe('listUnsubscribeHeaders', () => {
  it('gives the RFC 8058 one-click pair for a signed link', () => {
    expect(listUnsubscribeHeaders('https://pulse.example/unsubscribe?token=abc.def')).toEqual({
      'List-Unsubscribe': '<https://pulse.example/unsubscribe?token=abc.def>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('refuses a link a mail client cannot POST to', () => {
    expect(() => listUnsubscribeHeaders('mailto:unsubscribe@pulse.example')).toThrow(/http\(s\)/);
    expect(() => listUnsubscribeHeaders('not a url')).toThrow();
  });
});
