/**
 * Parses, validates and plans subscription operations against the supergraph's API schema. A plan's
 * `primary` fetch is the subscription opened on the subgraph that owns the field; its `rest` resolves,
 * for every event, the fields other subgraphs own. Plans are cached by operation text and name.
 */
import { Supergraph, operationFromDocument, type Schema } from '@apollo/federation-internals';
import { buildOperationContext } from '@apollo/gateway';
import { QueryPlanner, type FetchNode, type QueryPlan } from '@apollo/query-planner';
import {
  GraphQLError,
  parse,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Viewer } from '../../../lib/auth/viewer';
import { inputRulesOf } from '../../../lib/graphql/input';
import { registerCostHints } from '../../../lib/graphql/limits/cost-directives';
import { checkOperation, inputErrors } from '../../../lib/graphql/operation-check';
import type { Logger } from '../../../lib/logging/logger';
import { createLruCache } from './lru-cache';
import { planCacheKey } from './operation-keys';
import { internalError, notASubscription } from './subscription-errors';

/** The service name under which each event stands in for the primary fetch's answer. */
export const EVENT_SOURCE = '__subscription_event__';

/** What a client asks for (a graphql-ws `subscribe` payload, an SSE request's parameters). */
export interface SubscriptionRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

type OperationContext = ReturnType<typeof buildOperationContext>;

export interface PlannedSubscription {
  document: DocumentNode;
  /** The subscription to open on the subgraph that owns the root field. */
  primary: FetchNode;
  /** The primary fetch (answered by an event, see EVENT_SOURCE) followed by the rest of the plan. */
  eventPlan: QueryPlan;
  operationContext: OperationContext;
}

export interface PreparedSubscription {
  request: { query: string; operationName: string | null; variables: Record<string, unknown> };
  plan: PlannedSubscription;
}

export type SubscriptionPlanner = ReturnType<typeof createSubscriptionPlanner>;

/**
 * The checks the gateway makes of every operation before any subgraph is called (the @auth requirements,
 * the query limits): throws a GraphQLError to refuse the subscription.
 */
export type SubscriptionGuard = (operation: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  viewer: Viewer | null;
}) => void;

export function createSubscriptionPlanner(
  sdl: string,
  logger: Logger,
  cacheSize = 500,
  guard: SubscriptionGuard = () => undefined,
) {
  const supergraph = Supergraph.build(sdl);
  const apiSchema: Schema = supergraph.apiSchema();
  const schema: GraphQLSchema = apiSchema.toGraphQLJSSchema();
  // The API schema has no cost directives: the estimate reads the supergraph's @listSize and @cost.
  registerCostHints(schema, sdl);
  const supergraphSchema: GraphQLSchema = supergraph.schema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  const inputRules = inputRulesOf(parse(sdl));
  const plans = createLruCache<string, PlannedSubscription>(cacheSize);

  const planOf = (document: DocumentNode, operationName: string | null): PlannedSubscription => {
    const operation = operationFromDocument(apiSchema, document, {
      operationName: operationName ?? undefined,
    });
    const queryPlan = planner.buildQueryPlan(operation);
    const node = queryPlan.node;
    if (node?.kind !== 'Subscription') throw new Error(`expected a Subscription plan, got ${node?.kind}`);
    return {
      document,
      primary: node.primary,
      eventPlan: {
        kind: 'QueryPlan',
        node: {
          kind: 'Sequence',
          nodes: [{ ...node.primary, serviceName: EVENT_SOURCE }, ...(node.rest ? [node.rest] : [])],
        },
      },
      operationContext: buildOperationContext({
        schema,
        operationDocument: document,
        operationName: operationName ?? undefined,
      }),
    };
  };

  /** The plan of a client's subscription, or the errors that explain why it cannot run. */
  const prepare = (
    request: SubscriptionRequest,
    viewer: Viewer | null,
  ): PreparedSubscription | readonly GraphQLError[] => {
    const operationName = request.operationName ?? null;
    const key = planCacheKey(request.query, operationName);
    let plan = plans.get(key);
    if (!plan) {
      const checked = checkOperation(schema, request.query, operationName);
      if (!('document' in checked)) return checked;
      if (checked.operation.operation !== 'subscription') return [notASubscription()];
      try {
        plan = planOf(checked.document, operationName);
      } catch (error) {
        logger.error({ err: error }, 'could not plan a subscription');
        return [internalError()];
      }
      plans.set(key, plan);
    }
    const variables = request.variables ?? {};
    const operation = plan.operationContext.operation;
    const invalidInput = inputErrors({ document: plan.document, operation }, schema, variables, inputRules);
    if (invalidInput.length > 0) return invalidInput;
    try {
      guard({
        schema,
        document: plan.document,
        operation: plan.operationContext.operation,
        variables,
        viewer,
      });
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    return { request: { query: request.query, operationName, variables }, plan };
  };

  return { schema, apiSchema, supergraphSchema, prepare };
}
