import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { COST_DIRECTIVES, REVIEWS_SCHEMA, SEVEN_LEVELS } from './cost-fixtures';
import { DEFAULT_LIST_SIZE, estimateCost } from './query-cost';

const schema = buildSchema(`
  type Query { me: User, sports: [Sport!]!, user(id: ID!): User }
  type User { id: ID!, tags: [String!]!, workouts(first: Int): WorkoutConnection!, gear: [Gear!]! }
  type WorkoutConnection { edges: [WorkoutEdge!]!, pageInfo: PageInfo! }
  type WorkoutEdge { node: Workout! }
  type PageInfo { hasNextPage: Boolean! }
  type Workout { id: ID!, splits: [Split!]!, athlete: User! }
  type Split { index: Int! }
  type Sport { name: String! }
  type Gear { id: ID!, names(limit: Int): [Sport!]! }
`);

function costIn(
  target: typeof schema,
  text: string,
  variables: Record<string, unknown> = {},
  defaultListSize?: number,
) {
  const document = parse(text);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return estimateCost({ schema: target, operation, fragments, variables, defaultListSize });
}
const cost = (text: string, variables: Record<string, unknown> = {}) => costIn(schema, text, variables);

describe('estimateCost', () => {
  it('counts 1 per field, a list of scalars included', () => {
    expect(cost('{ me { id tags } }')).toBe(3);
  });

  it('multiplies a list without a page size by the default list size', () => {
    expect(cost('{ sports { name } }')).toBe(DEFAULT_LIST_SIZE * 2);
  });

  it("uses a connection's page size for its edges, once", () => {
    // workouts 1 × (1 + edges 10 × (1 + node (1 + id 1)) + pageInfo (1 + 1)) = 1 + 30 + 2
    expect(cost('{ me { workouts(first: 10) { edges { node { id } } pageInfo { hasNextPage } } } }')).toBe(
      1 + 33,
    );
  });

  it('reads the page size from a variable, or from its default value', () => {
    const text = 'query($n: Int = 5) { me { workouts(first: $n) { edges { node { id } } } } }';
    expect(cost(text, { n: 2 })).toBe(1 + 1 + 2 * 3);
    expect(cost(text)).toBe(1 + 1 + 5 * 3);
  });

  it('multiplies nested lists', () => {
    // edges 3 × (1 + node (1 + splits 20 × (1 + 1)))
    expect(cost('{ me { workouts(first: 3) { edges { node { splits { index } } } } } }')).toBe(
      1 + 1 + 3 * (1 + 1 + DEFAULT_LIST_SIZE * 2),
    );
  });

  it("takes a list field's own limit argument", () => {
    expect(cost('{ me { gear { names(limit: 2) { name } } } }')).toBe(1 + DEFAULT_LIST_SIZE * (1 + 2 * 2));
  });

  it('expands fragments and inline fragments where they are spread', () => {
    const text = 'query { me { ...U } } fragment U on User { id ... on User { tags } }';
    expect(cost(text)).toBe(3);
  });

  it('leaves introspection out', () => {
    expect(cost('{ __typename __schema { types { name } } me { __typename id } }')).toBe(2);
  });

  it('takes the default list size it is given (GATEWAY_COST_DEFAULT_LIST_SIZE)', () => {
    expect(costIn(schema, '{ sports { name } }', {}, 7)).toBe(7 * 2);
  });
});

