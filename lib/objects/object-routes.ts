/**
 * The file store's signed URLs on the gateway's port: `PUT /objects/<key>?expires&max&signature` stores
 * the body (its Content-Type and size checked against what was signed), `GET /objects/<key>?expires&signature`
 * answers the bytes. Nothing else is needed to call them: the signature is the permission.
 */
import { Router, type Request, type Response } from 'express';
import { BadUserInputError, DomainError, NotFoundError } from '../errors/domain-error';
import type { Logger } from '../logging/logger';
import { sendRestError } from '../server/rest-errors';
import type { FileObjectStore, SignatureProblem } from './file-object-store';
import { assertObjectKey, InvalidObjectKeyError } from './object-key';
import type { SignedRequest } from './url-signature';

const REFUSED: Record<NonNullable<SignatureProblem>, string> = {
  EXPIRED: 'This object URL has expired: ask the API for a new one.',
  BAD_SIGNATURE:
    'This object URL is not valid for this request: use it unchanged, with the method and Content-Type it was made for.',
};

class PayloadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The body is larger than the ${maxBytes} bytes this upload URL allows.`);
  }
}

function keyOf(req: Request): string {
  const segments = (req.params as { key?: string[] }).key ?? [];
  try {
    return assertObjectKey(segments.join('/'));
  } catch (error) {
    if (error instanceof InvalidObjectKeyError) throw new BadUserInputError('key', error.message);
    throw error;
  }
}

function signedQuery(req: Request): { expires: number; signature: string; maxBytes?: number } {
  const { expires, signature, max } = req.query;
  const whole = (value: unknown) =>
    typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (typeof signature !== 'string' || Number.isNaN(whole(expires))) {
    throw new DomainError('FORBIDDEN', REFUSED.BAD_SIGNATURE, { reason: 'BAD_SIGNATURE' });
  }
  return { expires: whole(expires), signature, ...(max !== undefined && { maxBytes: whole(max) }) };
}

function sendError(res: Response, error: unknown, logger: Logger): void {
  if (error instanceof PayloadTooLarge) {
    // The same shape as sendRestError's answers; 413 has no DomainError code of its own.
    res
      .status(413)
      .set('connection', 'close')
      .json({
        errors: [
          { message: error.message, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: error.maxBytes } },
        ],
      });
    return;
  }
  sendRestError(res, error, logger);
}

/** The routes behind the file store's signed URLs (mount on the gateway's app). */
export function objectRoutes(store: FileObjectStore, deps: { logger: Logger }): Router {
  const router = Router();
  const authorize = (request: SignedRequest, signature: string) => {
    const problem = store.check(request, signature);
    if (problem) throw new DomainError('FORBIDDEN', REFUSED[problem], { reason: problem });
  };

  router.put('/objects/*key', async (req, res) => {
    try {
      const key = keyOf(req);
      const { expires, signature, maxBytes } = signedQuery(req);
      const contentType = req.headers['content-type'] ?? '';
      authorize({ method: 'PUT', key, expires, contentType, maxBytes }, signature);
      const limit = maxBytes ?? 0;
      if (Number(req.headers['content-length'] ?? 0) > limit) throw new PayloadTooLarge(limit);
      if (!(await store.receive(key, contentType, req, limit))) throw new PayloadTooLarge(limit);
      res.status(200).json({ key });
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });

  router.get('/objects/*key', async (req, res) => {
    try {
      const key = keyOf(req);
      const { expires, signature } = signedQuery(req);
      authorize({ method: 'GET', key, expires }, signature);
      const object = await store.open(key);
      if (!object) throw new NotFoundError('The object', key);
      const maxAge = Math.max(0, expires - Math.floor(Date.now() / 1000));
      res.status(200).set({
        'content-type': object.contentType,
        'content-length': String(object.size),
        'cache-control': `private, max-age=${maxAge}`,
        'x-content-type-options': 'nosniff',
      });
      object.stream.on('error', (error) => res.destroy(error));
      object.stream.pipe(res);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });

  return router;
}
