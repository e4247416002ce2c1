import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { loadConfig } from '../../config/config';
import { repoRoot } from '../../paths';
import { registerCostHints } from './cost-directives';
import { countRootFields, measureShape } from './operation-shape';
import { estimateCost } from './query-cost';

const schema = buildSchema(readFileSync(join(repoRoot, 'supergraph.api.graphql'), 'utf8'));
// The gateway estimates costs with the supergraph's @cost and @listSize (its API schema has none).
registerCostHints(schema, readFileSync(join(repoRoot, 'supergraph.graphql'), 'utf8'));

const operationOf = (document: DocumentNode) =>
  document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
const fragmentsOf = (document: DocumentNode) => {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return fragments;
};

describe('measureShape', () => {
  it('measures the depth of the deepest field, fragments counting as the fields they hold', () => {
    const document = parse(`
      { me { workouts(first: 1) { edges { node { ...W } } } } }
      fragment W on Workout { athlete { displayName } }
    `);
    expect(measureShape(schema, document)).toEqual({ depth: 6, aliases: 0 });
  });

  it('counts aliases through fragments, except on __typename', () => {
    const document = parse(`
      { a: sports { b: sport } c: me { ...U } t: __typename }
      fragment U on User { d: id }
    `);
    expect(measureShape(schema, document).aliases).toBe(4);
  });

  it('does not count introspection as depth', () => {
    expect(
      measureShape(schema, parse('{ __schema { types { fields { type { ofType { name } } } } } }')).depth,
    ).toBe(0);
  });
});

describe('countRootFields', () => {
  it('counts top-level fields through fragments, __typename free', () => {
    const document = parse(
      '{ a: sports { sport } b: sports { sport } __typename ...R } fragment R on Query { me { id } }',
    );
    expect(countRootFields(operationOf(document), fragmentsOf(document))).toBe(3);
  });
});

describe('the default limits', () => {
  const { limits } = loadConfig({}).protection;
  const dir = join(repoRoot, 'tests', 'operations');
  const texts = readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8'));
  const fragments = Object.assign({}, ...texts.map((text) => fragmentsOf(parse(text)))) as Record<
    string,
    FragmentDefinitionNode
  >;
  const operations = texts.flatMap((text) =>
    parse(text).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION),
  );

  it.each(operations.map((operation) => [operation.name?.value ?? 'anonymous', operation] as const))(
    'accept the operation %s the clients of the tests send',
    (_name, operation) => {
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...Object.values(fragments)],
      };
      const shape = measureShape(schema, document);
      expect(shape.depth).toBeLessThanOrEqual(limits.maxDepth);
      expect(shape.aliases).toBeLessThanOrEqual(limits.maxAliases);
      expect(countRootFields(operation, fragments)).toBeLessThanOrEqual(limits.maxRootFields);
      expect(estimateCost({ schema, operation, fragments, variables: { first: 100 } })).toBeLessThanOrEqual(
        limits.maxCost!,
      );
    },
  );
});

describe("Pulse's supergraph with its @listSize hints", () => {
  const estimate = (text: string, variables: Record<string, unknown> = {}) => {
    const document = parse(text);
    return estimateCost({
      schema,
      operation: operationOf(document),
      fragments: fragmentsOf(document),
      variables,
    });
  };

  it('still refuses the abusive query of the limits e2e test: 43 002', () => {
    const query =
      'query($n: Int) { me { workouts(first: $n) { edges { node { metrics { splits { index } } } } } } }';
    // me 1 + workouts 1 + edges 1000 × (1 + node 1 + metrics 1 + splits 20 (assumedSize) × (1 + index 1))
    expect(estimate(query, { n: 1000 })).toBe(43_002);
  });

  it('sizes a connection by its default first (20) and a taxonomy by its assumedSize (25)', () => {
    // myWorkouts 1 × (1 + edges 20 × (1 + node (1 + id 1)))
    expect(estimate('{ myWorkouts { edges { node { id } } } }')).toBe(1 + 20 * 3);
    expect(estimate('{ sports { sport } }')).toBe(25 * 2);
  });
});
