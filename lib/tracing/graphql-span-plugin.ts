/**
 * Apollo Server plugin that names the operation on the request's span (started by `traceRequests`) and
 * marks the span as failed with the error codes when the response carries errors.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { SpanStatusCode, trace, type Span } from '@opentelemetry/api';

/** Names the operation on a request's span. */
export function nameOperationOnSpan(
  span: Span,
  operationType: string | undefined,
  operationName?: string | null,
) {
  if (operationType) span.setAttribute('graphql.operation.type', operationType);
  if (operationName) span.setAttribute('graphql.operation.name', operationName);
}

/** Marks a request's span as failed with the answer's error codes. */
export function markSpanFailed(span: Span, errorCodes: readonly string[]): void {
  const codes = [...new Set(errorCodes)];
  span.setAttribute('graphql.error.codes', codes);
  span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
}

export function graphqlSpanPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          nameOperationOnSpan(span, operation?.operation, operationName);
        },
        async didEncounterErrors({ errors }) {
          markSpanFailed(
            span,
            errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
          );
        },
      };
    },
  };
}
