/** What every resolver receives: the verified caller and the request's correlation id. */
import type { Viewer } from '../auth/viewer';
import type { Logger } from '../logging/logger';

export interface RequestContext {
  viewer: Viewer | null;
  correlationId: string;
  logger: Logger;
  /** The client's address (the gateway's `x-pulse-client-ip`); absent on WebSocket subscriptions. */
  clientAddress?: string;
}
