/**
 * Estimates what an operation costs to answer, before it runs. The formula:
 *
 * - every field costs 1, times the number of its parent objects the operation may return;
 * - a list field with a selection multiplies its sub-selection by its size: its `first` / `last` / `limit`
 *   argument (a literal or a variable), else the page size of the connection right above it (a non-list
 *   field with such an argument, like `workouts(first: 10) { edges { … } }`), else DEFAULT_LIST_SIZE;
 * - a leaf field costs 1 even when it is a list of scalars (it comes back as one value);
 * - introspection (`__schema`, `__type`, `__typename`) is free.
 *
 * cost(field) = size × (1 + Σ cost(child)), where size is 1 for a non-list field.
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export const DEFAULT_LIST_SIZE = 20;
const PAGE_ARGUMENTS = new Set(['first', 'last', 'limit']);

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** What answering the operation is estimated to cost (the formula above). */
export function estimateCost({ schema, operation, fragments, variables }: CostInput): number {
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.INT) {
      defaults[definition.variable.name.value] = Number(definition.defaultValue.value);
    }
  }
  const valueOf = (name: string) => variables[name] ?? defaults[name];

  const pageSize = (field: FieldNode): number | undefined => {
    for (const argument of field.arguments ?? []) {
      if (!PAGE_ARGUMENTS.has(argument.name.value)) continue;
      const value =
        argument.value.kind === Kind.INT
          ? Number(argument.value.value)
          : argument.value.kind === Kind.VARIABLE
            ? valueOf(argument.value.name.value)
            : undefined;
      if (typeof value === 'number' && Number.isInteger(value)) return Math.max(0, value);
    }
    return undefined;
  };

  const costOf = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    pending: number | undefined,
    seen: ReadonlySet<string>,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, type ?? undefined, pending, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
        total += costOf(fragment.selectionSet, type, pending, new Set([...seen, fragment.name.value]));
      } else if (!selection.name.value.startsWith('__')) {
        const definition =
          isObjectType(parent) || isInterfaceType(parent)
            ? parent.getFields()[selection.name.value]
            : undefined;
        if (!definition || !selection.selectionSet) {
          total += 1;
          continue;
        }
        const size = pageSize(selection);
        const list = isListType(getNullableType(definition.type));
        const factor = list ? (size ?? pending ?? DEFAULT_LIST_SIZE) : 1;
        const children = costOf(
          selection.selectionSet,
          getNamedType(definition.type),
          list ? undefined : size,
          seen,
        );
        total += factor * (1 + children);
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return costOf(operation.selectionSet, root, undefined, new Set());
}
