/**
 * Child process of `npm run bench:gateway`: Hive Gateway's runtime (`createGatewayRuntime` from
 * @graphql-hive/gateway) on a Node.js HTTP server. The guild workload runs it as The Guild's benchmark
 * does (gateways/hive-gateway: `hive-gateway supergraph supergraph.graphql --jit` with
 * `inboundInflightRequestDeduplication: true`, and once with it off); the Pulse workload forwards the
 * Authorization header and the subgraph secret to the subgraphs and configures nothing else.
 */
import { createServer } from 'node:http';
import { createGatewayRuntime, getBuiltinPluginsFromConfig } from '@graphql-hive/gateway';
import { SUBGRAPH_SECRET_HEADER } from '../../lib/server/subgraph-secret';
import { listenOn } from '../../lib/testing/listen';
import { runAsChild } from './gateway-child';
import type { GatewayInfo, GatewayInput } from './gateway-input';
import { supergraphSdlWithUrls } from './gateway-supergraph';

runAsChild<GatewayInput, GatewayInfo>(async ({ supergraphPath, subgraphUrls, pulse, dedup, jit }) => {
  // The plugins the hive-gateway command adds for its flags: here only --jit's, which reads none of the
  // command's context (cache, log, pubsub, cwd are for other flags' plugins).
  const builtinPlugins = await getBuiltinPluginsFromConfig(
    { jit: jit ?? false },
    {} as Parameters<typeof getBuiltinPluginsFromConfig>[1],
  );
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdlWithUrls(supergraphPath, subgraphUrls),
    logging: 'error',
    inboundInflightRequestDeduplication: dedup ?? false,
    plugins: () => builtinPlugins,
    ...(pulse && {
      propagateHeaders: {
        fromClientToSubgraphs: ({ request }) => ({
          authorization: request.headers.get('authorization'),
          [SUBGRAPH_SECRET_HEADER]: pulse.subgraphSecret,
        }),
      },
    }),
  });
  const server = createServer(runtime);
  const origin = await listenOn(server);
  return {
    info: { url: `${origin}/graphql` },
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
});
