/**
 * Whether a subgraph request is a query (read-only: safe to retry and to share), decided from the body
 * @apollo/gateway writes: `{"query":"<operation>",…}` with the document first. On the request path this is a
 * prefix test; no body is parsed.
 */
const QUERY_PREFIXES = ['{"query":"query', '{"query":"{'];

/** True only for the gateway's own shape with a query document; mutations and other shapes are false. */
export function isQueryBody(body: unknown): body is string {
  return typeof body === 'string' && QUERY_PREFIXES.some((prefix) => body.startsWith(prefix));
}

const OPERATION_KEYWORD = /^\s*(query|mutation|subscription)\b/;

/**
 * Like isQueryBody, and also reads a body of another shape (a Buffer, other key order) by parsing it: for
 * decisions that must not miss a query, such as retries.
 */
export function isQueryRequest(body: string | Buffer | undefined): boolean {
  if (body === undefined) return false;
  if (isQueryBody(body)) return true;
  const text = body.toString();
  if (text.startsWith('{"query":"')) return false; // the gateway's shape, not a query: a mutation
  try {
    const { query } = JSON.parse(text) as { query?: unknown };
    if (typeof query !== 'string') return false;
    const keyword = OPERATION_KEYWORD.exec(query)?.[1];
    return keyword === 'query' || (keyword === undefined && query.trimStart().startsWith('{'));
  } catch {
    return false;
  }
}
