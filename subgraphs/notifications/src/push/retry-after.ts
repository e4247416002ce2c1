/** Reads an HTTP `Retry-After` header (RFC 9110: delay-seconds or an HTTP date) as milliseconds to wait. */

/** Milliseconds to wait, 0 for a date already past, null when the header is absent or unreadable. */
export function parseRetryAfter(
  value: string | string[] | undefined | null,
  now = Date.now(),
): number | null {
  const header = Array.isArray(value) ? value[0] : value;
  if (header === undefined || header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP date format starts with the day's name; Date.parse alone would read "-5" as a year.
  if (!/^[A-Za-z]{3}/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
