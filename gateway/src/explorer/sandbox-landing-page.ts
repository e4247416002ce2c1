/**
 * The gateway's landing page (a browser's GET of /graphql) while the sandbox is on: Apollo's Sandbox page
 * with the explorer's fallback script in its head, which opens the local explorer when Sandbox cannot be
 * loaded from Apollo's CDN (offline) and adds links to it when it can (gateway/explorer/src/sandbox-fallback.ts).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { EXPLORER_PATH } from './explorer-routes';

/** Apollo's page allows scripts from 'self' (its Content-Security-Policy): the fallback is one. */
export function withSandboxFallback(html: string): string {
  const script = `<script src="${EXPLORER_PATH}/sandbox-fallback.js"></script>`;
  return html.includes('<head>') ? html.replace('<head>', `<head>\n    ${script}`) : `${script}\n${html}`;
}

export function sandboxLandingPage<TContext extends object>(): ApolloServerPlugin<TContext> {
  const apollo = ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  return {
    async serverWillStart(service) {
      const render = (await apollo.serverWillStart?.(service))?.renderLandingPage;
      if (!render) throw new Error("Apollo's landing page plugin rendered no page.");
      return {
        async renderLandingPage() {
          const { html } = await render();
          return { html: async () => withSandboxFallback(typeof html === 'string' ? html : await html()) };
        },
      };
    },
  };
}
