/**
 * Training's plain HTTP routes beside GraphQL, with their body limits: served by the subgraph and, under the
 * same paths, on the gateway's port. Data only, so that the gateway's launcher reads them without loading
 * the context (scripts/context-routes.ts).
 */
import type { ContextHttpRoute } from '../../../lib/context/http-routes';

/** The largest activity file accepted by `POST /imports` (compressed or not). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** The largest telemetry batch body, uncompressed (about 100 000 samples of NDJSON). */
export const MAX_TELEMETRY_BODY_BYTES = 20 * 1024 * 1024;

export const trainingHttpRoutes: readonly ContextHttpRoute[] = [
  { path: '/telemetry', bodyLimitBytes: MAX_TELEMETRY_BODY_BYTES, rateLimit: 'telemetry' },
  { path: '/imports', bodyLimitBytes: MAX_UPLOAD_BYTES, rateLimit: 'imports' },
  { path: '/exports', bodyLimitBytes: 1024 },
];
