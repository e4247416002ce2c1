/**
 * Reads the cost directives of the GraphQL cost specification (https://ibm.github.io/graphql-specs/cost-spec.html)
 * out of a schema: `@cost(weight:)` and `@listSize(assumedSize:, slicingArguments:, sizedFields:,
 * requireOneSlicingArgument:)`, under whatever name the schema gives them:
 *
 * - a subgraph imports them from federation v2.9+ (`@link(url: ".../federation/v2.11", import: ["@cost",
 *   "@listSize"])`, possibly renamed with `{ name: "@cost", as: "@weight" }`, else `@federation__cost`);
 * - a supergraph composed by @apollo/composition links the cost spec (`@link(url:
 *   "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])`: `@cost` is the spec's own name);
 * - a schema linking neither uses the plain `@cost` and `@listSize`.
 *
 * The gateway serves the API schema, which composition strips of these directives: it reads them from the
 * supergraph SDL instead (`registerCostHints`, called by the query limits plugin).
 */
import {
  Kind,
  parse,
  valueFromASTUntyped,
  type DirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

export interface ListSizeHint {
  assumedSize?: number;
  slicingArguments?: readonly string[];
  sizedFields?: readonly string[];
  requireOneSlicingArgument: boolean;
}

/** The cost directives of a schema, keyed by schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`). */
export interface CostHints {
  /** @cost on an object, interface, scalar or enum type: the weight of the fields returning it. */
  types: ReadonlyMap<string, number>;
  /** @cost on a field or an input field (`Type.field`). */
  fields: ReadonlyMap<string, number>;
  /** @cost on an argument (`Type.field(arg:)`). */
  arguments: ReadonlyMap<string, number>;
  /** @listSize on a field (`Type.field`). */
  listSizes: ReadonlyMap<string, ListSizeHint>;
}

export const NO_COST_HINTS: CostHints = {
  types: new Map(),
  fields: new Map(),
  arguments: new Map(),
  listSizes: new Map(),
};

const SPECS: Record<string, RegExp> = {
  federation: /^https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+$/,
  cost: /^https:\/\/specs\.apollo\.dev\/cost\/v0\.\d+$/,
};

type Directive = 'cost' | 'listSize';

/** The names `@cost` and `@listSize` go by in a schema with these `@link`s (without the `@`). */
export function costDirectiveNames(
  schemaDirectives: readonly DirectiveNode[],
): Record<Directive, Set<string>> {
  const names: Record<Directive, Set<string>> = { cost: new Set(), listSize: new Set() };
  for (const link of schemaDirectives) {
    if (link.name.value !== 'link') continue;
    const args = Object.fromEntries(
      (link.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)] as const),
    );
    const url = typeof args.url === 'string' ? args.url : '';
    const spec = Object.keys(SPECS).find((name) => SPECS[name]!.test(url));
    if (!spec) continue;
    const namespace = typeof args.as === 'string' ? args.as : spec;
    const imports = Array.isArray(args.import) ? (args.import as unknown[]) : [];
    for (const directive of ['cost', 'listSize'] as const) {
      let local: string | undefined;
      for (const entry of imports) {
        if (entry === `@${directive}`) local = directive;
        else if (
          entry &&
          typeof entry === 'object' &&
          (entry as { name?: unknown }).name === `@${directive}` &&
          typeof (entry as { as?: unknown }).as === 'string'
        ) {
          local = ((entry as { as: string }).as as string).replace(/^@/, '');
        }
      }
      // A spec's own-named directive (@cost of the cost spec) goes by the namespace, the others by a prefix.
      names[directive].add(local ?? (directive === spec ? namespace : `${namespace}__${directive}`));
    }
  }
  if (names.cost.size === 0) names.cost.add('cost');
  if (names.listSize.size === 0) names.listSize.add('listSize');
  return names;
}

