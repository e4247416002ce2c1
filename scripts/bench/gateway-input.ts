/** What the parent gives each measured gateway's process. */
export interface GatewayInput {
  subgraphUrls: Record<string, string>;
  jwksUrl: string;
  /** Pulse only: GATEWAY_DEDUP (default true). */
  dedup?: boolean;
}

export interface GatewayInfo {
  url: string;
}
