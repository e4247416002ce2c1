import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib/paths';
import { NOTIFICATION_PATHS } from '../web/src/notification-paths';
import { PASSWORD } from './support/athletes';
import { offlineButForGateway, screenshot, useChromium } from './support/browser';
import { useTestPlatform } from './support/test-platform';
import { sessionOfPage, signUpInBrowser } from './support/web-app';

const pulse = useTestPlatform();
const browser = useChromium();

describe('the web app', () => {
  it('is served at / by the gateway under a policy that allows nothing from elsewhere', async () => {
    const page = await fetch(`${pulse().gatewayOrigin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<div id="root"></div>');
    // Any page of the app is the same page; the API keeps its answers.
    const deepLink = await fetch(`${pulse().gatewayOrigin}/workouts/abc`, {
      headers: { accept: 'text/html' },
    });
    expect(await deepLink.text()).toContain('<div id="root"></div>');
    // An API client's unknown path is not a page.
    expect((await fetch(`${pulse().gatewayOrigin}/workouts/abc`)).status).toBe(404);
    const worker = await fetch(`${pulse().gatewayOrigin}/service-worker.js`);
    expect(await worker.text()).toMatch(/^self\.PULSE_PRECACHE = \{"version":"\w+","urls":\["\/",/);
    const config = await fetch(`${pulse().gatewayOrigin}/web-config.json`);
    expect(await config.json()).toEqual({ tileUrl: null, tileAttribution: '© OpenStreetMap contributors' });
  });

  it('signs up, signs out and signs in again, loading nothing but from the gateway', async () => {
    const origin = pulse().gatewayOrigin;
    const { context, outsideRequests } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    const athlete = await signUpInBrowser(page, origin, 'Web Walker');
    expect((await sessionOfPage(page)).accessToken).toBeTruthy();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem('pulse.session'))).toBeNull();

    await page.getByLabel('Email').fill(athlete.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'That email and password do not match an account.',
    );

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await screenshot(page, 'sign-in');
    expect(outsideRequests).toEqual([]);
    await context.close();
  });

  it('renews the session silently: before the access token expires, and once when it is refused', async () => {
    const origin = pulse().gatewayOrigin;
    const { context } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    await signUpInBrowser(page, origin, 'Silent Renewal');
    const stored = () => page.evaluate(() => JSON.parse(window.localStorage.getItem('pulse.session')!));
    const first = await stored();

    // About to expire: the next request renews the pair first (the refresh token rotates).
    await page.evaluate(() => {
      const session = JSON.parse(window.localStorage.getItem('pulse.session')!);
      session.accessTokenExpiresAt = new Date(Date.now() + 5_000).toISOString();
      window.localStorage.setItem('pulse.session', JSON.stringify(session));
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.waitForFunction(
      (old) => JSON.parse(window.localStorage.getItem('pulse.session')!).refreshToken !== old,
      first.refreshToken,
    );
    const second = await stored();
    expect(second.accessToken).not.toBe(first.accessToken);

    // A token the gateway refuses (here: not a token at all) is renewed once and the request sent again.
    await page.evaluate(() => {
      const session = JSON.parse(window.localStorage.getItem('pulse.session')!);
      session.accessToken = 'not-a-token';
      window.localStorage.setItem('pulse.session', JSON.stringify(session));
    });
    await page.reload();
    await page.waitForFunction(
      (old) => JSON.parse(window.localStorage.getItem('pulse.session')!).refreshToken !== old,
      second.refreshToken,
    );
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect((await stored()).accessToken).not.toBe('not-a-token');
    await context.close();
  });

  it('is used with the keyboard alone: skip link, navigation and forms', async () => {
    const origin = pulse().gatewayOrigin;
    const { context } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    await page.goto(`${origin}/sign-up`);
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    // The first Tab reaches the skip link, which moves focus to the screen's content.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    // The form in order: name, email, password, then the button; Enter submits.
    await page.keyboard.press('Tab');
    await page.keyboard.type('Key Board');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${randomUUID()}@example.com`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // Tab along the navigation to Gear and open it with Enter.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Dashboard' }).focus();
    for (let step = 0; step < 20; step += 1) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Gear') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Gear' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/gear');
    await context.close();
  });

  it('opens every path a notification links to on the screen that shows it', async () => {
    const origin = pulse().gatewayOrigin;
    const { context } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    await signUpInBrowser(page, origin, 'Link Follower');
    const catalogue = readFileSync(
      join(repoRoot, 'subgraphs/notifications/src/workflows/workflow-catalogue.ts'),
      'utf8',
    );
    const paths = [...catalogue.matchAll(/path: [`']([^`']+)[`']/g)].map((match) =>
      match[1]!.replace(/\$\{[^}]+\}/g, randomUUID()),
    );
    expect(paths.length).toBeGreaterThan(10);
    for (const path of new Set(paths)) {
      const redirect = NOTIFICATION_PATHS.find((entry) =>
        new RegExp(`^${entry.path.replace(/:\w+/g, '[^/]+')}$`).test(path),
      );
      await page.goto(`${origin}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect({ path, shown: new URL(page.url()).pathname }).toEqual({ path, shown: redirect?.to ?? path });
    }
    await context.close();
  });
});
