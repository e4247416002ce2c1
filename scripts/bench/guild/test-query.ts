/**
 * The one operation of The Guild's federation gateway benchmark: k6.js's TestQuery (github.com/graphql-hive/
 * graphql-gateways-benchmark, commit e583a1f), byte for byte, sent as k6 sends it: a JSON body with the query
 * alone (no variables, no operation name), anonymous, content-type application/json.
 */
export const TEST_QUERY = `fragment User on User {
      id
      username
      name
    }

    fragment Review on Review {
      id
      body
    }

    fragment Product on Product {
      inStock
      name
      price
      shippingEstimate
      upc
      weight
    }

    query TestQuery {
      users {
        ...User
        reviews {
          ...Review
          product {
            ...Product
            reviews {
              ...Review
              author {
                ...User
                reviews {
                  ...Review
                  product {
                    ...Product
                  }
                }
              }
            }
          }
        }
      }
      topProducts {
        ...Product
        reviews {
          ...Review
          author {
            ...User
            reviews {
              ...Review
              product {
                ...Product
              }
            }
          }
        }
      }
    }`;

export const TEST_QUERY_BODY = JSON.stringify({ query: TEST_QUERY });
