import { explorerPlugin } from '@graphiql/plugin-explorer';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useEffect, useMemo } from 'react';
import type { Endpoint } from './endpoints';
import { namespacedStorage } from './namespaced-storage';

/** How long after the last keystroke in the headers a failed schema load is tried again. */
const RETRY_AFTER_TYPING_MS = 500;

const plugins = [explorerPlugin()];

/** GraphiQL on one endpoint, with its own storage, hints in its headers and links to the other pages. */
export function Explorer({ endpoint, sandboxFailed }: { endpoint: Endpoint; sandboxFailed: boolean }) {
  const fetcher = useMemo(
    () => createGraphiQLFetcher({ url: endpoint.url, subscriptionUrl: endpoint.subscriptionUrl }),
    [endpoint],
  );
  const storage = useMemo(() => namespacedStorage(`pulse-explorer:${endpoint.name}`), [endpoint]);
  return (
    <GraphiQL
      fetcher={fetcher}
      storage={storage}
      plugins={plugins}
      defaultQuery={endpoint.defaultQuery}
      defaultHeaders={endpoint.defaultHeaders}
      defaultEditorToolsVisibility="headers"
    >
      {/* The logo slot is where GraphiQL renders our own components inside its provider (hooks work). */}
      <GraphiQL.Logo>
        <EndpointLinks current={endpoint} sandboxFailed={sandboxFailed} />
        <RetrySchemaWhenHeadersChange />
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

function EndpointLinks({ current, sandboxFailed }: { current: Endpoint; sandboxFailed: boolean }) {
  const link = (name: Endpoint['name'], href: string, label: string) =>
    name === current.name ? <strong>{label}</strong> : <a href={href}>{label}</a>;
  return (
    <nav className="pulse-endpoints" aria-label="Endpoints">
      {link('gateway', '/explorer', 'Gateway')}
      {link('partner', '/explorer?endpoint=partner', 'Partner API')}
      <a href="/graphql" title="Apollo Sandbox loads from Apollo's CDN: it needs internet access">
        {sandboxFailed ? 'Apollo Sandbox (could not be loaded)' : 'Apollo Sandbox'}
      </a>
    </nav>
  );
}

/**
 * The partner API answers introspection only with a valid key: once the schema could not be loaded, a
 * change of the headers tries again, so that pasting a key is enough to get the docs.
 */
function RetrySchemaWhenHeadersChange() {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const fetchError = useGraphiQL((state) => state.fetchError);
  const { introspect } = useGraphiQLActions();
  useEffect(() => {
    if (!headerEditor || !fetchError) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = headerEditor.onDidChangeModelContent(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void introspect(), RETRY_AFTER_TYPING_MS);
    });
    return () => {
      clearTimeout(timer);
      listener.dispose();
    };
  }, [headerEditor, fetchError, introspect]);
  return null;
}
