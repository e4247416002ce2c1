/** The explorer's Content-Security-Policy: everything from the gateway's own origin, nothing from elsewhere. */

/** A Host header as browsers send it (name or address, optional port): anything else is left out. */
const HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/** graphql-ws on the page's own host: older browsers do not count ws: as 'self'. */
export function sameHostWebSockets(host: string | undefined): string {
  return host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
}

export function explorerContentSecurityPolicy(host: string | undefined): string {
  const webSockets = sameHostWebSockets(host);
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Monaco's workers (editor, JSON, GraphQL) are files of the build.
    "worker-src 'self'",
    `connect-src 'self'${webSockets}`,
    // Monaco writes style attributes and <style> elements at run time (its lines, themes); they load nothing.
    "style-src 'self' 'unsafe-inline'",
    // GraphiQL's fonts are data: URLs inside its own CSS.
    "font-src 'self' data:",
    // Monaco's CSS carries a few icons as data: URLs.
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
