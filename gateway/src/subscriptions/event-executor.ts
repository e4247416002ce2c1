/**
 * Turns one event of an upstream subscription into the client's result: the event answers the plan's
 * primary fetch, then the rest of the plan fetches the fields other subgraphs own, and the response is
 * shaped to the client's selection (aliases, fragments) as @apollo/gateway does for queries.
 */
import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { ExecutionResult } from 'graphql';
import { createErrorFormatter } from '../../../lib/errors/format-error';
import type { Logger } from '../../../lib/logging/logger';
import type { GatewayContext } from '../gateway-context';
import type { SubgraphDataSources } from '../subgraph-data-source';
import { toGraphQLErrors } from './subscription-errors';
import { EVENT_SOURCE, type PreparedSubscription, type SubscriptionPlanner } from './subscription-planner';

/** A subgraph's answer, as data sources return it (an event has the same shape). */
export type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type RequestContext = Parameters<typeof executeQueryPlan>[2];

export type EventExecutor = (
  prepared: PreparedSubscription,
  event: SubgraphResponse,
  caller: GatewayContext,
) => Promise<ExecutionResult>;

export function createEventExecutor(options: {
  planner: SubscriptionPlanner;
  subgraphUrls: Record<string, string>;
  /** The gateway's factory: the same deadline, retries and credential as the fetches of queries. */
  dataSources: SubgraphDataSources;
  logger: Logger;
}): EventExecutor {
  const { planner, logger } = options;
  const format = createErrorFormatter(logger);
  const dataSources: ServiceMap = Object.fromEntries(
    Object.entries(options.subgraphUrls).map(([name, url]) => [name, options.dataSources({ name, url })]),
  );

  return async (prepared, event, caller) => {
    const eventSource: GraphQLDataSource = { process: async () => event };
    const { request, plan } = prepared;
    // executeQueryPlan and the data sources read only these fields of the request context (checked
    // against @apollo/gateway 2.14.4): the variables, the per-request context, a logger and metrics.
    const requestContext = {
      request: {
        query: request.query,
        operationName: request.operationName ?? undefined,
        variables: request.variables,
      },
      context: caller,
      logger,
      metrics: {},
      schema: planner.schema,
      source: request.query,
      document: { kind: 'Document', definitions: [plan.operationContext.operation] },
      operation: plan.operationContext.operation,
      operationName: request.operationName,
    } as unknown as RequestContext;
    const result = await executeQueryPlan(
      plan.eventPlan,
      { ...dataSources, [EVENT_SOURCE]: eventSource },
      requestContext,
      plan.operationContext,
      planner.supergraphSchema,
      planner.apiSchema,
    );
    const errors = result.errors?.map((error) => format(error.toJSON(), error));
    return {
      data: result.data ?? null,
      ...(errors?.length && { errors: toGraphQLErrors(errors) }),
    };
  };
}
