/**
 * CORS for the gateway, by hand (a few headers, no dependency). An allowed origin is echoed back, never
 * `*`; no credentials are allowed (Pulse authenticates with a bearer token, not cookies). A preflight
 * from another origin is refused with 403 and a message naming CORS_ORIGINS.
 */
import type { RequestHandler } from 'express';

export interface CorsPolicy {
  /** Exact origins allowed (CORS_ORIGINS). */
  origins: string[];
  /** Also allow http(s)://localhost, 127.0.0.1 and [::1] on any port (development default). */
  allowLocalhost: boolean;
}

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'content-encoding',
  'x-correlation-id',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'traceparent',
].join(', ');

export function isOriginAllowed(policy: CorsPolicy, origin: string): boolean {
  return policy.origins.includes(origin) || (policy.allowLocalhost && LOCALHOST.test(origin));
}

export function createCorsMiddleware(policy: CorsPolicy): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin) {
      next();
      return;
    }
    res.vary('Origin');
    const allowed = isOriginAllowed(policy, origin);
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (allowed) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', 'x-correlation-id, retry-after');
    }
    if (!preflight) {
      next();
      return;
    }
    if (!allowed) {
      res.status(403).json({
        errors: [
          {
            message: `Browsers at ${origin} may not call this API: add the origin to CORS_ORIGINS.`,
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      return;
    }
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
    res.status(204).end();
  };
}