/** The cost directives applied in these type-system definitions (a supergraph SDL, a subgraph's SDL). */
export function readCostHints(definitions: readonly DefinitionNode[]): CostHints {
  const schemaDirectives = definitions.flatMap((d) =>
    d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.directives ?? []) : [],
  );
  const names = costDirectiveNames(schemaDirectives);
  const weightOf = (directives: readonly DirectiveNode[] | undefined): number | undefined => {
    const cost = directives?.find((d) => names.cost.has(d.name.value));
    const weight = cost?.arguments?.find((a) => a.name.value === 'weight');
    const value = weight ? valueFromASTUntyped(weight.value) : undefined;
    return typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : undefined;
  };
  const listSizeOf = (directives: readonly DirectiveNode[] | undefined): ListSizeHint | undefined => {
    const listSize = directives?.find((d) => names.listSize.has(d.name.value));
    if (!listSize) return undefined;
    const args = Object.fromEntries(
      (listSize.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)] as const),
    );
    const strings = (value: unknown) =>
      Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
    return {
      assumedSize: typeof args.assumedSize === 'number' ? args.assumedSize : undefined,
      slicingArguments: strings(args.slicingArguments),
      sizedFields: strings(args.sizedFields),
      // The directive's default (the spec's and federation's): true.
      requireOneSlicingArgument: args.requireOneSlicingArgument !== false,
    };
  };

  const types = new Map<string, number>();
  const fields = new Map<string, number>();
  const argumentWeights = new Map<string, number>();
  const listSizes = new Map<string, ListSizeHint>();
  for (const definition of definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    if (definition.kind === Kind.DIRECTIVE_DEFINITION || definition.kind === Kind.OPERATION_DEFINITION)
      continue;
    const type = definition.name.value;
    const typeWeight = weightOf(definition.directives);
    if (typeWeight !== undefined) types.set(type, typeWeight);
    if (!('fields' in definition)) continue;
    for (const field of definition.fields ?? []) {
      const coordinate = `${type}.${field.name.value}`;
      const weight = weightOf(field.directives);
      if (weight !== undefined) fields.set(coordinate, weight);
      if (field.kind !== Kind.FIELD_DEFINITION) continue;
      const listSize = listSizeOf(field.directives);
      if (listSize) listSizes.set(coordinate, listSize);
      for (const argument of field.arguments ?? []) {
        const argumentWeight = weightOf(argument.directives);
        if (argumentWeight !== undefined) {
          argumentWeights.set(`${coordinate}(${argument.name.value}:)`, argumentWeight);
        }
      }
    }
  }
  return { types, fields, arguments: argumentWeights, listSizes };
}

/** The type-system definitions a schema was built from (its AST nodes, extensions included). */
function definitionsOf(schema: GraphQLSchema): DefinitionNode[] {
  const nodes: DefinitionNode[] = [];
  if (schema.astNode) nodes.push(schema.astNode);
  nodes.push(...schema.extensionASTNodes);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.astNode) nodes.push(type.astNode);
    nodes.push(...type.extensionASTNodes);
  }
  return nodes;
}

const registered = new WeakMap<GraphQLSchema, CostHints>();
const computed = new WeakMap<GraphQLSchema, CostHints>();

/**
 * Makes `schema` (an API schema, stripped of the directives) use the cost directives of `supergraphSdl`,
 * the supergraph it was derived from.
 */
export function registerCostHints(schema: GraphQLSchema, supergraphSdl: string | DocumentNode): CostHints {
  const document = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  const hints = readCostHints(document.definitions);
  registered.set(schema, hints);
  return hints;
}

/** The cost directives of `schema`: those registered for it, else those in its own AST (cached). */
export function costHintsOf(schema: GraphQLSchema): CostHints {
  let hints = registered.get(schema) ?? computed.get(schema);
  if (!hints) {
    hints = readCostHints(definitionsOf(schema));
    computed.set(schema, hints);
  }
  return hints;
}
