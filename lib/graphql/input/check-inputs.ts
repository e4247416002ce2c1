/**
 * Checks every argument value of an operation, literal or variable, against the input rules before it
 * runs: strings (`String`, `ID`) must be well-formed text within their maximum length, and the scalars
 * Pulse defines in lib/ must parse. The first value refused answers BAD_USER_INPUT naming its field
 * (`input.brand`, `startedAt`), so no resolver, database or subgraph ever sees it.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLID,
  GraphQLString,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { BadUserInputError } from '../../errors/domain-error';
import { argumentCoordinate, inputFieldCoordinate, type LengthLimits } from './length-directive';
import { DEFAULT_STRING_MAX_LENGTH, ID_MAX_LENGTH, textProblem } from './text-rules';

export interface InputRules {
  /** `@length(max:)` by schema coordinate; others take the defaults of text-rules.ts. */
  lengths: LengthLimits;
  /** Parsers of custom scalars by name: a gateway's schema passes custom scalars through unparsed. */
  scalars: ReadonlyMap<string, GraphQLScalarType>;
}

type Variables = Readonly<Record<string, unknown>>;

/** One argument written in an operation (or a fragment it may spread): what it is and what was written. */
interface ArgumentSite {
  definition: GraphQLArgument;
  value: ValueNode;
  coordinate: string;
}

// The sites of an operation depend only on its text and the schema: Apollo Server reuses a parsed document
// for the same text, so the walk over it happens once, and a request only checks its values.
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ArgumentSite[]>>();

function argumentSitesOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArgumentSite[] {
  let cache = sitesBySchema.get(schema);
  if (!cache) sitesBySchema.set(schema, (cache = new WeakMap()));
  const cached = cache.get(operation);
  if (cached) return cached;
  const sites: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const field = typeInfo.getFieldDef();
      const parent = typeInfo.getParentType();
      if (!field || !parent) return;
      for (const argument of node.arguments ?? []) {
        const definition = field.args.find((arg) => arg.name === argument.name.value);
        if (!definition) continue;
        const coordinate = argumentCoordinate(parent.name, field.name, definition.name);
        sites.push({ definition, value: argument.value, coordinate });
      }
    },
  });
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) visit(definition, visitor);
  cache.set(operation, sites);
  return sites;
}

/** Throws BadUserInputError for the first argument value of `operation` that the rules refuse. */
export function checkOperationInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables | undefined,
  rules: InputRules,
): void {
  const sites = argumentSitesOf(schema, document, operation);
  if (sites.length === 0) return;
  const values = { ...defaultsOf(operation), ...variables };
  for (const { definition, value: node, coordinate } of sites) {
    const value = node.kind === Kind.VARIABLE ? values[node.name.value] : valueFromASTUntyped(node, values);
    checkValue(definition.type, value, { field: definition.name, coordinate, rules });
  }
}

function defaultsOf(operation: OperationDefinitionNode): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const variable of operation.variableDefinitions ?? []) {
    if (variable.defaultValue)
      defaults[variable.variable.name.value] = valueFromASTUntyped(variable.defaultValue);
  }
  return defaults;
}

interface Place {
  /** The path a client knows: the argument, then input fields (`input.brand`). */
  field: string;
  /** Where its `@length` would be declared. */
  coordinate: string;
  rules: InputRules;
}

function checkValue(type: GraphQLInputType, value: unknown, place: Place): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    // A single value stands for a list of one (GraphQL's input coercion).
    for (const item of Array.isArray(value) ? value : [value]) checkValue(nullable.ofType, item, place);
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object' || Array.isArray(value)) return; // coercion answers the wrong shape
    for (const field of Object.values(nullable.getFields())) {
      checkValue(field.type, (value as Record<string, unknown>)[field.name], {
        ...place,
        field: `${place.field}.${field.name}`,
        coordinate: inputFieldCoordinate(nullable.name, field.name),
      });
    }
    return;
  }
  const named = getNamedType(nullable);
  if (!isScalarType(named)) return; // enums: coercion knows their values
  if (named.name === GraphQLString.name || named.name === GraphQLID.name) {
    if (typeof value !== 'string') return;
    const max =
      place.rules.lengths.get(place.coordinate) ??
      (named.name === GraphQLID.name ? ID_MAX_LENGTH : DEFAULT_STRING_MAX_LENGTH);
    const problem = textProblem(value, max);
    if (problem) throw new BadUserInputError(place.field, `${place.field} ${problem}.`);
    return;
  }
  const scalar = place.rules.scalars.get(named.name);
  if (!scalar) return;
  try {
    scalar.parseValue(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BadUserInputError(place.field, `${place.field}: ${reason}`);
  }
}
