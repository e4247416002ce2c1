/** Stopping a graphql-ws server: the subgraphs' (lib/server/graphql-ws.ts) and the gateway's. */
import type { WebSocketServer } from 'ws';

/** How long sockets have to answer the "going away" close on stop before they are cut off. */
const WEBSOCKET_CLOSE_GRACE_MS = 2_000;

/** Closes every socket with 1001 "Going away" (graphql-ws's dispose); those that do not answer in time are cut off. */
export async function closeWebSockets(
  webSocketServer: WebSocketServer,
  graphqlWs: { dispose(): void | Promise<void> },
): Promise<void> {
  const cutOff = setTimeout(() => {
    for (const socket of webSocketServer.clients) socket.terminate();
  }, WEBSOCKET_CLOSE_GRACE_MS);
  try {
    await graphqlWs.dispose();
  } finally {
    clearTimeout(cutOff);
  }
}
