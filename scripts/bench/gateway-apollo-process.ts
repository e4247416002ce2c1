/**
 * Child process of `npm run bench:gateway`: a plain @apollo/gateway + @apollo/server standalone server on
 * the same supergraph, forwarding the Authorization header (and sending the subgraph secret, as Pulse does)
 * with a minimal RemoteGraphQLDataSource and nothing else (no token verification, no plugins): the baseline
 * Pulse is compared with.
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

runAsChild<GatewayInput, GatewayInfo>(async ({ subgraphUrls, subgraphSecret }) => {
  // As Pulse's gateway runs: no usage reports to Apollo's servers.
  keepApolloTelemetryOff();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdlWithUrls(subgraphUrls),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<PlainContext>({
        url,
        willSendRequest({ request, context }) {
          request.http?.headers.set(SUBGRAPH_SECRET_HEADER, subgraphSecret);
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<PlainContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  return { info: { url: new URL('/graphql', url).toString() }, stop: () => server.stop() };
});
