/** How the gateway calls a subgraph: the caller's token and the correlation id travel with every fetch. */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './gateway-context';

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('correlationId' in context)) return; // health checks carry no request context
    if (context.accessToken) headers.set('authorization', `Bearer ${context.accessToken}`);
    headers.set('x-correlation-id', context.correlationId);
  }
}
