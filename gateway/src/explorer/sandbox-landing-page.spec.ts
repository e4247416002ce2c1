import type { GraphQLServerContext, GraphQLServerListener } from '@apollo/server';
import { sandboxLandingPage, withSandboxFallback } from './sandbox-landing-page';

const FALLBACK = '<script src="/explorer/sandbox-fallback.js"></script>';

async function renderedPage(): Promise<string> {
  const listener = (await sandboxLandingPage().serverWillStart!(
    {} as GraphQLServerContext,
  )) as GraphQLServerListener;
  const { html } = await listener.renderLandingPage!();
  return typeof html === 'string' ? html : html();
}

describe('sandboxLandingPage', () => {
  it("puts the fallback in the head of Apollo's Sandbox page, ahead of the script from Apollo's CDN", async () => {
    const page = await renderedPage();
    const sandboxScript = page.indexOf('https://embeddable-sandbox.cdn.apollographql.com/');
    expect(sandboxScript).toBeGreaterThan(0);
    expect(page.indexOf(FALLBACK)).toBeGreaterThan(page.indexOf('<head>'));
    expect(page.indexOf(FALLBACK)).toBeLessThan(sandboxScript);
  });

  it("keeps Apollo's Content-Security-Policy, which allows the gateway's own scripts", async () => {
    expect(await renderedPage()).toMatch(/Content-Security-Policy" content="script-src 'self' /);
  });
});

describe('withSandboxFallback', () => {
  it('puts the script first when the page has no head', () => {
    expect(withSandboxFallback('<div></div>')).toBe(`${FALLBACK}\n<div></div>`);
  });
});
