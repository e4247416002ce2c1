/**
 * The unsubscribe link of commercial mail (`List-Unsubscribe`). `POST /notifications/unsubscribe?token=…` is
 * RFC 8058's one-click unsubscribe (what mail clients send, body `List-Unsubscribe=One-Click`) and the
 * button of the page below: it sets the commercial opt-out of the recipient the token belongs to (a random
 * token per recipient, nothing else). `GET` only shows that page: mail scanners open links, and opening one
 * must not unsubscribe anybody.
 */
import type { Express } from 'express';
import { validate as isUuid } from 'uuid';
import { NotFoundError } from '../../../../lib/errors/domain-error';
import type { Logger } from '../../../../lib/logging/logger';
import { sendRestError } from '../../../../lib/server/rest-errors';

const page = (body: string) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>Pulse</title>
<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">${body}</body></html>`;

const CONFIRM = (token: string) =>
  page(`<h1>Unsubscribe from Pulse's commercial messages?</h1>
<p>Your other notifications stay as you set them.</p>
<form method="post" action="/notifications/unsubscribe?token=${token}"><button type="submit">Unsubscribe</button></form>`);

const DONE = page(`<h1>You are unsubscribed</h1>
<p>Pulse will send you no more commercial messages. Your other notifications are as you set them.</p>`);

export function unsubscribeRoutes(deps: {
  isKnown(token: string): Promise<boolean>;
  optOut(token: string): Promise<boolean>;
  logger: Logger;
}) {
  // Only a UUID reaches the database (and the page).
  const tokenOf = (value: unknown): string => {
    if (typeof value !== 'string' || !isUuid(value))
      throw new NotFoundError('The unsubscribe link', String(value));
    return value;
  };
  return (app: Express) => {
    app.get('/notifications/unsubscribe', async (req, res) => {
      try {
        const token = tokenOf(req.query.token);
        if (!(await deps.isKnown(token))) throw new NotFoundError('The unsubscribe link', token);
        res.status(200).type('html').send(CONFIRM(token));
      } catch (error) {
        sendRestError(res, error, deps.logger);
      }
    });
    app.post('/notifications/unsubscribe', async (req, res) => {
      try {
        const token = tokenOf(req.query.token);
        if (!(await deps.optOut(token))) throw new NotFoundError('The unsubscribe link', token);
        res.status(200).type('html').send(DONE);
      } catch (error) {
        sendRestError(res, error, deps.logger);
      }
    });
  };
}
