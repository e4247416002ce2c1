/**
 * The `@length(max: Int!)` directive (on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION), composed into the
 * supergraph through `@composeDirective`: the most characters a string argument or input field accepts.
 * `lengthLimitsOf` reads it from SDL (a subgraph's schema, or the supergraph at the gateway).
 */
import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';

export const LENGTH_DIRECTIVE = 'length';

/** Schema coordinate → maximum length: `Mutation.register(displayName:)`, `AddGearInput.brand`. */
export type LengthLimits = ReadonlyMap<string, number>;

export const argumentCoordinate = (type: string, field: string, argument: string) =>
  `${type}.${field}(${argument}:)`;
export const inputFieldCoordinate = (type: string, field: string) => `${type}.${field}`;

function maxOf(directives: readonly ConstDirectiveNode[] | undefined, where: string): number | null {
  const directive = directives?.find((d) => d.name.value === LENGTH_DIRECTIVE);
  if (!directive) return null;
  const max = directive.arguments?.find((arg) => arg.name.value === 'max')?.value;
  if (max?.kind !== Kind.INT || Number(max.value) < 1) {
    throw new Error(`@${LENGTH_DIRECTIVE} on ${where} needs "max", a positive integer.`);
  }
  return Number(max.value);
}

/** Every `@length` of an SDL document, by schema coordinate. */
export function lengthLimitsOf(sdl: DocumentNode): LengthLimits {
  const limits = new Map<string, number>();
  const keep = (coordinate: string, directives?: readonly ConstDirectiveNode[]) => {
    const max = maxOf(directives, coordinate);
    if (max !== null) limits.set(coordinate, max);
  };
  for (const definition of sdl.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        for (const field of definition.fields ?? []) {
          for (const arg of field.arguments ?? []) {
            keep(argumentCoordinate(definition.name.value, field.name.value, arg.name.value), arg.directives);
          }
        }
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        for (const field of definition.fields ?? []) {
          keep(inputFieldCoordinate(definition.name.value, field.name.value), field.directives);
        }
        break;
      default:
    }
  }
  return limits;
}
