/**
 * Child process of `npm run bench:gateway`: a plain @apollo/gateway + @apollo/server standalone server, the
 * baseline Pulse is compared with. The guild workload runs it as The Guild's benchmark does
 * (gateways/apollo-gateway/index.ts: `new ApolloGateway({ supergraphSdl })`, one process). The Pulse
 * workload adds a minimal RemoteGraphQLDataSource forwarding the Authorization header and sending the
 * subgraph secret, as Pulse does, and nothing else (no token verification, no plugins).
 */
import { keepApolloTelemetryOff } from '../../lib/config/apollo-telemetry';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { SUBGRAPH_SECRET_HEADER } from '../../lib/server/subgraph-secret';
import { runAsChild } from './gateway-child';
import type { GatewayInfo, GatewayInput } from './gateway-input';
import { supergraphSdlWithUrls } from './gateway-supergraph';

interface PlainContext {
  authorization?: string;
}

function forwardingAuthorization(subgraphSecret: string) {
  return ({ url }: { url?: string }) =>
    new RemoteGraphQLDataSource<PlainContext>({
      url,
      willSendRequest({ request, context }) {
        request.http?.headers.set(SUBGRAPH_SECRET_HEADER, subgraphSecret);
        if (context.authorization) request.http?.headers.set('authorization', context.authorization);
      },
    });
}

runAsChild<GatewayInput, GatewayInfo>(async ({ supergraphPath, subgraphUrls, pulse }) => {
  // As Pulse's gateway runs: no usage reports to Apollo's servers.
  keepApolloTelemetryOff();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdlWithUrls(supergraphPath, subgraphUrls),
    ...(pulse && { buildService: forwardingAuthorization(pulse.subgraphSecret) }),
  });
  const server = new ApolloServer<PlainContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    // Apollo's default is `async () => ({})`: the guild workload's context costs the same.
    context: async ({ req }) => (pulse ? { authorization: req.headers.authorization } : {}),
  });
  return { info: { url: new URL('/graphql', url).toString() }, stop: () => server.stop() };
});
