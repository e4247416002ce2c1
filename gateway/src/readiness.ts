/** The gateway is ready once its supergraph is loaded and every subgraph answers a trivial query. */
export async function checkSubgraphs(subgraphUrls: Record<string, string>, timeoutMs = 2_000): Promise<void> {
  const failures = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(timeoutMs),
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
