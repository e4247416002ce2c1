/**
 * The four subgraphs of The Guild's federation gateway benchmark (github.com/graphql-hive/
 * graphql-gateways-benchmark, commit e583a1f: subgraphs/*.rs, async-graphql with federation v1), as
 * @apollo/subgraph schemas answering exactly as the Rust ones do, quirks included:
 * - inventory resolves a Product from its own list, where price and weight are None, whatever the gateway
 *   sends for `@requires(fields: "price weight")`: shippingEstimate is always null;
 * - reviews' Review.author is always user "1" with username "urigo" (its `@provides`) and the first two
 *   reviews, and its User entity has the first two reviews whoever the user is;
 * - topProducts(first: Int = 5) takes the first `first` products (a negative one, `as usize` in Rust, all).
 * An entity the Rust subgraph cannot find panics there (unwrap); here it is an error.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { INVENTORY, PRODUCTS, REVIEWS, USERS, type GuildReview } from './data';

export type GuildSubgraphName = 'accounts' | 'inventory' | 'products' | 'reviews';

interface Subgraph {
  typeDefs: DocumentNode;
  resolvers: Record<string, Record<string, unknown>>;
}

/** An entity resolver returning the item of `list` with the representation's key (the Rust one panics on none). */
function entityIn<K extends string, T extends Record<K, string>>(list: readonly T[], key: K, type: string) {
  return (representation: Record<K, string>): T => {
    const entity = list.find((item) => item[key] === representation[key]);
    if (!entity) throw new Error(`${type} ${representation[key]} not found`);
    return entity;
  };
}

const firstTwoReviews = () => REVIEWS.slice(0, 2);

export const GUILD_SUBGRAPHS: Record<GuildSubgraphName, Subgraph> = {
  accounts: {
    typeDefs: parse(`
      extend type Query {
        me: User
        user(id: ID!): User
        users: [User]
      }
      type User @key(fields: "id") {
        id: ID!
        name: String
        username: String
        birthday: Int
      }`),
    resolvers: {
      Query: {
        me: () => USERS[0],
        user: (_: unknown, { id }: { id: string }) => USERS.find((u) => u.id === id) ?? null,
        users: () => USERS,
      },
      User: {
        __resolveReference: entityIn(USERS, 'id', 'User'),
      },
    },
  },
  inventory: {
    typeDefs: parse(`
      extend type Product @key(fields: "upc") {
        upc: String! @external
        weight: Int @external
        price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`),
    resolvers: {
      Product: {
        // Its own entry, not the representation: the price and weight the gateway sends are dropped.
        __resolveReference: entityIn(INVENTORY, 'upc', 'Product'),
        shippingEstimate: ({ price, weight }: { price: number | null; weight: number | null }) => {
          if (price === null) return null;
          if (price > 1000) return 0;
          return weight === null ? null : Math.trunc(weight / 2);
        },
      },
    },
  },
  products: {
    typeDefs: parse(`
      extend type Query {
        topProducts(first: Int = 5): [Product]
      }
      type Product @key(fields: "upc") {
        upc: String!
        name: String
        price: Int
        weight: Int
      }`),
    resolvers: {
      Query: {
        topProducts: (_: unknown, { first }: { first: number | null }) =>
          (first ?? 5) < 0 ? PRODUCTS : PRODUCTS.slice(0, first ?? 5),
      },
      Product: {
        __resolveReference: entityIn(PRODUCTS, 'upc', 'Product'),
      },
    },
  },
  reviews: {
    typeDefs: parse(`
      type Review @key(fields: "id") {
        id: ID!
        body: String
        product: Product
        author: User @provides(fields: "username")
      }
      extend type User @key(fields: "id") {
        id: ID! @external
        username: String @external
        reviews: [Review]
      }
      extend type Product @key(fields: "upc") {
        upc: String! @external
        reviews: [Review]
      }`),
    resolvers: {
      Review: {
        __resolveReference: entityIn(REVIEWS, 'id', 'Review'),
        product: (review: GuildReview) => ({ upc: review.upc }),
        author: () => ({ id: '1', username: 'urigo', reviews: firstTwoReviews() }),
      },
      User: {
        __resolveReference: ({ id }: { id: string }) => ({
          id,
          username: 'user',
          reviews: firstTwoReviews(),
        }),
      },
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
        reviews: ({ upc }: { upc: string }) => REVIEWS.filter((r) => r.upc === upc),
      },
    },
  },
};

export function guildSubgraphSchema(name: GuildSubgraphName): GraphQLSchema {
  const { typeDefs, resolvers } = GUILD_SUBGRAPHS[name];
  return buildSubgraphSchema({ typeDefs, resolvers } as Parameters<typeof buildSubgraphSchema>[0]);
}
