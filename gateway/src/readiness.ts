/** The gateway is ready once its supergraph is loaded and every subgraph answers a trivial query. */
import { SUBGRAPH_SECRET_HEADER } from '../../lib/server/subgraph-secret';

export async function checkSubgraphs(
  subgraphUrls: Record<string, string>,
  options: { subgraphSecret?: string | null; timeoutMs?: number } = {},
): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  // As the gateway: a subgraph's per-address limit for strangers is not spent on health checks.
  if (options.subgraphSecret) headers[SUBGRAPH_SECRET_HEADER] = options.subgraphSecret;
  const failures = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 2_000),
        });
        return response.ok ? null : `${name} answered HTTP ${response.status}`;
      } catch (error) {
        return `${name} unreachable (${error instanceof Error ? error.message : String(error)})`;
      }
    }),
  );
  const problems = failures.filter((f): f is string => f !== null);
  if (problems.length) throw new Error(problems.join('; '));
}
