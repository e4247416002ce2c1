/**
 * ISO 8601 date-times as the file formats write them (`2024-05-01T08:00:00Z`, with fractions or an
 * offset). A date-time without a zone designator is read as UTC (GPX and TCX require UTC anyway); a
 * plain date or any other text is refused, so the parsers can name the offending value.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch, or null when the text is not an ISO 8601 date-time. */
export const parseIsoTime = (text: string): number | null => {
  const trimmed = text.trim();
  const match = ISO_DATE_TIME.exec(trimmed);
  if (!match) return null;
  const zone = match[8];
  let normalized = trimmed.replace(' ', 'T');
  if (zone === undefined) normalized += 'Z';
  else if (/^[+-]\d{4}$/.test(zone))
    normalized = normalized.slice(0, -zone.length) + zone.slice(0, 3) + ':' + zone.slice(3);
  const ms = Date.parse(normalized);
  return Number.isFinite(ms) ? ms : null;
};
