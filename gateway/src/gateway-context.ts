/** What the gateway knows about a request: the verified caller and the token to pass on to subgraphs. */
import type { Viewer } from '../../lib/auth/viewer';

export interface GatewayContext {
  viewer: Viewer | null;
  /** The caller's access token, forwarded so that each subgraph verifies it again. */
  accessToken: string | null;
  correlationId: string;
  /** Express's `req.ip` (the socket address: no proxy is trusted); absent for subscriptions. */
  clientAddress?: string;
}

/** A request of the partner API: authenticated by an API key, with no user. */
export interface PartnerContext extends GatewayContext {
  /** The id of the partner API key the request was authenticated with. */
  partnerId: string;
}

/** The header that names the partner on a subgraph request of the partner API (which carries no token). */
export const PARTNER_ID_HEADER = 'x-partner-id';
