/** A live subscription through the gateway (graphql-ws), collecting what it receives. */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestPlatform } from './test-platform';

export function liveSubscription<T>(pulse: TestPlatform, token: string, query: string, field: string) {
  const received: T[] = [];
  const client = createClient({
    url: pulse.platform.gateway.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  client.subscribe<Record<string, T>>(
    { query },
    {
      next: (result) => result.data && received.push(result.data[field]!),
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return { received, close: () => client.dispose() };
}
