/** The definitions of the cost specification's directives, for a schema that links no spec. */
export const COST_DIRECTIVES = `
  directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(
    assumedSize: Int
    slicingArguments: [String!]
    sizedFields: [String!]
    requireOneSlicingArgument: Boolean = true
  ) on FIELD_DEFINITION
`;

/** A products / reviews / accounts schema with the cost directives, for the cost specs and the README. */
export const REVIEWS_SCHEMA = `
${COST_DIRECTIVES}
  type Query {
    topProducts(first: Int = 5): [Product!]!
      @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)
    users: [User!]! @listSize(assumedSize: 3)
  }
  type Product {
    upc: ID!
    name: String
    price(currency: String @cost(weight: 2)): Int
    shippingEstimate: Int @cost(weight: 5)
    reviews: [Review!]! @listSize(assumedSize: 3)
  }
  type Review { id: ID!, body: String, author: User!, product: Product! }
  type User {
    id: ID!
    name: String
    reviews: [Review!]! @listSize(assumedSize: 3)
  }
`;

/** users → reviews → product → reviews → author → reviews → product: seven levels over short lists. */
export const SEVEN_LEVELS = `
  query SevenLevels {
    users {
      id name
      reviews {
        id body
        product {
          upc name price
          reviews {
            id body
            author {
              id name
              reviews { id body product { upc name price } }
            }
          }
        }
      }
    }
  }
`;
