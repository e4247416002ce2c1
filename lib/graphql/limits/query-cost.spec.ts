import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
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

function cost(text: string, variables: Record<string, unknown> = {}) {
  const document = parse(text);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return estimateCost({ schema, operation, fragments, variables });
}

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
});
