/** The client's address as the gateway saw it, passed to subgraphs in a header only the gateway sets. */
import type { Request } from 'express';

/** Set by the gateway on every subgraph request, overwriting anything a client sent. */
export const CLIENT_ADDRESS_HEADER = 'x-pulse-client-ip';

/**
 * The address a subgraph attributes a request to: the gateway's header when the request comes from the
 * gateway (it presents the subgraph secret), else the socket's: a caller reaching a subgraph directly
 * cannot pose as another address.
 */
export function clientAddressOf(req: Request, fromGateway: boolean): string {
  const forwarded = req.headers[CLIENT_ADDRESS_HEADER];
  const usable = typeof forwarded === 'string' && forwarded.length > 0 && forwarded.length <= 64;
  if (fromGateway && usable) return forwarded;
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
