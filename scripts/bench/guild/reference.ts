/**
 * The right answer to The Guild's TestQuery, computed without federation: one plain graphql-js schema over
 * the same data (guild/data.ts), whose resolvers say what the four subgraphs together mean (the user behind
 * every review is user "1", every user's reviews are the first two, inventory never learns a price, so no
 * shipping estimate). Written apart from guild/subgraph-schemas.ts, so that a gateway agreeing with it
 * agrees with an independent reading of the Rust subgraphs. Checked against facts of k6.js's expected
 * response structure before any gateway is compared with it.
 */
import { buildSchema, graphql } from 'graphql';
import {
  INVENTORY,
  PRODUCTS,
  REVIEWS,
  USERS,
  type GuildProduct,
  type GuildReview,
  type GuildUser,
} from './data';
import { TEST_QUERY } from './test-query';

const schema = buildSchema(`
  type Query {
    me: User
    user(id: ID!): User
    users: [User]
    topProducts(first: Int = 5): [Product]
  }
  type User { id: ID! name: String username: String birthday: Int reviews: [Review] }
  type Product {
    upc: String!
    name: String
    price: Int
    weight: Int
    inStock: Boolean
    shippingEstimate: Int
    reviews: [Review]
  }
  type Review { id: ID! body: String product: Product author: User }
`);

// graphql-js's default resolver calls a field that is a function: the objects below are the resolvers.
const userOf = (user: GuildUser) => ({ ...user, reviews: () => REVIEWS.slice(0, 2).map(reviewOf) });

const productOf = (product: GuildProduct) => ({
  ...product,
  inStock: INVENTORY.find((stock) => stock.upc === product.upc)?.inStock ?? null,
  shippingEstimate: null,
  reviews: () => REVIEWS.filter((review) => review.upc === product.upc).map(reviewOf),
});

function reviewOf(review: GuildReview) {
  return {
    id: review.id,
    body: review.body,
    product: () => productOf(PRODUCTS.find((product) => product.upc === review.upc)!),
    author: () => userOf(USERS.find((user) => user.id === '1')!),
  };
}

const root = {
  me: () => userOf(USERS[0]!),
  user: ({ id }: { id: string }) => USERS.filter((user) => user.id === id).map(userOf)[0] ?? null,
  users: () => USERS.map(userOf),
  topProducts: ({ first }: { first: number | null }) =>
    (first === null || first >= 0 ? PRODUCTS.slice(0, first ?? 5) : PRODUCTS).map(productOf),
};

interface TestQueryData {
  users: { id: string; username: string; name: string; reviews: { product: Record<string, unknown> }[] }[];
  topProducts: { name: string; reviews: unknown[] }[];
}

/** A few facts of k6.js's expected structure: the reference must show them before it judges a gateway. */
function checkK6Facts(data: TestQueryData): void {
  const [first] = data.users;
  const table = first?.reviews[0]?.product;
  const last = data.topProducts.at(-1);
  const facts: [string, boolean][] = [
    [
      'users[0] is Uri Goldshtein (id 1, urigo)',
      first?.id === '1' && first.username === 'urigo' && first.name === 'Uri Goldshtein',
    ],
    [
      'the Table: price 899, weight 100, in stock, no shipping estimate',
      table?.name === 'Table' &&
        table.price === 899 &&
        table.weight === 100 &&
        table.inStock === true &&
        table.shippingEstimate === null,
    ],
    ['topProducts has 5 items', data.topProducts.length === 5],
    ['the last top product is the TV, without reviews', last?.name === 'TV' && last.reviews.length === 0],
  ];
  const wrong = facts.filter(([, holds]) => !holds).map(([fact]) => fact);
  if (wrong.length) throw new Error(`The reference answer contradicts k6.js: not ${wrong.join('; not ')}`);
}

/** TestQuery's `data`, executed on the plain schema and checked against k6.js. */
export async function guildReferenceData(): Promise<unknown> {
  const result = await graphql({ schema, source: TEST_QUERY, rootValue: root });
  if (result.errors || !result.data) {
    throw new Error(`The reference schema failed: ${JSON.stringify(result.errors)}`);
  }
  checkK6Facts(result.data as unknown as TestQueryData);
  return result.data;
}
