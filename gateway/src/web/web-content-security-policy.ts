/**
 * The web app's Content-Security-Policy: scripts, styles and data from the gateway alone; images also from
 * the map's tile server and the object store's public endpoint when those are configured.
 */
import { sameHostWebSockets } from '../explorer/content-security-policy';

export interface WebImageOrigins {
  /** The tile URL template's origin (WEB_TILE_URL), if any. */
  tileUrl: string | null;
  /** Where presigned avatar and photo URLs point (S3), if not the gateway. */
  imageOrigin: string | null;
}

export function webContentSecurityPolicy(host: string | undefined, origins: WebImageOrigins): string {
  const images = ["'self'", 'data:', 'blob:'];
  if (origins.tileUrl) images.push(new URL(origins.tileUrl.replace(/[{}]/g, '')).origin);
  if (origins.imageOrigin) images.push(origins.imageOrigin);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    `connect-src 'self'${sameHostWebSockets(host)}`,
    // React sets style attributes (bar widths); no stylesheet comes from elsewhere.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images.join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
