/**
 * Runs first on the gateway's landing page (Apollo's Sandbox page, see
 * gateway/src/explorer/sandbox-landing-page.ts): when Apollo Sandbox cannot be loaded from Apollo's CDN
 * (offline, blocked), it opens the local explorer instead; when it can, it adds a bar with links to the
 * local explorer above it. A classic script, not a module: it must run before the page's CDN script.
 */

const SANDBOX_CDN = 'embeddable-sandbox.cdn.apollographql.com';
/** A network that drops packets instead of refusing them would keep the page waiting for minutes. */
const SANDBOX_TIMEOUT_MS = 6_000;
const BAR_HEIGHT = '2rem';

const sandboxLoaded = () => 'EmbeddedSandbox' in window;
let leaving = false;

function openLocalExplorer(): void {
  if (leaving || sandboxLoaded()) return;
  leaving = true;
  window.location.replace('/explorer?sandbox=unavailable');
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  anchor.style.color = 'inherit';
  return anchor;
}

/** Styles are set through the DOM: the page's Content-Security-Policy (Apollo's) refuses inline styles. */
function addLinkBar(): void {
  const bar = document.createElement('nav');
  bar.setAttribute('aria-label', 'Pulse explorers');
  Object.assign(bar.style, {
    position: 'absolute',
    top: '0',
    left: '0',
    right: '0',
    height: BAR_HEIGHT,
    display: 'flex',
    alignItems: 'center',
    gap: '1.5rem',
    padding: '0 1rem',
    font: '14px system-ui, sans-serif',
    background: '#0f172a',
    color: '#e2e8f0',
  });
  bar.append(
    'Apollo Sandbox',
    link('/explorer', 'Local explorer (works offline)'),
    link('/explorer?endpoint=partner', 'Partner API explorer'),
  );
  document.body.prepend(bar);
  const sandbox = document.getElementById('embeddableSandbox');
  if (sandbox) Object.assign(sandbox.style, { top: BAR_HEIGHT, height: `calc(100vh - ${BAR_HEIGHT})` });
}

// A script that fails to load fires `error` on its element, which does not bubble: listen while capturing.
window.addEventListener(
  'error',
  (event) => {
    if (event.target instanceof HTMLScriptElement && event.target.src.includes(SANDBOX_CDN)) {
      openLocalExplorer();
    }
  },
  true,
);
setTimeout(openLocalExplorer, SANDBOX_TIMEOUT_MS);
document.addEventListener('DOMContentLoaded', () => {
  if (sandboxLoaded()) addLinkBar();
  else openLocalExplorer();
});
