/** The one-click unsubscribe link on the context's own routes: a page on GET, the opt-out on POST. */
import { createServer } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { v4 as uuidv4 } from 'uuid';
import { useFixture } from '../../../../lib/testing/fixture';
import { listenOn } from '../../../../lib/testing/listen';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { notificationsContext } from '..';
import { openTestNotifications, registered } from '../notifications.test-db';

describe.each(availableDatabaseKinds())('the unsubscribe link (%s)', (kind) => {
  const fixture = useFixture(async () => {
    const n = await openTestNotifications(kind);
    const app = express();
    const logger = pino({ level: 'silent' });
    notificationsContext.http!.mount(app, n.parts, { logger } as never);
    const server = createServer(app);
    const origin = await listenOn(server);
    return {
      n,
      origin,
      close: async () => {
        await new Promise((resolve) => server.close(resolve));
        await n.close();
      },
    };
  });

  it('shows a page on GET (opening the link changes nothing) and sets the commercial opt-out on POST', async () => {
    const { n, origin } = fixture();
    const ann = uuidv4();
    await n.deliver(registered(ann, 'Ann'));
    const { unsubscribeToken } = (await n.repos.recipients.find(ann))!;
    const url = `${origin}/notifications/unsubscribe?token=${unsubscribeToken}`;

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      `<form method="post" action="/notifications/unsubscribe?token=${unsubscribeToken}">`,
    );
    expect((await n.settings.settings(ann)).commercialOptOut).toBe(false);

    const done = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect((await n.settings.settings(ann)).commercialOptOut).toBe(true);
    // The user's other settings are untouched.
    expect((await n.settings.settings(ann)).quietHours).toBeNull();
  });

  it.each([['GET'], ['POST']])(
    '%s with an unknown or malformed token answers 404 NOT_FOUND',
    async (method) => {
      const { origin } = fixture();
      for (const token of [uuidv4(), 'x<script>', '']) {
        const response = await fetch(
          `${origin}/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
          { method },
        );
        expect(response.status).toBe(404);
        expect(
          ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
            .code,
        ).toBe('NOT_FOUND');
      }
    },
  );
});
