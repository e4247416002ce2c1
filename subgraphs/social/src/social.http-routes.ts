/**
 * Social's plain HTTP routes, served by the subgraph and on the gateway's port. Data only, so that the
 * gateway's launcher reads them without loading the context (scripts/context-routes.ts).
 */
import type { ContextHttpRoute } from '../../../lib/context/http-routes';
import { MAX_IMAGE_BYTES } from '../../../lib/images/image-sizes';

export const socialHttpRoutes: readonly ContextHttpRoute[] = [
  // The file object store's signed URLs (embedded mode): the signature is the credential, no access token.
  { path: '/objects', bodyLimitBytes: MAX_IMAGE_BYTES, anonymous: true },
];
