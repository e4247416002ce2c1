import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, print, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../config/config';
import { costHintsOf, registerCostHints } from './cost-directives';
import { SEVEN_LEVELS } from './cost-fixtures';
import { estimateCost } from './query-cost';
import { checkQueryLimits, queryLimitsPlugin, type QueryLimits } from './query-limits-plugin';

// The seven-level query's schema as two subgraphs: the directives imported from federation, one renamed.
const ACCOUNTS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.11",
    import: ["@key", "@cost", { name: "@listSize", as: "@size" }])
  type Query { users: [User!]! @size(assumedSize: 3) }
  type User @key(fields: "id") { id: ID!, name: String }
`;
const REVIEWS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.11",
    import: ["@key", "@cost", { name: "@listSize", as: "@size" }])
  type User @key(fields: "id") { id: ID!, reviews: [Review!]! @size(assumedSize: 3) }
  type Product @key(fields: "upc") { upc: ID!, reviews: [Review!]! @size(assumedSize: 3) }
  type Review { id: ID!, body: String, author: User!, product: Product! }
`;
const PRODUCTS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.11", import: ["@key", "@cost"])
  type Product @key(fields: "upc") { upc: ID!, name: String, price: Int @cost(weight: 1) }
`;

const composed = composeServices(
  [
    ['accounts', ACCOUNTS],
    ['reviews', REVIEWS],
    ['products', PRODUCTS],
  ].map(([name, sdl]) => ({ name: name!, url: `http://${name}.invalid/graphql`, typeDefs: parse(sdl!) })),
);
if (composed.errors) throw new Error(composed.errors.map(String).join('\n'));
const supergraphSdl = composed.supergraphSdl;

const operationOf = (text: string) =>
  parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
const sevenLevels = (schema: GraphQLSchema) =>
  estimateCost({ schema, operation: operationOf(SEVEN_LEVELS), fragments: {}, variables: {} });

const limits = (maxCost: number | null, defaultListSize?: number): QueryLimits => ({
  maxDepth: 20,
  maxAliases: 15,
  maxRootFields: 10,
  maxCost,
  defaultListSize,
});

describe('the cost directives as composition writes them', () => {
  it('keeps @cost and @listSize in the supergraph, linked from the cost spec under the subgraphs’ names', () => {
    expect(supergraphSdl).toContain(
      '@link(url: "https://specs.apollo.dev/cost/v0.1", import: [{name: "@listSize", as: "@size"}])',
    );
    expect(supergraphSdl).toMatch(/users: \[User!\]! .*@size\(assumedSize: 3\)/);
    expect(supergraphSdl).toMatch(/price: Int .*@cost\(weight: 1\)/);
  });

  it('reads them from the supergraph for the API schema the gateway serves, which has none', () => {
    const apiSchema = composed.schema.toAPISchema().toGraphQLJSSchema();
    expect(costHintsOf(apiSchema).listSizes.size).toBe(0);
    registerCostHints(apiSchema, supergraphSdl);
    expect(sevenLevels(apiSchema)).toBe(801);
  });

  it("reads them from a subgraph's own schema, under the names its @link gives them", () => {
    const reviews = buildSubgraphSchema({ typeDefs: parse(REVIEWS) });
    expect(costHintsOf(reviews).listSizes.get('User.reviews')).toEqual({
      assumedSize: 3,
      slicingArguments: undefined,
      sizedFields: undefined,
      requireOneSlicingArgument: true,
    });
    const text = '{ _entities(representations: []) { ... on User { reviews { id } } } }';
    // _entities is a list: 20 × (1 + reviews 3 × (1 + id 1))
    expect(
      estimateCost({ schema: reviews, operation: operationOf(text), fragments: {}, variables: {} }),
    ).toBe(20 * (1 + 3 * 2));
  });

  it('reads @federation__listSize when the subgraph does not import it', () => {
    const schema = buildSubgraphSchema({
      typeDefs: parse(`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
        type Query { sports: [Sport!]! @federation__listSize(assumedSize: 25) }
        type Sport { name: String! @federation__cost(weight: 3) }
      `),
    });
    expect(
      estimateCost({ schema, operation: operationOf('{ sports { name } }'), fragments: {}, variables: {} }),
    ).toBe(25 * (1 + 3));
  });
});

describe('checkQueryLimits', () => {
  const rawSchema = composed.schema.toAPISchema().toGraphQLJSSchema();
  const apiSchema = composed.schema.toAPISchema().toGraphQLJSSchema();
  registerCostHints(apiSchema, supergraphSdl);
  const document = parse(SEVEN_LEVELS);
  const operation = { schema: apiSchema, document, operation: operationOf(SEVEN_LEVELS), variables: {} };

  it('accepts the seven-level query under the default GATEWAY_MAX_COST', () => {
    const { limits: defaults } = loadConfig({}).protection;
    expect(() => checkQueryLimits({ ...defaults, maxDepth: 20 }, operation)).not.toThrow();
  });

  it('refuses it over a lower maximum, with the estimate', () => {
    expect(() => checkQueryLimits(limits(800), operation)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ limit: 'cost', max: 800, actual: 801 }),
      }),
    );
  });

  it('estimates nothing with GATEWAY_MAX_COST=off', () => {
    expect(loadConfig({ GATEWAY_MAX_COST: 'off' }).protection.limits.maxCost).toBeNull();
    expect(loadConfig({ GATEWAY_MAX_COST: '5000000' }).protection.limits.maxCost).toBe(5_000_000);
    expect(() => loadConfig({ GATEWAY_MAX_COST: '0' })).toThrow(/GATEWAY_MAX_COST/);
    const unsized = parse('{ users { reviews { product { reviews { author { reviews { id } } } } } } }');
    const huge = { ...operation, document: unsized, operation: operationOf(print(unsized)) };
    expect(() => checkQueryLimits(limits(null, 1_000_000), huge)).not.toThrow();
    expect(() => checkQueryLimits(limits(1_000_000, 1_000_000), { ...huge, schema: rawSchema })).toThrow();
  });

  it('sizes unsized lists by GATEWAY_COST_DEFAULT_LIST_SIZE', () => {
    expect(loadConfig({ GATEWAY_COST_DEFAULT_LIST_SIZE: '5' }).protection.limits.defaultListSize).toBe(5);
    // Without hints (the raw API schema): users, reviews, reviews, reviews at 3 each, like the hints.
    expect(() => checkQueryLimits(limits(801, 3), { ...operation, schema: rawSchema })).not.toThrow();
    expect(() => checkQueryLimits(limits(801, 4), { ...operation, schema: rawSchema })).toThrow();
  });
});

describe('queryLimitsPlugin behind a gateway', () => {
  it('estimates with the supergraph’s directives, not the bare API schema', async () => {
    const gateway = new ApolloGateway({ supergraphSdl });
    const server = new ApolloServer({ gateway, plugins: [queryLimitsPlugin(limits(800))] });
    await server.start();
    try {
      const response = await server.executeOperation({ query: SEVEN_LEVELS });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      expect(result?.errors?.[0]?.extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        limit: 'cost',
        max: 800,
        actual: 801,
      });
    } finally {
      await server.stop();
    }
  });
});
