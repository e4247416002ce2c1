/** The composed API schema as a client sees it (introspected through the gateway), its root fields and selections. */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

export type OperationKind = 'query' | 'mutation' | 'subscription';

export interface RootField {
  operation: OperationKind;
  field: GraphQLField<unknown, unknown>;
  /** `Query.me`, `Mutation.startWorkout`, … */
  label: string;
}

export async function introspect(graphqlUrl: string): Promise<GraphQLSchema> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as { data?: IntrospectionQuery; errors?: unknown };
  if (!body.data)
    throw new Error(`introspection failed (${response.status}): ${JSON.stringify(body.errors)}`);
  return buildClientSchema(body.data);
}

export const isRequired = (input: GraphQLArgument | GraphQLInputField) =>
  isNonNullType(input.type) && input.defaultValue === undefined;

// Fields that destroy what they are given go last among mutations, so the others still find the ids they take.
const DESTRUCTIVE = /^(delete|discard|remove|retire|revoke|leave|logout|cancel)/;

/** Every field of Query, Mutation and Subscription, in the order to fuzz them. */
export function rootFieldsOf(schema: GraphQLSchema): RootField[] {
  const roots: [OperationKind, ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([operation, type]) =>
    Object.values(type?.getFields() ?? {})
      .map((field) => ({ operation, field, label: `${type!.name}.${field.name}` }))
      .sort((a, b) => Number(DESTRUCTIVE.test(a.field.name)) - Number(DESTRUCTIVE.test(b.field.name))),
  );
}

/**
 * A selection set for `type`: its scalars and enums, and those of its object fields down to `depth` levels
 * of nesting, skipping fields with required arguments. `__typename` everywhere: it tells which type an id
 * belongs to (see Seen). Empty for a scalar or enum.
 */
export function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some(isRequired)) continue;
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name} ${selectionOf(field.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** The names of the schema's object types (they name the pools of ids, see Seen). */
export const objectTypeNames = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .map((type) => type.name);
