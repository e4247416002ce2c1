/** What the parent gives each measured gateway's process. */
export interface GatewayInput {
  /** The composed supergraph served: Pulse's supergraph.graphql, or The Guild's benchmark supergraph. */
  supergraphPath: string;
  /** Subgraph name → URL, replacing the supergraph's. */
  subgraphUrls: Record<string, string>;
  /**
   * The Pulse workload: its subgraphs' SUBGRAPH_SECRET (every gateway presents it, as Pulse's does:
   * lib/server/subgraph-secret.ts) and the keys Pulse verifies tokens with; the other gateways forward the
   * Authorization header. Without it (the guild workload) requests are anonymous and every gateway runs as
   * its makers publish it.
   */
  pulse?: { jwksUrl: string; subgraphSecret: string };
  /** Pulse: GATEWAY_DEDUP (default true). Hive Gateway: inboundInflightRequestDeduplication (default off). */
  dedup?: boolean;
  /** Hive Gateway: `--jit` (graphql-jit execution), as The Guild's benchmark starts it. */
  jit?: boolean;
  /** Pulse: configuration the workload needs besides the bench's own (e.g. query limits TestQuery exceeds). */
  env?: Record<string, string>;
}

export interface GatewayInfo {
  url: string;
}
