/**
 * RFC 8058 one-click unsubscribe: the header pair that lets a mail client unsubscribe with a POST to the
 * link, without opening a page. Only COMMERCIAL mail carries it (composeMail decides): a transactional or
 * social notification is governed by notification settings, and Gmail and Yahoo require the pair on bulk
 * marketing mail. The link is the caller's (https, with a signed token); it must accept a POST with the
 * body `List-Unsubscribe=One-Click` and must not need a cookie or a confirmation page.
 */

export interface UnsubscribeHeaders {
  'List-Unsubscribe': string;
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click';
}

export function listUnsubscribeHeaders(url: string): UnsubscribeHeaders {
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(`An unsubscribe link must be http(s), not ${protocol}`);
  }
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
