/** The HTTP shell every Pulse server shares: correlation ids, /health, /ready, /metrics, JSON errors. */
import express, { type ErrorRequestHandler, type Express } from 'express';
import { v7 as uuidv7 } from 'uuid';
import { withCorrelationId, type Logger } from '../logging/logger';
import { metricsRegistry } from '../metrics';

const CORRELATION_HEADER = 'x-correlation-id';
const VALID_CORRELATION_ID = /^[\w.:-]{1,128}$/;
const SERVED_BY = String(process.pid);

export function correlationIdOf(headerValue: string | string[] | undefined): string {
  const value = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  return value && VALID_CORRELATION_ID.test(value) ? value : uuidv7();
}

export function createHttpApp(options: { logger: Logger; ready: () => Promise<void> }): Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on answers: POSTed GraphQL answers are not revalidated, and hashing each one costs CPU.
  app.set('etag', false);
  app.use((req, res, next) => {
    const id = correlationIdOf(req.headers[CORRELATION_HEADER]);
    req.headers[CORRELATION_HEADER] = id;
    res.setHeader(CORRELATION_HEADER, id);
    // Which process answered: with several gateway workers or instances, tells them apart (debugging, tests).
    res.setHeader('x-served-by', SERVED_BY);
    withCorrelationId(id, next);
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  });
  app.get('/ready', async (_req, res) => {
    if (app.locals.stopping) {
      res.status(503).json({ status: 'not ready', reason: 'shutting down' });
      return;
    }
    try {
      await options.ready();
      res.json({ status: 'ready' });
    } catch (error) {
      res
        .status(503)
        .json({ status: 'not ready', reason: error instanceof Error ? error.message : String(error) });
    }
  });
  return app;
}

/** From now on /ready answers 503, so that load balancers send this server nothing new. */
export function markStopping(app: Express): void {
  app.locals.stopping = true;
}

/** Last handler: malformed bodies get a 400 with a code, anything else a 500 without internals. */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; limit?: number }, _req, res, _next) => {
    if (error.status && error.status < 500) {
      const message =
        error.type === 'entity.too.large'
          ? `The request body is larger than the ${error.limit ?? ''} bytes accepted here.`.replace('  ', ' ')
          : error.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : 'The request body could not be read (check Content-Type and Content-Encoding).';
      res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    logger.error({ err: error }, 'unhandled HTTP error');
    res.status(500).json({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
}
