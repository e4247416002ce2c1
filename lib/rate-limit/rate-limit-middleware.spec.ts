import type { NextFunction, Request, Response } from 'express';
import { createInProcessRateLimiterStore } from './in-process-rate-limiter';
import type { RateLimiter } from './rate-limiter';
import { createRateLimitMiddleware, keySpaceRateLimiter, rateLimitKeys } from './rate-limit-middleware';

function fakeResponse() {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
  const res = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status: (code: number) => ((sent.status = code), res),
    json: (body: unknown) => (sent.body = body),
  };
  return { res: res as unknown as Response, sent };
}

async function run(middleware: ReturnType<typeof createRateLimitMiddleware>, req: Partial<Request> = {}) {
  const { res, sent } = fakeResponse();
  const next = jest.fn();
  await middleware(req as Request, res, next as NextFunction);
  return { sent, passed: next.mock.calls.length === 1 };
}

describe('createRateLimitMiddleware', () => {
  const store = createInProcessRateLimiterStore();

  it('lets requests through until the key is over its limit, then answers 429 with Retry-After', async () => {
    const limiter = store.limiter('middleware', { points: 2, durationSeconds: 30 });
    const middleware = createRateLimitMiddleware({ limiter, keyOf: () => rateLimitKeys.user('ann') });
    expect((await run(middleware)).passed).toBe(true);
    expect((await run(middleware)).passed).toBe(true);
    const refused = await run(middleware);
    expect(refused.passed).toBe(false);
    expect(refused.sent).toEqual({
      status: 429,
      headers: { 'retry-after': '30' },
      body: {
        errors: [
          {
            message: 'Too many requests: wait 30 s before sending more.',
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 },
          },
        ],
      },
    });
  });

  it('spends the cost the request is worth', async () => {
    const limiter = store.limiter('middleware-cost', { points: 5, durationSeconds: 60 });
    const middleware = createRateLimitMiddleware({ limiter, keyOf: () => 'ip:1', costOf: () => 3 });
    expect((await run(middleware)).passed).toBe(true);
    expect((await run(middleware)).passed).toBe(false);
  });

  it('lets the request through when the limiter fails', async () => {
    const broken: RateLimiter = { consume: () => Promise.reject(new Error('store down')) };
    const logger = { error: jest.fn() };
    const middleware = createRateLimitMiddleware({
      limiter: broken,
      keyOf: () => 'ip:1',
      logger: logger as never,
    });
    expect((await run(middleware)).passed).toBe(true);
    expect(logger.error).toHaveBeenCalledTimes(1);
  });
});

describe('keySpaceRateLimiter', () => {
  const store = createInProcessRateLimiterStore();

  it('sends each key to the limiter of its space, and does not limit a space without one', async () => {
    const limiter = keySpaceRateLimiter({
      user: store.limiter('spaces-user', { points: 1, durationSeconds: 60 }),
      apikey: null,
    });
    expect((await limiter.consume('user:ann')).allowed).toBe(true);
    expect((await limiter.consume('user:ann')).allowed).toBe(false);
    for (let i = 0; i < 5; i++) expect((await limiter.consume('apikey:k1')).allowed).toBe(true);
    await expect(limiter.consume('ip:1.2.3.4')).rejects.toThrow(
      /No rate limit is configured for the key space of "ip:1.2.3.4"/,
    );
  });
});
