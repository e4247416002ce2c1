/**
 * The admission gate as the first handler of the gateway's work routes (/graphql, /partner/graphql, the
 * contexts' HTTP routes), before any body is read, token verified or operation parsed. A request turned
 * away gets HTTP 503, `Retry-After` and SERVICE_UNAVAILABLE, and nothing of it was done: a mutation refused
 * here is safe to send again. The slot is given back when the answer is sent or the client goes away.
 */
import type { Request, RequestHandler } from 'express';
import { ServiceUnavailableError } from '../../../lib/errors/domain-error';
import type { Logger } from '../../../lib/logging/logger';
import { sendRestError } from '../../../lib/server/rest-errors';
import { admissionRefusedTotal } from '../observability/gateway-metrics';
import { acceptsEventStream } from '../subscriptions/sse-transport';
import type { AdmissionGate, AdmissionGateOptions, AdmissionRefusal } from './admission-gate';

/**
 * Not work in flight: a subscription over SSE (long-lived; graphql-ws never passes through Express), a CORS
 * preflight, and the landing page a browser gets for GET /graphql.
 */
export function passesAdmissionFreely(req: Request): boolean {
  if (req.method === 'OPTIONS') return true;
  if (acceptsEventStream(req.headers.accept)) return true;
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

/**
 * What a turned-away client should wait, in whole seconds: the waiting room's longest wait (at least 1),
 * the time during which the requests before it did not free a slot.
 */
export const admissionRetryAfterSeconds = (maxWaitMs: number) => Math.max(1, Math.ceil(maxWaitMs / 1000));

export function admissionMiddleware(options: {
  gate: AdmissionGate;
  limits: AdmissionGateOptions;
  logger: Logger;
}): RequestHandler {
  const { gate, limits, logger } = options;
  const retryAfter = admissionRetryAfterSeconds(limits.maxWaitMs);
  const slots = `no request slot (of ${limits.maxConcurrent})`;
  const again = `Nothing was done; send the request again in ${retryAfter} s.`;
  const messages: Record<AdmissionRefusal, string> = {
    wait: `Pulse is busy: ${slots} freed within ${limits.maxWaitMs} ms. ${again}`,
    'room-full':
      limits.maxWaiting === 0
        ? `Pulse is busy: ${slots} is free. ${again}`
        : `Pulse is busy: ${slots} is free and ${limits.maxWaiting} requests are waiting already. ${again}`,
  };
  return async (req, res, next) => {
    if (passesAdmissionFreely(req)) {
      next();
      return;
    }
    // The client going away (while waiting, or once served) gives its place or its slot back.
    const gone = new AbortController();
    let release: (() => void) | null = null;
    res.once('close', () => {
      gone.abort();
      release?.();
    });
    const admission = await gate.enter(gone.signal);
    if (!admission.admitted) {
      if (admission.reason === 'abandoned') return;
      admissionRefusedTotal.inc({ reason: admission.reason });
      sendRestError(res, new ServiceUnavailableError(messages[admission.reason], retryAfter), logger);
      return;
    }
    if (gone.signal.aborted) {
      admission.release();
      return;
    }
    release = admission.release;
    res.once('finish', admission.release);
    next();
  };
}
