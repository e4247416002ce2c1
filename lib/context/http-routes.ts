/**
 * The plain HTTP routes a context serves beside GraphQL (uploads, telemetry batches, exports). The gateway
 * serves each on its own port under the same path, with the same checks as /graphql: the access token, the
 * route's rate limits and its body limit, then proxies it to the context's subgraph.
 */
export interface ContextHttpRoute {
  /** Path prefix, the same on the subgraph's port and the gateway's: '/imports'. */
  path: string;
  /** Largest request body accepted, in bytes (the gateway refuses more with 413 before proxying). */
  bodyLimitBytes: number;
  /**
   * The route's own rate limits, GATEWAY_RATE_LIMIT_<NAME>_USER / _IP (lib/config/config.ts); absent: the
   * gateway's per-user and per-address limits of /graphql, counted apart.
   */
  rateLimit?: string;
  /**
   * Callers need no access token: the route checks a credential of its own (the token of an unsubscribe
   * link). The gateway then applies only the per-address rate limit.
   */
  anonymous?: boolean;
}

/** A route as the gateway mounts it: with the subgraph that serves it. */
export interface GatewayHttpRoute extends ContextHttpRoute {
  subgraph: string;
}
