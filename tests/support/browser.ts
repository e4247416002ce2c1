/**
 * Debian's Chromium driven by playwright-core, for the explorer's and the web app's end-to-end tests: the
 * same flags, offline but for the gateway, screenshots written where CI keeps artefacts.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../../lib/paths';
import { useFixture } from '../../lib/testing/fixture';

// Proven in a real browser, as it is used. Without one these tests fail rather than skip.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A page that keeps busy on a shared 2-core machine: be patient. */
export const PATIENCE_MS = 30_000;
/** Screenshots of the web app's screens (git-ignored; CI keeps the folder as an artefact). */
export const SCREENSHOTS_DIR = join(repoRoot, 'test-artifacts', 'web');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `These tests drive Chromium, which is not at ${CHROMIUM}: install Debian's chromium ` +
        '(apt-get install chromium), or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** Chromium for the tests of a describe block (or file): launched before them, closed after them. */
export const useChromium = () => useFixture(launchChromium);

/**
 * A browser context that reaches the gateway and nothing else: every other request is recorded in
 * `outsideRequests`, then refused as if the machine had no internet.
 */
export async function offlineButForGateway(
  browser: Browser,
  gatewayOrigin: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; outsideRequests: string[] }> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(PATIENCE_MS);
  const outsideRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === gatewayOrigin) return route.continue();
    outsideRequests.push(url);
    return route.abort('internetdisconnected');
  });
  return { context, outsideRequests };
}

/** Saves a full-page screenshot as test-artifacts/web/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}
