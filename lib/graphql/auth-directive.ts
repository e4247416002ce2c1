/**
 * The `@auth(requires: [Role!]!)` directive (on FIELD_DEFINITION | OBJECT), composed into the supergraph
 * through `@composeDirective`. `authRequirements` reads it from any schema built from SDL (a subgraph's,
 * or the supergraph at the gateway); `enforceAuthDirective` wraps the resolvers of the fields it guards.
 */
import {
  defaultFieldResolver,
  Kind,
  type ConstDirectiveNode,
  type ConstValueNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  isObjectType,
} from 'graphql';
import { assertAccess, type AuthRequirement } from '../auth/access-rule';
import { ROLES, type Role, type Viewer } from '../auth/viewer';

export const AUTH_DIRECTIVE = 'auth';

/** `Type.field` → every requirement that applies to it (the type's, the field's, its interfaces'). */
export type AuthRequirements = ReadonlyMap<string, readonly AuthRequirement[]>;

type Directed = { readonly directives?: readonly ConstDirectiveNode[] } | null | undefined;

function rolesOf(value: ConstValueNode, where: string): Role[] {
  const values = value.kind === Kind.LIST ? value.values : [value];
  return values.map((item) => {
    if (item.kind !== Kind.ENUM || !(ROLES as readonly string[]).includes(item.value)) {
      throw new Error(`@${AUTH_DIRECTIVE} on ${where} names an unknown role: roles are ${ROLES.join(', ')}.`);
    }
    return item.value as Role;
  });
}

/** The requirements the `@auth` applications of some AST nodes express (none: an empty array). */
function requirementsOn(nodes: readonly Directed[], where: string): AuthRequirement[] {
  return nodes.flatMap((node) =>
    (node?.directives ?? [])
      .filter((directive) => directive.name.value === AUTH_DIRECTIVE)
      .map((directive) => {
        const requires = directive.arguments?.find((arg) => arg.name.value === 'requires');
        if (!requires) throw new Error(`@${AUTH_DIRECTIVE} on ${where} needs its "requires" argument.`);
        return rolesOf(requires.value, where);
      }),
  );
}

function typeRequirements(type: GraphQLObjectType): AuthRequirement[] {
  return requirementsOn([type.astNode, ...type.extensionASTNodes], type.name);
}

function fieldRequirements(
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
): AuthRequirement[] {
  const coordinate = `${type.name}.${field.name}`;
  const inherited = type
    .getInterfaces()
    .flatMap((iface) => requirementsOn([iface.getFields()[field.name]?.astNode], coordinate));
  return [...requirementsOn([field.astNode], coordinate), ...inherited];
}

/** Every field of the schema's object types that `@auth` guards, with what it requires. */
export function authRequirements(schema: GraphQLSchema): AuthRequirements {
  const index = new Map<string, AuthRequirement[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const ofType = typeRequirements(type);
    for (const field of Object.values(type.getFields())) {
      const all = [...ofType, ...fieldRequirements(type, field)];
      if (all.length > 0) index.set(`${type.name}.${field.name}`, all);
    }
  }
  return index;
}

function guarded(
  resolve: GraphQLFieldResolver<unknown, { viewer?: Viewer | null }>,
  requirements: readonly AuthRequirement[],
  coordinate: string,
): GraphQLFieldResolver<unknown, { viewer?: Viewer | null }> {
  return (source, args, context, info) => {
    assertAccess(context?.viewer, requirements, coordinate);
    return resolve(source, args, context, info);
  };
}

/**
 * Makes every field guarded by `@auth` check the caller (the context's `viewer`) before its resolver (and
 * its subscribe function) runs: no viewer → UNAUTHENTICATED, none of the roles → FORBIDDEN. The schema is
 * changed in place (its resolvers are wrapped) and returned.
 */
export function enforceAuthDirective(schema: GraphQLSchema): GraphQLSchema {
  for (const [coordinate, requirements] of authRequirements(schema)) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[fieldName]!;
    field.resolve = guarded(field.resolve ?? defaultFieldResolver, requirements, coordinate);
    if (field.subscribe) field.subscribe = guarded(field.subscribe, requirements, coordinate);
  }
  return schema;
}
