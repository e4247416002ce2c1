/**
 * Outbound deduplication: identical subgraph *queries* in flight at the same time (same URL, same caller:
 * Authorization and x-partner-id headers, same body: document, variables, representations) are sent
 * once, and every caller gets its own response object parsed from the shared answer (so no two gateway
 * requests ever share an object to merge into). Mutations and anything not recognisably a query are always sent as they are.
 * Other headers (correlation id, trace context) do not take part: the subgraph's answer does not depend
 * on them; the fetch that is actually sent carries the first caller's.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
import { PARTNER_ID_HEADER } from '../gateway-context';
import { asFetcherResponse, sendRaw, type RawAnswer } from '../subgraph-fetcher';
import { isQueryBody } from '../subgraph-request-kind';

export { isQueryBody };

export function dedupingFetcher(options: { onShared?: () => void } = {}): Fetcher {
  const inFlight = new Map<string, Promise<RawAnswer>>();
  return async (url, init = {}) => {
    const body = init.body;
    if ((init.method ?? 'GET') !== 'POST' || !isQueryBody(body)) {
      return asFetcherResponse(await sendRaw(url, init));
    }
    const authorization = init.headers?.authorization ?? init.headers?.Authorization ?? '';
    // The partner API's requests carry no token: the partner's id tells its callers apart.
    const partner = init.headers?.[PARTNER_ID_HEADER] ?? '';
    const key = `${url}\n${authorization}\n${partner}\n${body}`;
    const existing = inFlight.get(key);
    if (existing) {
      options.onShared?.();
      return asFetcherResponse(await existing);
    }
    const sent = sendRaw(url, init);
    inFlight.set(key, sent);
    try {
      return asFetcherResponse(await sent);
    } finally {
      inFlight.delete(key);
    }
  };
}
