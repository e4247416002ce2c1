/**
 * Inbound deduplication, decided before Apollo Server's pipeline. A POST whose body bytes and `Accept`
 * header are identical to those of a request in flight, from the same caller (`scopeOf`: the verified user
 * and roles, or anonymous), waits for that request (the leader) and is sent the very bytes the leader was
 * sent — its status, its answer's own headers and its body — instead of being parsed, validated, checked,
 * planned and executed again. Only an answer the leader's pipeline marked shareable is shared (a query
 * answered with one complete JSON document: `dedupLeaderPlugin`); anything else — a mutation, a request
 * refused before execution, an incremental answer, a leader that failed or whose connection closed — lets
 * its followers run on their own. Nothing is cached: a request arriving after the leader answered runs.
 *
 * What comes before this middleware still runs for every request: the correlation id, CORS, the request
 * span, the body limit and the rate limiter, which counts each request. Mount it after the body parser
 * with the raw body kept (`rawBodyOf`).
 */
import type { Request, RequestHandler, Response } from 'express';
import { shareableTicket, type LeaderTicket } from './leader-ticket';

/** The leader's answer: the bytes and the headers its pipeline set (not those of the HTTP shell). */
export interface SharedAnswer {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** What the leader's pipeline learnt about the request (operation, outcome, error codes). */
  ticket: LeaderTicket;
}

interface InFlight {
  answer: Promise<SharedAnswer | null>;
  followers: number;
}

export interface InflightRequestDedupOptions {
  /**
   * Whose answer it would be; null when the request must not be shared (for example a token that fails
   * verification: its own pipeline refuses it).
   */
  scopeOf(req: Request, res: Response): Promise<string | null>;
  /** Called when a request joins an identical one in flight, to wait for its answer. */
  onJoined?(): void;
  /** Called for each follower answered with a leader's bytes, before they are sent. */
  onShared?(answer: SharedAnswer, follower: { req: Request; res: Response; startedAt: bigint }): void;
}

/** Headers of the leader's answer that are the answer's own (the rest is per request, or recomputed). */
const ANSWER_HEADERS = ['content-type', 'cache-control'];

/** The raw body a JSON body parser kept (see `keepRawBody`). */
const RAW_BODY = Symbol('raw body');
type WithRawBody = Request & { [RAW_BODY]?: Buffer };

/** For express.json's `verify` option: keeps the bytes of the body it parses. */
export function keepRawBody(req: Request, _res: Response, body: Buffer): void {
  (req as WithRawBody)[RAW_BODY] = body;
}

export function rawBodyOf(req: Request): Buffer | undefined {
  return (req as WithRawBody)[RAW_BODY];
}

/** The leader ticket of a request this middleware let lead, for the pipeline to fill in (context function). */
export function leaderTicketOf(res: Response): LeaderTicket | undefined {
  return res.locals.dedupTicket as LeaderTicket | undefined;
}

export function inflightRequestDedup(options: InflightRequestDedupOptions): RequestHandler {
  const inFlight = new Map<string, InFlight>();
  return async (req, res, next) => {
    const startedAt = process.hrtime.bigint();
    const raw = rawBodyOf(req);
    // A batch (a JSON array) is not shared: its operations may differ in kind.
    if (req.method !== 'POST' || !raw || Array.isArray(req.body)) return next();
    const scope = await options.scopeOf(req, res);
    if (scope === null) return next();
    const key = `${scope}\n${req.headers.accept ?? ''}\n${raw.toString('latin1')}`;

    const leading = inFlight.get(key);
    if (leading) {
      leading.followers += 1;
      options.onJoined?.();
      const answer = await leading.answer;
      if (!answer) return next();
      options.onShared?.(answer, { req, res, startedAt });
      res.statusCode = answer.status;
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      res.end(answer.body);
      return;
    }
    lead(key, res);
    next();
  };

  function lead(key: string, res: Response): void {
    let settle: (answer: SharedAnswer | null) => void = () => undefined;
    const entry: InFlight = { answer: new Promise((resolve) => (settle = resolve)), followers: 0 };
    inFlight.set(key, entry);
    const ticket: LeaderTicket = {
      operationType: 'unknown',
      errorCodes: [],
      outcome: 'success',
      complete: false,
    };
    res.locals.dedupTicket = ticket;
    let done = false;
    const finish = (answer: () => SharedAnswer | null) => {
      if (done) return;
      done = true;
      inFlight.delete(key);
      // Copied only when someone waits for it: a request nobody joined costs a map entry, nothing more.
      settle(entry.followers > 0 ? answer() : null);
    };
    const response = res as unknown as {
      write: (...args: unknown[]) => boolean;
      end: (...args: unknown[]) => Response;
    };
    const { write, end } = response;
    response.write = function (this: Response, ...args: unknown[]) {
      // Streamed in parts (incremental delivery): not one document to share.
      ticket.complete = false;
      finish(() => null);
      return write.apply(this, args);
    };
    response.end = function (this: Response, chunk?: unknown, encoding?: unknown, ...rest: unknown[]) {
      finish(() => {
        const body = bodyBytes(chunk, encoding);
        return body && shareableTicket(ticket)
          ? { status: res.statusCode, headers: answerHeaders(res), body, ticket }
          : null;
      });
      return end.call(this, chunk, encoding, ...rest);
    };
    res.once('close', () => finish(() => null));
  }
}

function bodyBytes(chunk: unknown, encoding: unknown): Buffer | null {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return null;
}

function answerHeaders(res: Response): [string, string][] {
  const headers: [string, string][] = [];
  for (const name of ANSWER_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers.push([name, String(value)]);
  }
  return headers;
}
