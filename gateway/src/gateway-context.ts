/** What the gateway knows about a request: the verified caller and the token to pass on to subgraphs. */
import type { Viewer } from '../../lib/auth/viewer';
import type { LeaderTicket } from './dedup/leader-ticket';

export interface GatewayContext {
  viewer: Viewer | null;
  /** The caller's access token, forwarded so that each subgraph verifies it again. */
  accessToken: string | null;
  correlationId: string;
  /** Express's `req.ip` (the socket address: no proxy is trusted); absent for subscriptions. */
  clientAddress?: string;
  /** When other requests may share this one's answer: what they need to know of it (dedup/). */
  dedupTicket?: LeaderTicket;
}

/** A request of the partner API: authenticated by an API key, with no user. */
export interface PartnerContext extends GatewayContext {
  /** The id of the partner API key the request was authenticated with. */
  partnerId: string;
}

/** The header that names the partner on a subgraph request of the partner API (which carries no token). */
export const PARTNER_ID_HEADER = 'x-partner-id';
