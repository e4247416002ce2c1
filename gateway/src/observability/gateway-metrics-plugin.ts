/**
 * Apollo Server plugin that feeds the gateway's request series: one count and one latency sample per
 * request, by operation type and outcome, and one error count per `extensions.code`.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLResponse } from '@apollo/server';
import { errorsTotal, requestDurationSeconds, requestsTotal } from './gateway-metrics';

export type Outcome = 'success' | 'partial' | 'error';

export function outcomeOf(response: GraphQLResponse, failed: boolean): Outcome {
  if (!failed) return 'success';
  const body = response.body;
  const data = body.kind === 'single' ? body.singleResult.data : body.initialResult.data;
  return data && Object.values(data).some((value) => value !== null) ? 'partial' : 'error';
}

export function codeOf(error: unknown): string {
  const extensions = (error as { extensions?: { code?: unknown } } | null)?.extensions;
  return typeof extensions?.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
}

export function countErrors(codes: readonly string[]): void {
  for (const code of codes) errorsTotal.inc({ code });
}

/** One request answered: its count and its latency since `started` (process.hrtime.bigint()). */
export function countRequest(operationType: string, outcome: Outcome, started: bigint): void {
  const labels = { operation_type: operationType, outcome };
  requestsTotal.inc(labels);
  requestDurationSeconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
}

export function gatewayMetricsPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    // Refused before the request started (e.g. a bad access token: 401 from the context function).
    async contextCreationDidFail({ error }) {
      requestsTotal.inc({ operation_type: 'unknown', outcome: 'error' });
      errorsTotal.inc({ code: codeOf(error) });
    },
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let operationType = 'unknown';
      let failed = false;
      return {
        async didResolveOperation({ operation }) {
          operationType = operation?.operation ?? operationType;
        },
        async didEncounterErrors({ errors }) {
          failed = true;
          countErrors(errors.map(codeOf));
        },
        async willSendResponse({ response }) {
          countRequest(operationType, outcomeOf(response, failed), started);
        },
      };
    },
  };
}
