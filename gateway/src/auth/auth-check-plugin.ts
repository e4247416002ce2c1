/**
 * An Apollo Server plugin that refuses, before any query plan is built or subgraph called, an operation
 * selecting a field whose `@auth` the caller does not satisfy (the subgraphs check it again).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Viewer } from '../../../lib/auth/viewer';
import type { AuthRequirements } from '../../../lib/graphql/auth-directive';
import { assertOperationAccess } from './operation-access';

export function authCheckPlugin<C extends { viewer: Viewer | null }>(
  requirements: AuthRequirements,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          // Apollo resolves the operation before this hook: without one, it has answered already.
          if (!operation) return;
          assertOperationAccess({ schema, document, operation, viewer: contextValue.viewer, requirements });
        },
      };
    },
  };
}
