/**
 * Child process of `npm run bench:gateway`: a plain @apollo/gateway + @apollo/server standalone server on
 * the same supergraph, forwarding the Authorization header with a minimal RemoteGraphQLDataSource and
 * nothing else (no token verification, no plugins): the baseline Pulse is compared with.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { runAsChild } from './gateway-child';
import type { GatewayInfo, GatewayInput } from './gateway-input';
import { supergraphSdlWithUrls } from './gateway-supergraph';

interface PlainContext {
  authorization?: string;
}

runAsChild<GatewayInput, GatewayInfo>(async ({ subgraphUrls }) => {
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdlWithUrls(subgraphUrls),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<PlainContext>({
        url,
        willSendRequest({ request, context }) {
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
