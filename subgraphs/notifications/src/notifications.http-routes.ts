/**
 * Notifications' plain HTTP routes, served by the subgraph and on the gateway's port. Data only, so that
 * the gateway's launcher reads them without loading the context (scripts/context-routes.ts).
 */
import type { ContextHttpRoute } from '../../../lib/context/http-routes';

export const notificationsHttpRoutes: readonly ContextHttpRoute[] = [
  // The one-click unsubscribe link of commercial mail: its token is the credential (no access token).
  { path: '/notifications/unsubscribe', bodyLimitBytes: 1024, anonymous: true },
];
