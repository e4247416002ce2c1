/**
 * Forwards a request of an HTTP route to the subgraph that serves it, streaming the body both ways and
 * counting the request's bytes as they pass: past the route's limit (a chunked body that declared no
 * length), the subgraph's request is aborted and the client gets the 413 of routes/route-guards.ts.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Transform } from 'node:stream';
import type { RequestHandler } from 'express';
import type { Logger } from '../../../lib/logging/logger';
import { unavailableError, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../limits/gateway-error-codes';
import { payloadTooLarge } from './route-guards';

// Headers of one connection, not of the request: never forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const agents = { http: new Agent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

const endToEnd = (headers: IncomingHttpHeaders): OutgoingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

// The gateway's own headers win over the subgraph's: which gateway process answered, for one.
const GATEWAY_OWN = new Set(['x-served-by']);

const appended = (previous: string | string[] | undefined, value: string) =>
  previous ? `${String(previous)}, ${value}` : value;

/** Proxies to `originOf()` (read per request: a reload may move the subgraph), same path and query. */
export function routeProxy(options: {
  subgraph: string;
  originOf: () => string;
  bodyLimitBytes: number;
  logger: Logger;
}): RequestHandler {
  return (req, res, next) => {
    const target = new URL(req.originalUrl, options.originOf());
    const secure = target.protocol === 'https:';
    const headers: OutgoingHttpHeaders = {
      ...endToEnd(req.headers),
      host: target.host,
      'x-forwarded-for': appended(req.headers['x-forwarded-for'], req.socket.remoteAddress ?? ''),
      'x-forwarded-host': req.headers['x-forwarded-host'] ?? req.headers.host ?? '',
      'x-forwarded-proto': req.headers['x-forwarded-proto'] ?? (req.secure ? 'https' : 'http'),
    };
    const upstream = (secure ? httpsRequest : httpRequest)(target, {
      method: req.method,
      headers,
      agent: secure ? agents.https : agents.http,
    });
    let refused = false;
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > options.bodyLimitBytes) {
          done(payloadTooLarge(options.bodyLimitBytes));
          return;
        }
        done(null, chunk);
      },
    });
    counter.on('error', (error) => {
      refused = true;
      req.unpipe(counter);
      upstream.destroy();
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.setHeader('connection', 'close');
      next(error);
    });
    upstream.on('response', (answer) => {
      res.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(endToEnd(answer.headers))) {
        if (value !== undefined && !GATEWAY_OWN.has(name)) res.setHeader(name, value);
      }
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (refused) return;
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      options.logger.warn({ err: error, subgraph: options.subgraph }, 'HTTP route: subgraph unreachable');
      res.setHeader('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      res.status(503).json({ errors: [unavailableError(options.subgraph)] });
    });
    // The client went away before the answer was complete: so does the subgraph's request.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(counter).pipe(upstream);
  };
}
