/**
 * Refuses operations over the configured depth, alias, root-field and cost limits (QUERY_TOO_COMPLEX,
 * HTTP 400) once Apollo Server has parsed and validated them, before anything runs (the gateway: before
 * any subgraph is called; a subgraph: before its resolvers). Checks run in didResolveOperation rather than
 * as validation rules because Apollo Server rewrites the code of every validation error to
 * GRAPHQL_VALIDATION_FAILED.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { limitExceededError } from './limit-errors';
import { countRootFields, measureShape, type OperationShape } from './operation-shape';
import { registerCostHints } from './cost-directives';
import { estimateCost } from './query-cost';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  /** The highest estimated cost accepted (./query-cost.ts); null: no cost limit (GATEWAY_MAX_COST=off). */
  maxCost: number | null;
  /** The size of a list without a slicing argument or @listSize (GATEWAY_COST_DEFAULT_LIST_SIZE). */
  defaultListSize?: number;
}

export interface LimitedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
}

/**
 * Throws QUERY_TOO_COMPLEX for the first limit `operation` exceeds (queries and mutations through Apollo,
 * subscriptions through the gateway's subscription server or a subgraph's graphql-ws). `shapes` caches the
 * measure per document.
 */
export function checkQueryLimits(
  limits: QueryLimits,
  { schema, document, operation, variables }: LimitedOperation,
  shapes = new WeakMap<DocumentNode, OperationShape>(),
): void {
  let shape = shapes.get(document);
  if (!shape) {
    shape = measureShape(schema, document);
    shapes.set(document, shape);
  }
  if (shape.depth > limits.maxDepth) throw limitExceededError('depth', limits.maxDepth, shape.depth);
  if (shape.aliases > limits.maxAliases)
    throw limitExceededError('aliases', limits.maxAliases, shape.aliases);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const rootFields = countRootFields(operation, fragments);
  if (rootFields > limits.maxRootFields)
    throw limitExceededError('rootFields', limits.maxRootFields, rootFields);
  if (limits.maxCost === null) return;
  const cost = estimateCost({
    schema,
    operation,
    fragments,
    variables,
    defaultListSize: limits.defaultListSize,
  });
  if (cost > limits.maxCost) throw limitExceededError('cost', limits.maxCost, cost);
}

/**
 * Apollo Server plugin applying `limits` to every operation, except those of requests `exempt` names. Behind a
 * gateway, the schema Apollo Server hands out is the API schema, stripped of `@cost` and `@listSize`: the
 * plugin reads them from the supergraph SDL each time it loads (a subgraph's schema keeps its own).
 */
export function queryLimitsPlugin<TContext extends object>(
  limits: QueryLimits,
  exempt: (request: GraphQLRequestContext<TContext>) => boolean = () => false,
): ApolloServerPlugin<TContext> {
  // Apollo Server reuses the parsed document of an operation it has seen: measure its shape once.
  const shapes = new WeakMap<DocumentNode, OperationShape>();
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema, coreSupergraphSdl }) {
          if (coreSupergraphSdl) registerCostHints(apiSchema, coreSupergraphSdl);
        },
      };
    },
    async requestDidStart(request) {
      if (exempt(request)) return;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo Server refuses a document without the requested operation itself
          checkQueryLimits(
            limits,
            { schema, document, operation, variables: request.variables ?? {} },
            shapes,
          );
        },
      };
    },
  };
}
