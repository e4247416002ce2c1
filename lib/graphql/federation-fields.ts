/**
 * `_service` (the subgraph's SDL) and `_entities` (entity fetches by key): fields of a subgraph's Query that
 * only the gateway asks for. A client asking for them could read the whole schema, or fetch any entity by
 * key in bulk without going through the gateway's checks.
 */
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { SUBGRAPH_SECRET_HEADER } from '../server/subgraph-secret';

const FEDERATION_FIELDS = new Set(['_service', '_entities']);

/** The federation fields among the operation's top-level fields, through fragments, whatever their alias. */
export function federationFieldsOf(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const found = new Set<string>();
  const visit = (set: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (FEDERATION_FIELDS.has(selection.name.value)) found.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return [...found];
}

/** FORBIDDEN (HTTP 403) for an operation asking for federation fields, or null if it asks for none. */
export function federationAccessError(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): GraphQLError | null {
  const fields = federationFieldsOf(document, operation);
  if (fields.length === 0) return null;
  return new GraphQLError(
    `${fields.join(' and ')} answer only the Pulse gateway, which presents the subgraph secret (${SUBGRAPH_SECRET_HEADER}); query the gateway instead.`,
    { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
  );
}
