/**
 * Wraps the fetcher a subgraph data source uses: every attempt has a deadline (a late subgraph becomes a
 * SUBGRAPH_TIMEOUT error, not a hanging request), a subgraph that cannot be reached becomes
 * SUBGRAPH_UNAVAILABLE (with retryAfterSeconds), and a read-only request that failed on the network or
 * with a 5xx is tried again first. Mutations are not retried here, as the first attempt may have taken effect;
 * one that never reached the subgraph (a closed kept-alive connection) is resent by sendRaw.
 */
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { sharedDeadline } from '../../../lib/async/shared-deadline';
import { isQueryRequest } from '../subgraph-request-kind';
import { SUBGRAPH_TIMEOUT, unavailableError } from './gateway-error-codes';

export { isQueryRequest };

export interface SubgraphRequestPolicy {
  serviceName: string;
  timeoutMs: number;
  /** Extra attempts for a query (0: none). */
  queryRetries: number;
  /** Wait before retry n: n × retryDelayMs. */
  retryDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function resilientFetcher(fetcher: Fetcher, policy: SubgraphRequestPolicy): Fetcher {
  const delay = policy.retryDelayMs ?? 100;
  return async (url, init) => {
    const retries = isQueryRequest(init?.body) ? policy.queryRetries : 0;
    for (let attempt = 0; ; attempt++) {
      const deadline = sharedDeadline(policy.timeoutMs);
      let response: FetcherResponse;
      try {
        response = await fetcher(url, { ...init, signal: deadline });
      } catch (error) {
        if (deadline.aborted) {
          throw new GraphQLError(
            `The ${policy.serviceName} service did not answer within ${policy.timeoutMs} ms. Try again in a moment.`,
            { extensions: { code: SUBGRAPH_TIMEOUT, serviceName: policy.serviceName } },
          );
        }
        if (attempt >= retries) {
          // Down or restarting: a code the client can act on (try again), not an internal error.
          const { message, extensions } = unavailableError(policy.serviceName);
          throw new GraphQLError(message, { extensions, originalError: error as Error });
        }
        await sleep(delay * (attempt + 1));
        continue;
      }
      if (response.status < 500 || attempt >= retries) return response;
      await response.text().catch(() => undefined); // frees the connection
      await sleep(delay * (attempt + 1));
    }
  };
}
