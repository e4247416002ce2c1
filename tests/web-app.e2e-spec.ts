import { PASSWORD } from './support/athletes';
import { offlineButForGateway, screenshot, useChromium } from './support/browser';
import { useTestPlatform } from './support/test-platform';
import { sessionOfPage, signUpInBrowser } from './support/web-app';

const pulse = useTestPlatform();
const browser = useChromium();

describe('the web app', () => {
  it('is served at / by the gateway under a policy that allows nothing from elsewhere', async () => {
    const page = await fetch(`${pulse().gatewayOrigin}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<div id="root"></div>');
    // Any page of the app is the same page; the API keeps its answers.
    const deepLink = await fetch(`${pulse().gatewayOrigin}/workouts/abc`, {
      headers: { accept: 'text/html' },
    });
    expect(await deepLink.text()).toContain('<div id="root"></div>');
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
});
