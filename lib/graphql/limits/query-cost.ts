/**
 * Estimates what an operation costs to answer, before it runs, reading the schema's `@cost` and `@listSize`
 * (./cost-directives.ts; the formula and a worked example are in ./README.md):
 *
 *   cost(field) = size × (weight + Σ cost(child)) + Σ weight(argument given)
 *
 * - weight: the field's @cost, else its type's @cost, else 1 (Pulse counts every field, scalars included;
 *   the cost spec's default would be 0 for scalars and enums);
 * - size: 1 for a non-list field; for a list, the size its parent's `sizedFields` passes down, else the
 *   largest slicing argument given (literal, variable, variable default, argument default), else
 *   @listSize's `assumedSize`, else the default list size (GATEWAY_COST_DEFAULT_LIST_SIZE);
 * - a field with no selection (a scalar or enum, or a list of them) costs its weight once: it comes back as
 *   one value;
 * - a field without @listSize slices by `first` / `last` / `limit` and passes that size down to its list
 *   fields (`workouts(first: 10) { edges { … } }`), as if it had `@listSize(slicingArguments: [...],
 *   sizedFields: [its list fields], requireOneSlicingArgument: false)`;
 * - introspection (`__schema`, `__type`, `__typename`) is free.
 */
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { costHintsOf, type CostHints } from './cost-directives';
import { slicingArgumentsError } from './limit-errors';

/**
 * The size of a list nothing tells the size of (GATEWAY_COST_DEFAULT_LIST_SIZE's default): one page, since
 * every paginated Pulse field defaults to `first: 20`.
 */
export const DEFAULT_LIST_SIZE = 20;
const IMPLICIT_SLICING_ARGUMENTS = ['first', 'last', 'limit'];

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** The size of a list without a slicing argument or @listSize (default DEFAULT_LIST_SIZE). */
  defaultListSize?: number;
  /** The schema's cost directives (default: read from `schema`, or registered for it). */
  hints?: CostHints;
}

/** Sizes a field passes to its list fields: by name (`sizedFields`), or to all of them (no @listSize). */
type ChildSizes = { all: number } | { named: ReadonlyMap<string, number> } | undefined;

/** What answering the operation is estimated to cost (the formula above). */
export function estimateCost({
  schema,
  operation,
  fragments,
  variables,
  defaultListSize = DEFAULT_LIST_SIZE,
  hints = costHintsOf(schema),
}: CostInput): number {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) {
      values[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  Object.assign(values, variables);

  /** The arguments of `selection` with a value: given in the operation, else the argument's default. */
  const argumentsOf = (selection: FieldNode, definition: GraphQLField<unknown, unknown>) => {
    const given = new Map<string, unknown>();
    for (const argument of selection.arguments ?? []) {
      const value =
        argument.value.kind === Kind.VARIABLE
          ? values[argument.value.name.value]
          : valueFromASTUntyped(argument.value, values);
      if (value !== undefined) given.set(argument.name.value, value);
    }
    const defaulted = new Map(given);
    for (const argument of definition.args) {
      if (!given.has(argument.name) && argument.defaultValue !== undefined) {
        defaulted.set(argument.name, argument.defaultValue);
      }
    }
    return { given, defaulted };
  };

  /** The @cost weights of the input fields given in `value`, at any depth. */
  const inputCost = (type: GraphQLInputType, value: unknown): number => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      return Array.isArray(value)
        ? value.reduce<number>((sum, item) => sum + inputCost(nullable.ofType, item), 0)
        : inputCost(nullable.ofType, value);
    }
    if (!isInputObjectType(nullable) || !value || typeof value !== 'object') return 0;
    let total = 0;
    for (const [name, field] of Object.entries(nullable.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[name];
      if (fieldValue === undefined) continue;
      total += (hints.fields.get(`${nullable.name}.${name}`) ?? 0) + inputCost(field.type, fieldValue);
    }
    return total;
  };

  const fieldCost = (
    selection: FieldNode,
    parent: GraphQLNamedType,
    definition: GraphQLField<unknown, unknown>,
    upstream: ChildSizes,
  ): number => {
    const coordinate = `${parent.name}.${definition.name}`;
    const type = getNamedType(definition.type);
    const weight = hints.fields.get(coordinate) ?? hints.types.get(type.name) ?? 1;
    const { given, defaulted } = argumentsOf(selection, definition);
    let argumentsCost = 0;
    for (const argument of definition.args) {
      if (!given.has(argument.name)) continue;
      argumentsCost +=
        (hints.arguments.get(`${coordinate}(${argument.name}:)`) ?? 0) +
        inputCost(argument.type, given.get(argument.name));
    }
    if (!selection.selectionSet) return weight + argumentsCost;

    const listSize = hints.listSizes.get(coordinate);
    const slicing = listSize ? (listSize.slicingArguments ?? []) : IMPLICIT_SLICING_ARGUMENTS;
    const sliced = slicing.filter((name) => typeof defaulted.get(name) === 'number');
    if (listSize?.requireOneSlicingArgument && slicing.length > 0 && sliced.length !== 1) {
      throw slicingArgumentsError(coordinate, slicing, sliced.length);
    }
    const slice = sliced.length
      ? Math.max(0, ...sliced.map((name) => Math.floor(defaulted.get(name) as number)))
      : undefined;
    // The size this field has as a list, and the one it passes to its sized fields.
    const expected = slice ?? listSize?.assumedSize;
    const fromUpstream = upstream && ('all' in upstream ? upstream.all : upstream.named.get(definition.name));
    const list = isListType(getNullableType(definition.type));
    const size = list ? (fromUpstream ?? expected ?? defaultListSize) : 1;

    let childSizes: ChildSizes;
    if (listSize?.sizedFields?.length && expected !== undefined) {
      childSizes = { named: new Map(listSize.sizedFields.map((name) => [name, expected])) };
    } else if (!listSize && !list && slice !== undefined) {
      childSizes = { all: slice };
    }
    const children = selectionCost(selection.selectionSet, type, childSizes, new Set());
    return size * (weight + children) + argumentsCost;
  };

  const selectionCost = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    upstream: ChildSizes,
    seen: ReadonlySet<string>,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, type ?? undefined, upstream, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
        total += selectionCost(
          fragment.selectionSet,
          type,
          upstream,
          new Set([...seen, fragment.name.value]),
        );
      } else if (!selection.name.value.startsWith('__')) {
        const definition =
          isObjectType(parent) || isInterfaceType(parent)
            ? parent.getFields()[selection.name.value]
            : undefined;
        total += definition && parent ? fieldCost(selection, parent, definition, upstream) : 1;
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return selectionCost(operation.selectionSet, root, undefined, new Set());
}
