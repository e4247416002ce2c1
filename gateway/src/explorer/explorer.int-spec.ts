import type { RunningServer } from '../../../lib/server/subgraph-server';
import { startTestGateway } from '../test-gateway';

// No subgraph is asked anything here: port 9 (discard) is closed.
const subgraphUrls = { identity: 'http://127.0.0.1:9/graphql', training: 'http://127.0.0.1:9/graphql' };
const AS_A_BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const FALLBACK = '<script src="/explorer/sandbox-fallback.js"></script>';

describe.each([
  { mode: 'development (SANDBOX=true)', sandbox: 'true' },
  { mode: 'production (SANDBOX=false)', sandbox: 'false' },
])('the landing page and the explorer in $mode', ({ sandbox }) => {
  let gateway: RunningServer;
  let origin: string;
  beforeAll(async () => {
    gateway = await startTestGateway({ subgraphUrls, env: { SANDBOX: sandbox } });
    origin = new URL(gateway.url).origin;
  });
  afterAll(() => gateway.stop());

  if (sandbox === 'true') {
    it('offers Apollo Sandbox with the local explorer as its fallback, and serves the explorer', async () => {
      const landing = await (await fetch(gateway.url, { headers: AS_A_BROWSER })).text();
      expect(landing).toContain('embeddable-sandbox.umd');
      expect(landing).toContain(FALLBACK);
      for (const path of ['/explorer', '/explorer?endpoint=partner', '/explorer/sandbox-fallback.js']) {
        const response = await fetch(`${origin}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      }
    });
  } else {
    it('serves neither Apollo Sandbox nor the explorer', async () => {
      const landing = await (await fetch(gateway.url, { headers: AS_A_BROWSER })).text();
      expect(landing).not.toContain('embeddable-sandbox.umd');
      expect(landing).not.toContain(FALLBACK);
      for (const path of ['/explorer', '/explorer?endpoint=partner', '/explorer/sandbox-fallback.js']) {
        expect((await fetch(`${origin}${path}`)).status).toBe(404);
      }
    });
  }
});
