import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '../lib/testing/eventually';
import {
  IssuePartnerApiKeyDocument,
  RegisterDocument,
  StartWithIdDocument,
} from './__generated__/operations';
import { anAthlete, PASSWORD } from './support/athletes';
import { launchChromium, offlineButForGateway, PATIENCE_MS } from './support/browser';
import { useTestPlatform } from './support/test-platform';
import { ndjson, runSamples } from './support/tracks';

const ADMIN_EMAIL = `admin-${randomUUID()}@example.com`;
const pulse = useTestPlatform({ ADMIN_EMAILS: ADMIN_EMAIL });

/** The browser is offline but for the gateway: every other request is recorded, then refused. */
let browser: Browser;
let context: BrowserContext;
let outsideRequests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  ({ context, outsideRequests } = await offlineButForGateway(browser, pulse().gatewayOrigin));
  // Whatever the Content-Security-Policy refuses would fail silently: collect it.
  await context.addInitScript(() => {
    const page = window as unknown as { refused: string[] };
    page.refused = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      page.refused.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(() => {
  outsideRequests.length = 0;
});

interface ExplorerPage {
  page: Page;
  /** The URLs of the WebSockets the page opened. */
  webSockets: string[];
}

async function openExplorer(path: string): Promise<ExplorerPage> {
  const page = await context.newPage();
  const webSockets: string[] = [];
  page.on('websocket', (socket) => webSockets.push(socket.url()));
  // Every page starts as a first visit: a tab kept by an earlier test (GraphiQL keeps them in localStorage)
  // would carry its operation name, which GraphiQL sends until its debounce sees the new text.
  await page.addInitScript(() => window.localStorage.clear());
  await page.goto(`${pulse().gatewayOrigin}${path}`);
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
  return { page, webSockets };
}

/** Replaces the text of a Monaco editor as a user would: click, select all, type (pasted in one go). */
async function setEditor(page: Page, editor: 'operation' | 'headers', text: string) {
  if (editor === 'headers') await page.getByRole('button', { name: 'Headers', exact: true }).click();
  const container = editor === 'operation' ? '.graphiql-query-editor' : '.graphiql-editor-tool';
  await page.locator(`${container} .monaco-editor .view-lines`).filter({ visible: true }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  if (editor === 'operation') {
    // GraphiQL takes in an edit (the operation name it will send) 100 ms later, then stores the text: a
    // click before that would run the new text under the old operation's name, as a fast user's would.
    await page.waitForFunction(
      (typed) => Object.keys(window.localStorage).some((key) => window.localStorage.getItem(key) === typed),
      text,
    );
  }
}

/** The response pane's text, its whitespace collapsed (Monaco wraps long lines, with non-breaking spaces). */
async function responseText(page: Page): Promise<string> {
  return (await page.locator('.graphiql-response').innerText()).replace(/[\s\u00a0]+/g, ' ');
}

async function refusedByPolicy(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { refused: string[] }).refused);
}

describe('the GraphQL explorer, offline', () => {
  it('is served by the gateway alone, under a policy that allows nothing else', async () => {
    const response = await fetch(`${pulse().gatewayOrigin}/explorer`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const policy = response.headers.get('content-security-policy');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    const asset = (await response.text()).match(/\/explorer\/assets\/[\w.-]+\.js/)?.[0];
    const assetResponse = await fetch(`${pulse().gatewayOrigin}${asset}`);
    expect(assetResponse.status).toBe(200);
    expect(assetResponse.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('runs an operation against /graphql and shows its result', async () => {
    const { page } = await openExplorer('/explorer');
    const email = `${randomUUID()}@example.com`;
    await setEditor(
      page,
      'operation',
      `mutation SignUp { register(email: "${email}", password: "${PASSWORD}", displayName: "Ella Explorer") { user { email displayName } } }`,
    );
    await page.locator('.graphiql-execute-button').click();

    await eventually(async () => {
      const shown = await responseText(page);
      expect(shown).toContain(`"email": "${email}"`);
      expect(shown).toContain('"displayName": "Ella Explorer"');
    }, PATIENCE_MS);
    expect(outsideRequests).toEqual([]);
    expect(await refusedByPolicy(page)).toEqual([]);
    await page.close();
  });

  it('runs a subscription over graphql-ws with the token of its headers, and shows what the gateway pushes', async () => {
    const { accessToken } = await anAthlete(pulse(), 'Sam Subscriber');
    const startedAt = Date.now() - 3_600_000;
    const started = await pulse().send(
      StartWithIdDocument,
      { sport: 'RUN', startedAt: new Date(startedAt).toISOString() },
      accessToken,
    );
    const workoutId = started.data!.startWorkout.id;
    const { page, webSockets } = await openExplorer('/explorer');
    await setEditor(page, 'headers', `{ "Authorization": "Bearer ${accessToken}" }`);
    await setEditor(
      page,
      'operation',
      `subscription Live { workoutProgress(workoutId: "${workoutId}") { workoutId status sampleCount athlete { displayName } } }`,
    );
    await page.locator('.graphiql-execute-button').click();

    // The current figures at once, with the athlete's name from identity …
    await eventually(async () => {
      const shown = await responseText(page);
      expect(shown).toContain('"status": "IN_PROGRESS"');
      expect(shown).toContain('"sampleCount": 0');
      expect(shown).toContain('"displayName": "Sam Subscriber"');
    }, PATIENCE_MS);
    // … then the figures after a telemetry batch, sent by someone else.
    const batch = await fetch(`${pulse().gatewayOrigin}/telemetry/workouts/${workoutId}/batches/explorer-1`, {
      method: 'POST',
      body: ndjson(runSamples({ start: startedAt, seconds: 299, speed: 3, heartRate: 140 })),
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${accessToken}` },
    });
    expect(batch.status).toBe(200);
    await eventually(
      async () => expect(await responseText(page)).toContain('"sampleCount": 300'),
      PATIENCE_MS,
    );

    const gatewayWebSocket = `${pulse().gatewayOrigin.replace(/^http/, 'ws')}/graphql`;
    expect(new Set(webSockets)).toEqual(new Set([gatewayWebSocket]));
    expect(outsideRequests).toEqual([]);
    expect(await refusedByPolicy(page)).toEqual([]);
    await page.close();
  });

  it('opens the partner API, whose docs load once an API key is in the headers', async () => {
    const admin = await pulse().send(RegisterDocument, {
      email: ADMIN_EMAIL,
      password: PASSWORD,
      displayName: 'Ada Admin',
    });
    const issued = await pulse().send(
      IssuePartnerApiKeyDocument,
      { name: 'Explorer Watches' },
      admin.data!.register.accessToken,
    );
    const { key } = issued.data!.issuePartnerApiKey;
    const { page } = await openExplorer('/explorer?endpoint=partner');
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    // Without a key the partner API answers nothing, introspection included, and says why.
    await eventually(async () => {
      expect(await docs.innerText()).toContain('Error fetching schema');
      expect(await responseText(page)).toContain('The partner API needs an API key: send it as');
    }, PATIENCE_MS);

    await setEditor(page, 'headers', `{ "x-api-key": "${key}" }`);
    await docs.getByRole('link', { name: 'Query' }).click();
    await eventually(async () => expect(await docs.innerText()).toContain('publicWorkouts'), PATIENCE_MS);
    expect(outsideRequests).toEqual([]);
    expect(await refusedByPolicy(page)).toEqual([]);
    await page.close();
  });
});

describe('the landing page of /graphql', () => {
  it('tries Apollo Sandbox, then opens the local explorer when Sandbox cannot be loaded', async () => {
    const page = await context.newPage();
    await page.goto(`${pulse().gatewayOrigin}/graphql`);
    await page.waitForURL(/\/explorer\?sandbox=unavailable$/);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await page.getByRole('link', { name: 'Apollo Sandbox (could not be loaded)' }).waitFor();

    // Only Apollo's page reached out (its CDN, its fonts), and was refused.
    expect(outsideRequests).toContainEqual(
      expect.stringMatching(/^https:\/\/embeddable-sandbox\.cdn\.apollographql\.com\//),
    );
    for (const url of outsideRequests) {
      expect(new URL(url).hostname).toMatch(/(^|\.)(apollographql\.com|fonts\.googleapis\.com)$/);
    }
    await page.close();
  });

  it('keeps Apollo Sandbox when it loads, with links to the local explorers above it', async () => {
    const page = await context.newPage();
    // Apollo's CDN, as far as this page can tell: a Sandbox that marks where it was put.
    await page.route('https://embeddable-sandbox.cdn.apollographql.com/**', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.EmbeddedSandbox = function (options) {
          document.querySelector(options.target).dataset.endpoint = options.initialEndpoint;
        };`,
      }),
    );
    await page.goto(`${pulse().gatewayOrigin}/graphql`);

    const links = page.getByRole('navigation', { name: 'Pulse explorers' });
    await links.getByRole('link', { name: 'Local explorer (works offline)' }).waitFor();
    await links.getByRole('link', { name: 'Partner API explorer' }).waitFor();
    expect(await page.locator('#embeddableSandbox').getAttribute('data-endpoint')).toBe(
      `${pulse().gatewayOrigin}/graphql`,
    );
    // Past the fallback's deadline, still on Sandbox.
    await page.waitForTimeout(7_000);
    expect(new URL(page.url()).pathname).toBe('/graphql');
    await page.close();
  });
});
