/** How the partner API calls a subgraph: anonymously (no user token), naming the partner in `x-partner-id`. */
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../gateway-context';
import { SubgraphDataSource } from '../subgraph-data-source';

export interface PartnerContext extends GatewayContext {
  /** The id of the partner API key the request was authenticated with. */
  partnerId: string;
}

export class PartnerDataSource extends SubgraphDataSource {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    super.willSendRequest(options);
    const { request, context } = options;
    if (request.http && 'partnerId' in context) {
      request.http.headers.delete('authorization');
      request.http.headers.set('x-partner-id', String(context.partnerId));
    }
  }
}
