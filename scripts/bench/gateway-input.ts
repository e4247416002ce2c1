/** What the parent gives each measured gateway's process. */
export interface GatewayInput {
  subgraphUrls: Record<string, string>;
  jwksUrl: string;
  /** The subgraphs' SUBGRAPH_SECRET: every gateway presents it, as Pulse's does (lib/server/subgraph-secret.ts). */
  subgraphSecret: string;
  /** Pulse only: GATEWAY_DEDUP (default true). */
  dedup?: boolean;
}

export interface GatewayInfo {
  url: string;
}
