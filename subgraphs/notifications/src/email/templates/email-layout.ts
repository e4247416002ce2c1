/**
 * The one layout every Pulse mail shares, as a plain-text and an HTML part: a heading, a greeting, blocks
 * (sentences or listed notifications), one button, and a footer saying why the mail came. The HTML is
 * inline-styled divs (no tables, no external CSS or images); every value is escaped here, so templates pass
 * plain text.
 */
import { escapeHtml } from './escape-html';

export type LayoutBlock =
  | { kind: 'sentence'; text: string }
  | { kind: 'item'; time: string; title: string; text: string; url: string | null };

export interface LayoutLink {
  label: string;
  url: string;
}

export interface EmailLayout {
  /** The `<title>` and the heading. */
  heading: string;
  recipientName: string;
  blocks: LayoutBlock[];
  action: LayoutLink;
  /** Lines such as "You receive this because of your notification settings", each with its link. */
  footer: Array<{ text: string; link: LayoutLink }>;
}

const font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const style = {
  body: `margin:0;padding:0;background:#f4f5f7;${font};color:#1f2328`,
  page: 'max-width:560px;margin:0 auto;padding:24px 16px',
  brand: 'margin:0 0 16px;font-size:18px;font-weight:700;color:#fc4c02',
  card: 'background:#ffffff;border-radius:8px;padding:24px',
  heading: 'margin:0 0 16px;font-size:20px;line-height:1.3',
  sentence: 'margin:0 0 16px;font-size:16px;line-height:1.5',
  item: 'margin:0 0 16px;padding:0 0 16px;border-bottom:1px solid #e5e7eb',
  itemTime: 'margin:0 0 4px;font-size:13px;color:#6b7280',
  itemTitle: 'margin:0 0 4px;font-size:15px;font-weight:700',
  itemLink: 'color:#fc4c02;font-size:14px',
  button:
    'display:inline-block;margin:8px 0 0;padding:12px 20px;background:#fc4c02;color:#ffffff;' +
    'border-radius:6px;text-decoration:none;font-weight:700',
  footer: 'margin:16px 0 0;font-size:12px;line-height:1.5;color:#6b7280',
  footerLink: 'color:#6b7280',
};

export function layoutText(layout: EmailLayout): string {
  const blocks = layout.blocks.map((block) =>
    block.kind === 'sentence'
      ? block.text
      : [`${block.time} · ${block.title}`, block.text, ...(block.url ? [block.url] : [])].join('\n'),
  );
  return [
    layout.heading,
    `Hi ${layout.recipientName},`,
    ...blocks,
    `${layout.action.label}: ${layout.action.url}`,
    // "-- " is the signature separator: mail clients show what follows as the footer.
    '-- ',
    ...layout.footer.map(({ text, link }) => `${text}: ${link.url}`),
  ].join('\n\n');
}

export function layoutHtml(layout: EmailLayout): string {
  const e = escapeHtml;
  const blocks = layout.blocks.map((block) =>
    block.kind === 'sentence'
      ? `<p style="${style.sentence}">${e(block.text)}</p>`
      : `<div style="${style.item}"><p style="${style.itemTime}">${e(block.time)}</p>` +
        `<p style="${style.itemTitle}">${e(block.title)}</p><p style="${style.sentence}">${e(block.text)}</p>` +
        (block.url ? `<a href="${e(block.url)}" style="${style.itemLink}">Open</a>` : '') +
        '</div>',
  );
  const footer = layout.footer.map(
    ({ text, link }) =>
      `<p style="${style.footer}">${e(text)}: <a href="${e(link.url)}" style="${style.footerLink}">${e(link.label)}</a></p>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(layout.heading)}</title></head>`,
    `<body style="${style.body}">`,
    `<div style="${style.page}">`,
    `<p style="${style.brand}">Pulse</p>`,
    `<div style="${style.card}">`,
    `<h1 style="${style.heading}">${e(layout.heading)}</h1>`,
    `<p style="${style.sentence}">Hi ${e(layout.recipientName)},</p>`,
    ...blocks,
    `<a href="${e(layout.action.url)}" style="${style.button}">${e(layout.action.label)}</a>`,
    '</div>',
    ...footer,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}
