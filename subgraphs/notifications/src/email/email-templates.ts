/**
 * The email channel's content: one mail per notification (`renderEmail`, copy picked by workflow) and the
 * daily digest (`renderDigest`). Both come as a plain-text and an HTML part in the shared layout. The footer
 * says why the mail came; commercial mail also carries its unsubscribe link.
 */
import { canonicalTimeZone } from '../../../../lib/time-zone';
import type { Category, ChannelMessage } from '../channels/channel-message';
import { layoutHtml, layoutText, type EmailLayout } from './templates/email-layout';
import { safeLink, singleLine } from './templates/escape-html';
import { copyFor } from './templates/workflow-copy';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailInput {
  message: ChannelMessage;
  recipientName: string;
  appUrl: string;
  preferencesUrl: string;
  /** The signed one-click link; shown (and used) for COMMERCIAL mail only. */
  unsubscribeUrl: string | null;
}

export interface DigestInput {
  recipientName: string;
  items: Array<{ message: ChannelMessage; at: Date }>;
  appUrl: string;
  preferencesUrl: string;
  /** The recipient's IANA zone: item times are shown in it. */
  timeZone: string;
}

/** One notification as a mail: the workflow's subject and button around the notification's sentence. */
export function renderEmail(input: EmailInput): RenderedEmail {
  const { message } = input;
  const copy = copyFor(message.workflow);
  const subject = copy.subject(message);
  const layout: EmailLayout = {
    heading: singleLine(message.title) || subject,
    recipientName: input.recipientName,
    blocks: [{ kind: 'sentence', text: message.body }],
    action: { label: copy.actionLabel, url: safeLink(message.url, input.appUrl) },
    footer: footerOf(message.category, input.preferencesUrl, input.unsubscribeUrl),
  };
  return { subject, text: layoutText(layout), html: layoutHtml(layout) };
}

/** The daily digest: every item newest first, at its local time in the recipient's zone. */
export function renderDigest(input: DigestInput): RenderedEmail {
  const items = [...input.items].sort((a, b) => b.at.getTime() - a.at.getTime());
  const subject = `Your day on Pulse: ${items.length} ${items.length === 1 ? 'notification' : 'notifications'}`;
  const localTime = localTimeFormat(input.timeZone);
  const layout: EmailLayout = {
    heading: subject,
    recipientName: input.recipientName,
    blocks: [
      { kind: 'sentence', text: 'Here is what happened on Pulse since your last digest.' },
      ...items.map(({ message, at }) => ({
        kind: 'item' as const,
        time: localTime.format(at),
        title: message.title,
        text: message.body,
        url: message.url === null ? null : safeLink(message.url, input.appUrl),
      })),
    ],
    action: { label: 'Open Pulse', url: input.appUrl },
    footer: footerOf('ACTIVITY', input.preferencesUrl, null),
  };
  return { subject, text: layoutText(layout), html: layoutHtml(layout) };
}

function footerOf(category: Category, preferencesUrl: string, unsubscribeUrl: string | null) {
  const why = {
    text: 'You receive this because of your notification settings',
    link: { label: 'Manage notifications', url: preferencesUrl },
  };
  if (category !== 'COMMERCIAL') return [why];
  const stop = unsubscribeUrl
    ? { text: 'Stop these emails with one click', link: { label: 'Unsubscribe', url: unsubscribeUrl } }
    : { text: 'Stop these emails in your notification settings', link: why.link };
  return [why, stop];
}

/** "Wed 07:45" in `timeZone` (UTC when the runtime does not know the zone, rather than no digest). */
function localTimeFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: canonicalTimeZone(timeZone) ?? 'UTC',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}
