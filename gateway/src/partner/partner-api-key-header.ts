/** The partner API key of a request: `x-api-key: <key>` or `Authorization: ApiKey <key>`; null when absent. */
import type { IncomingHttpHeaders } from 'node:http';

export function partnerApiKeyOf(headers: IncomingHttpHeaders): string | null {
  const header = headers['x-api-key'];
  const direct = (Array.isArray(header) ? header[0] : header)?.trim();
  if (direct) return direct;
  const match = /^ApiKey\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}
