/**
 * What startGateway wires for observability: tracing set up for the process, the `graphql.request` span
 * around every /graphql request (continuing a client's `traceparent`), and the plugins that name the
 * operation on the span and count requests, latency and errors for /metrics.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Config } from '../../../lib/config/config';
import { graphqlSpanPlugin } from '../../../lib/tracing/graphql-span-plugin';
import { traceRequests } from '../../../lib/tracing/request-span';
import { flushTracing, setUpTracing } from '../../../lib/tracing/tracing';
import { gatewayMetricsPlugin } from './gateway-metrics-plugin';

export interface GatewayObservability<T extends BaseContext> {
  /** Mount before the body parser on /graphql: the request's span is active for everything after it. */
  requestSpan: RequestHandler;
  plugins: ApolloServerPlugin<T>[];
  /** Sends buffered spans to the exporter: call when the gateway stops. */
  flush(): Promise<void>;
}

export function gatewayObservability<T extends BaseContext>(config: Config): GatewayObservability<T> {
  setUpTracing(config.tracing);
  return {
    requestSpan: traceRequests('pulse.gateway', 'graphql.request'),
    plugins: [graphqlSpanPlugin<T>(), gatewayMetricsPlugin<T>()],
    flush: flushTracing,
  };
}