describe('estimateCost with @listSize and @cost', () => {
  const hinted = buildSchema(`
    ${COST_DIRECTIVES}
    type Query {
      sports: [Sport!]! @listSize(assumedSize: 25)
      feed(first: Int, last: Int, after: String): FeedConnection!
        @listSize(slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"])
      workouts(first: Int = 20): WorkoutConnection!
        @listSize(slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false)
      recent(take: Int): [Workout!]! @listSize(slicingArguments: ["take"], assumedSize: 4, requireOneSlicingArgument: false)
      search(text: String @cost(weight: 3), filter: SearchFilter): [Workout!]! @listSize(assumedSize: 2) @cost(weight: 4)
      streams: Streams @cost(weight: 10)
      track: Track
    }
    input SearchFilter { near: String @cost(weight: 6), sport: String }
    type Track @cost(weight: 8) { points: Int }
    type FeedConnection { edges: [FeedEdge!]!, nodes: [Workout!]!, pageInfo: PageInfo! }
    type FeedEdge { node: Workout! }
    type WorkoutConnection { edges: [WorkoutEdge!]! }
    type WorkoutEdge { node: Workout! }
    type PageInfo { hasNextPage: Boolean! }
    type Workout { id: ID!, splits: [Split!]! @listSize(assumedSize: 30), title: String @cost(weight: 2) }
    type Split { index: Int! }
    type Sport { name: String! }
    type Streams { offsets: [Float!]! }
  `);
  const hintedCost = (text: string, variables: Record<string, unknown> = {}, size?: number) =>
    costIn(hinted, text, variables, size);

  it("sizes a list by @listSize's assumedSize", () => {
    // sports 25 × (1 + name 1)
    expect(hintedCost('{ sports { name } }')).toBe(25 * 2);
    // recent: no `take` given, assumedSize 4: 4 × (1 + id 1)
    expect(hintedCost('{ recent { id } }')).toBe(4 * 2);
  });

  it('sizes a list by its slicing argument, a literal or a variable, before assumedSize', () => {
    expect(hintedCost('{ recent(take: 9) { id } }')).toBe(9 * 2);
    expect(hintedCost('query($n: Int) { recent(take: $n) { id } }', { n: 6 })).toBe(6 * 2);
    expect(hintedCost('query($n: Int = 3) { recent(take: $n) { id } }')).toBe(3 * 2);
    // A null variable gives no size: assumedSize.
    expect(hintedCost('query($n: Int) { recent(take: $n) { id } }', { n: null })).toBe(4 * 2);
  });

  it("passes the slicing argument to a connection's sizedFields, edges and nodes", () => {
    // feed 1 × (1 + edges 5 × (1 + node (1 + id 1)) + nodes 5 × (1 + id 1) + pageInfo (1 + 1))
    expect(
      hintedCost('{ feed(first: 5) { edges { node { id } } nodes { id } pageInfo { hasNextPage } } }'),
    ).toBe(1 + 5 * 3 + 5 * 2 + 2);
    expect(hintedCost('query($n: Int) { feed(last: $n) { edges { node { id } } } }', { n: 4 })).toBe(
      1 + 4 * 3,
    );
  });

  it("uses a slicing argument's default in the schema when the operation gives none", () => {
    // workouts(first = 20): edges 20 × (1 + node (1 + id 1))
    expect(hintedCost('{ workouts { edges { node { id } } } }')).toBe(1 + 20 * 3);
  });

  it('refuses a field that requires one slicing argument and gets none, or two', () => {
    expect(() => hintedCost('{ feed { edges { node { id } } } }')).toThrow(
      expect.objectContaining({
        message: 'Query.feed needs exactly one of first, last to estimate its size; the operation gives 0.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    );
    expect(() => hintedCost('{ feed(first: 1, last: 2) { nodes { id } } }')).toThrow(/gives 2/);
  });

  it('weighs a field by its @cost, else by its type’s @cost, else 1', () => {
    // streams: weight 10 + offsets 1; track: type weight 8 + points 1
    expect(hintedCost('{ streams { offsets } }')).toBe(10 + 1);
    expect(hintedCost('{ track { points } }')).toBe(8 + 1);
    // title weighs 2 on each of the 4 recent workouts: 4 × (1 + 2)
    expect(hintedCost('{ recent { title } }')).toBe(4 * 3);
  });

  it('adds the @cost of the arguments and input fields given, once per field', () => {
    // search: 2 × (weight 4 + id 1) + text 3
    expect(hintedCost('{ search(text: "x") { id } }')).toBe(2 * 5 + 3);
    expect(hintedCost('{ search { id } }')).toBe(2 * 5);
    // filter.near 6, filter.sport 0, from a variable too
    expect(hintedCost('{ search(filter: { near: "a", sport: "RUN" }) { id } }')).toBe(2 * 5 + 6);
    expect(
      hintedCost('query($f: SearchFilter) { search(text: "x", filter: $f) { id } }', { f: { near: 'b' } }),
    ).toBe(2 * 5 + 3 + 6);
  });

  it('applies the default list size to a list nothing sizes', () => {
    const plain = 'query($n: Int) { workouts(first: $n) { edges { node { id } } } }';
    // first: null leaves edges unsized: the default list size
    expect(hintedCost(plain, { n: null }, 7)).toBe(1 + 7 * 3);
  });
});

describe('the seven-level query over products, reviews and accounts', () => {
  it('costs 801 with @listSize(assumedSize: 3) on each list', () => {
    // product { upc name price }                      1 + 3            =   4
    // reviews (3) { id body product }                 3 × (1 + 2 + 4)   =  21
    // author { id name reviews }                      1 + 2 + 21        =  24
    // reviews (3) { id body author }                  3 × (1 + 2 + 24)  =  81
    // product { upc name price reviews }              1 + 3 + 81        =  85
    // reviews (3) { id body product }                 3 × (1 + 2 + 85)  = 264
    // users (3) { id name reviews }                   3 × (1 + 2 + 264) = 801
    expect(costIn(buildSchema(REVIEWS_SCHEMA), SEVEN_LEVELS)).toBe(801);
  });

  it('costs 1 170 860 without hints at the default list size of 20, 801 with a default of 3', () => {
    const bare = buildSchema(`
      type Query { users: [User!]! }
      type Product { upc: ID!, name: String, price: Int, reviews: [Review!]! }
      type Review { id: ID!, body: String, author: User!, product: Product! }
      type User { id: ID!, name: String, reviews: [Review!]! }
    `);
    expect(costIn(bare, SEVEN_LEVELS)).toBe(1_170_860);
    expect(costIn(bare, SEVEN_LEVELS, {}, 3)).toBe(801);
  });

  it('reads the worked example of the README: 88', () => {
    const text = `query TopProducts($n: Int) {
      topProducts(first: $n) { name price(currency: "EUR") shippingEstimate reviews { body author { name } } }
    }`;
    expect(costIn(buildSchema(REVIEWS_SCHEMA), text, { n: 4 })).toBe(88);
    expect(costIn(buildSchema(REVIEWS_SCHEMA), text)).toBe(110);
    const bare = buildSchema(`
      type Query { topProducts(first: Int = 5): [Product!]! }
      type Product { name: String, price(currency: String): Int, shippingEstimate: Int, reviews: [Review!]! }
      type Review { body: String, author: User! }
      type User { name: String }
    `);
    expect(costIn(bare, text, { n: 4 })).toBe(336);
  });
});
