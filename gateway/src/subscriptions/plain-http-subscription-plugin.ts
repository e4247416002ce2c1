/**
 * A subscription sent as a plain POST (no `Accept: text/event-stream`) reaches Apollo Server, whose gateway
 * cannot execute it: refuse it as the client's mistake, with where to send it instead.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { subscriptionOverPlainHttp } from './subscription-errors';

export function plainHttpSubscriptionPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') throw subscriptionOverPlainHttp();
        },
      };
    },
  };
}
