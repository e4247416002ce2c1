/**
 * The unsubscribe link of commercial mail (`List-Unsubscribe`): `POST /notifications/unsubscribe?token=…`
 * is RFC 8058's one-click unsubscribe (what mail clients send, body `List-Unsubscribe=One-Click`); `GET`
 * is a person following the link, answered with a page that does the same. Either sets the commercial
 * opt-out of the recipient the token belongs to (the token is random per recipient, nothing else).
 */
import type { Express } from 'express';
import { validate as isUuid } from 'uuid';
import { NotFoundError } from '../../../../lib/errors/domain-error';
import type { Logger } from '../../../../lib/logging/logger';
import { sendRestError } from '../../../../lib/server/rest-errors';

const DONE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Unsubscribed</title>
<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto"><h1>You are unsubscribed</h1>
<p>Pulse will send you no more commercial messages. Your other notifications are as you set them.</p></body></html>`;

export function unsubscribeRoutes(deps: { optOut(token: string): Promise<boolean>; logger: Logger }) {
  return (app: Express) => {
    const handle = async (token: unknown) => {
      if (typeof token !== 'string' || !isUuid(token) || !(await deps.optOut(token))) {
        throw new NotFoundError('The unsubscribe link', String(token));
      }
    };
    for (const method of ['get', 'post'] as const) {
      app[method]('/notifications/unsubscribe', async (req, res) => {
        try {
          await handle(req.query.token);
          res.status(200).type('html').send(DONE);
        } catch (error) {
          sendRestError(res, error, deps.logger);
        }
      });
    }
  };
}
