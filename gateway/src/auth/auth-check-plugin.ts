/**
 * An Apollo Server plugin that refuses, before any query plan is built or subgraph called, an operation
 * selecting a field whose `@auth` the caller does not satisfy (the subgraphs check it again).
 * The outcome depends only on the document, the operation and who asks (anonymous, or the set of roles),
 * so it is worked out once per such combination: Apollo Server hands the same parsed document to every
 * request of an operation it has seen.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { Viewer } from '../../../lib/auth/viewer';
import type { AuthRequirements } from '../../../lib/graphql/auth-directive';
import { assertOperationAccess } from './operation-access';

/** The error an operation gets for one kind of caller, or null when it may run. */
type Outcomes = Map<string, Error | null>;

const callerKind = (viewer: Viewer | null) => (viewer ? [...viewer.roles].sort().join(',') : 'anonymous');

/** `requirementsOf` gives the requirements of the supergraph served now (it may be reloaded). */
export function authCheckPlugin<C extends { viewer: Viewer | null }>(
  requirementsOf: () => AuthRequirements,
): ApolloServerPlugin<C> {
  // Per requirements (a reload starts afresh), per document: the outcome per operation and caller kind.
  const cache = new WeakMap<AuthRequirements, WeakMap<DocumentNode, Outcomes>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          // Apollo resolves the operation before this hook: without one, it has answered already.
          if (!operation) return;
          const requirements = requirementsOf();
          let byDocument = cache.get(requirements);
          if (!byDocument) cache.set(requirements, (byDocument = new WeakMap()));
          let outcomes = byDocument.get(document);
          if (!outcomes) byDocument.set(document, (outcomes = new Map()));
          const key = `${operation.name?.value ?? ''}\n${callerKind(contextValue.viewer)}`;
          let outcome = outcomes.get(key);
          if (outcome === undefined) {
            try {
              assertOperationAccess({
                schema,
                document,
                operation,
                viewer: contextValue.viewer,
                requirements,
              });
              outcome = null;
            } catch (error) {
              if (!(error instanceof Error)) throw error;
              outcome = error;
            }
            outcomes.set(key, outcome);
          }
          if (outcome) throw outcome;
        },
      };
    },
  };
}
