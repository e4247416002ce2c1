/** The explorer page: GraphiQL with Monaco's workers, styles and fonts bundled, nothing from a CDN. */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './explorer.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { endpointOf } from './endpoints';
import { Explorer } from './explorer';

const endpoint = endpointOf(window.location);
// The landing page of /graphql sends browsers here when Apollo Sandbox cannot be loaded (sandbox-fallback.ts).
const sandboxFailed = new URLSearchParams(window.location.search).get('sandbox') === 'unavailable';
document.title = `Pulse GraphQL explorer: ${endpoint.title}`;
createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <Explorer endpoint={endpoint} sandboxFailed={sandboxFailed} />
  </StrictMode>,
);
