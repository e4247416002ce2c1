/**
 * The token limit on a subgraph's /graphql, counted on the text as sent (before Apollo Server parses it;
 * Apollo answers a plugin's refusal at that stage with a 500). The gateway's own fetches are not counted.
 */
import type { Request, RequestHandler } from 'express';
import { limitExceeded } from '../graphql/limits/limit-errors';
import { countTokens } from '../graphql/limits/token-count';

/** Refuses with HTTP 400 QUERY_TOO_COMPLEX a request whose `query` has more than `maxTokens` tokens. */
export function tokenLimitGuard(maxTokens: number, exempt: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    const params: unknown = req.method === 'GET' ? req.query : req.body;
    const query = typeof params === 'object' && params !== null && 'query' in params ? params.query : null;
    if (typeof query !== 'string' || exempt(req)) return next();
    const tokens = countTokens(query, maxTokens + 1);
    if (tokens <= maxTokens) return next();
    res.status(400).json({ errors: [limitExceeded('tokens', maxTokens, tokens)] });
  };
}
