/**
 * An Apollo Server plugin that refuses, before any query plan is built or subgraph called, an operation
 * selecting a field whose `@auth` the caller does not satisfy (the subgraphs check it again).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Viewer } from '../../../lib/auth/viewer';
import type { AuthRequirements } from '../../../lib/graphql/auth-directive';
import { assertOperationAccess } from './operation-access';

/** `requirementsOf` gives the requirements of the supergraph served now (it may be reloaded). */
export function authCheckPlugin<C extends { viewer: Viewer | null }>(
  requirementsOf: () => AuthRequirements,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          // Apollo resolves the operation before this hook: without one, it has answered already.
          if (!operation) return;
          const requirements = requirementsOf();
          assertOperationAccess({ schema, document, operation, viewer: contextValue.viewer, requirements });
        },
      };
    },
  };
}
