import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { explorerContentSecurityPolicy } from './content-security-policy';
import { explorerRouter } from './explorer-routes';

const A_BUILD = {
  'index.html': '<!doctype html><script type="module" src="/explorer/assets/explorer-Ab12.js"></script>',
  'assets/explorer-Ab12.js': 'console.log("explorer")',
  'sandbox-fallback.js': '(() => {})();',
};

/** The explorer's routes on a free port, in front of `files` in a folder named like the real one (.build). */
async function newTestExplorer(files: Record<string, string> = A_BUILD) {
  const root = mkdtempSync(join(tmpdir(), 'pulse-explorer-'));
  const buildDir = join(root, '.build', 'explorer');
  mkdirSync(buildDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(buildDir, name)), { recursive: true });
    writeFileSync(join(buildDir, name), text);
  }
  const logger = pino({ level: 'silent' });
  const warn = jest.spyOn(logger, 'warn');
  const app = express().use('/explorer', explorerRouter({ logger, buildDir }));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: (path: string) => fetch(`${origin}${path}`),
    origin,
    warn,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

let explorer: Awaited<ReturnType<typeof newTestExplorer>> | undefined;
afterEach(async () => {
  await explorer?.close();
  explorer = undefined;
});

describe('explorerRouter', () => {
  it("serves the page to be revalidated, under a policy that allows the gateway's origin and WebSocket only", async () => {
    explorer = await newTestExplorer();
    for (const path of ['/explorer', '/explorer/', '/explorer?endpoint=partner']) {
      const response = await explorer.get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('etag')).toBeTruthy();
      expect(response.headers.get('content-security-policy')).toBe(
        explorerContentSecurityPolicy(new URL(explorer.origin).host),
      );
      expect(await response.text()).toBe(A_BUILD['index.html']);
    }
    expect(explorer.warn).not.toHaveBeenCalled();
  });

  it('lets browsers keep the hashed assets for good', async () => {
    explorer = await newTestExplorer();
    const response = await explorer.get('/explorer/assets/explorer-Ab12.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await explorer.get('/explorer/assets/missing.js')).status).toBe(404);
  });

  it("serves the sandbox fallback under its fixed name, to be revalidated (Apollo's page names it)", async () => {
    explorer = await newTestExplorer();
    const response = await explorer.get('/explorer/sandbox-fallback.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(A_BUILD['sandbox-fallback.js']);
  });

  it('says how to build the explorer when it is not built', async () => {
    explorer = await newTestExplorer({});
    const response = await explorer.get('/explorer');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build:explorer/);
    expect(explorer.warn).toHaveBeenCalledTimes(1);
  });
});

describe('explorerContentSecurityPolicy', () => {
  it('allows the WebSocket of the host the page was asked from', () => {
    expect(explorerContentSecurityPolicy('localhost:4000')).toContain(
      "connect-src 'self' ws://localhost:4000 wss://localhost:4000;",
    );
    expect(explorerContentSecurityPolicy('[::1]:4000')).toContain('ws://[::1]:4000');
  });

  it('leaves out a Host header that is not a host', () => {
    for (const host of [undefined, 'evil.example; script-src *', 'a b', '']) {
      expect(explorerContentSecurityPolicy(host)).toContain("connect-src 'self';");
    }
  });
});
