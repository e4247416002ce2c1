/**
 * Child process of `npm run bench:gateway`: Hive Gateway's runtime (`createGatewayRuntime` from
 * @graphql-hive/gateway) on a Node.js HTTP server, on the same supergraph, forwarding the Authorization
 * header and the subgraph secret to the subgraphs and nothing else configured.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { SUBGRAPH_SECRET_HEADER } from '../../lib/server/subgraph-secret';
import { runAsChild } from './gateway-child';
import type { GatewayInfo, GatewayInput } from './gateway-input';
import { supergraphSdlWithUrls } from './gateway-supergraph';

runAsChild<GatewayInput, GatewayInfo>(async ({ subgraphUrls, subgraphSecret }) => {
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdlWithUrls(subgraphUrls),
    logging: 'error',
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization'),
        [SUBGRAPH_SECRET_HEADER]: subgraphSecret,
      }),
    },
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    info: { url: `http://127.0.0.1:${port}/graphql` },
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
});
