/**
 * How an SMTP answer becomes a SendOutcome. RFC 5321: a 4yz reply is transient, a 5yz reply permanent
 * (nodemailer's `permanent` flag, which also reads 503 "bad sequence" as transient). Errors without a reply
 * (refused or dropped connection, timeout, DNS, TLS) and a refused login are about the server, not this
 * mail: they are retried (the delivery worker caps the attempts), so a mis-set or unreachable SMTP server
 * never fails mail for good.
 */
import type { SendOutcome } from '../channels/channel-message';

/** The fields nodemailer puts on its errors (NodemailerError) that decide the outcome. */
export interface SmtpError {
  message: string;
  code?: string | undefined;
  response?: string | undefined;
  responseCode?: number | undefined;
  permanent?: boolean | undefined;
}

/** What nodemailer's SMTP transport resolves with. */
export interface SmtpSentInfo {
  response: string;
  rejected: Array<string | { address: string }>;
}

export function outcomeOfSmtpSuccess(info: SmtpSentInfo): SendOutcome {
  // With one recipient nodemailer rejects the send when the server refuses it; this guards the odd server
  // that accepts DATA after refusing the recipient.
  if (info.rejected.length > 0) return { outcome: 'failed', reason: oneLine(info.response) };
  return { outcome: 'sent', detail: oneLine(info.response) };
}

export function outcomeOfSmtpError(error: SmtpError): SendOutcome {
  if (error.responseCode !== undefined) {
    const reason = oneLine(error.response ?? error.message);
    const permanent = error.permanent ?? (error.responseCode >= 500 && error.responseCode < 600);
    // A refused login (535) is the server's configuration, not this recipient: retry until it is fixed.
    if (permanent && error.code !== 'EAUTH') return { outcome: 'failed', reason };
    return { outcome: 'retry', reason, retryAfterMs: null };
  }
  return { outcome: 'retry', reason: oneLine(error.message), retryAfterMs: null };
}

/** A multi-line SMTP reply (`550-5.1.1 …\r\n550 5.1.1 …`) as one line for the delivery log. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
