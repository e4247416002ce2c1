/**
 * Refuses, as the client's mistake, what @apollo/gateway cannot execute and would answer with a 500: a
 * document without the operation `operationName` names (or several operations and no name), and a
 * subscription sent as a plain POST (subscriptions go over graphql-ws or SSE).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unresolvedOperation } from '../../lib/graphql/operation-check';
import { subscriptionOverPlainHttp } from './subscriptions/subscription-errors';

export function executableOperationPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) throw unresolvedOperation(request.operationName, { status: 400 });
          if (operation.operation === 'subscription') throw subscriptionOverPlainHttp();
        },
      };
    },
  };
}
