/** Text and links made safe for HTML: every value a template puts into the HTML part passes through here. */

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` as HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** `url` when it is an absolute http(s) link, else `fallback`: a `javascript:` link never reaches a mail. */
export function safeLink(url: string | null, fallback: string): string {
  if (url === null) return fallback;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : fallback;
  } catch {
    return fallback;
  }
}

/** A sentence as a single line (for a subject, which must not hold line breaks). */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
