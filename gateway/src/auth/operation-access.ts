/**
 * Checks an operation against `@auth` before the gateway plans it: every field the operation selects (its
 * fragments included) is looked up in the supergraph's requirements. Throws the first refusal.
 */
import {
  GraphQLError,
  Kind,
  TypeInfo,
  isAbstractType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { assertAccess } from '../../../lib/auth/access-rule';
import type { Viewer } from '../../../lib/auth/viewer';
import { DomainError } from '../../../lib/errors/domain-error';
import type { AuthRequirements } from '../../../lib/graphql/auth-directive';

const HTTP_STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403 } as const;

/** The operation and only the fragments it reaches (a document may hold other operations' fragments). */
function reachableDocument(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const reached = new Map<string, FragmentDefinitionNode>();
  const walk = (selectionSet: SelectionSetNode) =>
    visit(selectionSet, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment || reached.has(fragment.name.value)) return;
        reached.set(fragment.name.value, fragment);
        walk(fragment.selectionSet);
      },
    });
  walk(operation.selectionSet);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...reached.values()] };
}

/**
 * Throws a GraphQLError (UNAUTHENTICATED, HTTP 401 / FORBIDDEN, HTTP 403) for the first field `viewer` may
 * not select. On an interface or union, the field's requirements on every possible type apply.
 */
export function assertOperationAccess(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  viewer: Viewer | null;
  requirements: AuthRequirements;
}): void {
  const { schema, requirements, viewer } = args;
  if (requirements.size === 0) return;
  const typeInfo = new TypeInfo(schema);
  visit(
    reachableDocument(args.document, args.operation),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        const owners = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
        for (const owner of owners) {
          const coordinate = `${owner.name}.${node.name.value}`;
          const required = requirements.get(coordinate);
          if (!required) continue;
          try {
            assertAccess(viewer, required, coordinate);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            const status = error.code === 'FORBIDDEN' ? HTTP_STATUS.FORBIDDEN : HTTP_STATUS.UNAUTHENTICATED;
            throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status } } });
          }
        }
      },
    }),
  );
}
