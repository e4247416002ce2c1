/**
 * Merges live items and further pages into a newest-first list of edges: one entry per id (the incoming
 * version wins, so a changed item moves to its new place), ordered by time, then id, newest first.
 */
export function mergeNewestFirst<E extends { node: { id: string } }>(
  current: readonly E[],
  incoming: readonly E[],
  timeOf: (node: E['node']) => string,
): E[] {
  const byId = new Map<string, E>();
  for (const edge of current) byId.set(edge.node.id, edge);
  for (const edge of incoming) {
    byId.delete(edge.node.id);
    byId.set(edge.node.id, edge);
  }
  return [...byId.values()].sort((a, b) => {
    const byTime = Date.parse(timeOf(b.node)) - Date.parse(timeOf(a.node));
    if (byTime !== 0) return byTime;
    return a.node.id < b.node.id ? 1 : a.node.id > b.node.id ? -1 : 0;
  });
}
