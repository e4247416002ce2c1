/**
 * The gateway's Prometheus series, in the registry every server exposes at /metrics. Other gateway
 * modules import what they count: rate limiting increments `rateLimitedTotal` (or calls `recordRateLimited`).
 */
import { Counter, Histogram, type Metric } from 'prom-client';
import { metricsRegistry } from '../../../lib/metrics';

/** Reuses a series another module registered under the same name (one registry per process). */
function registered<T extends Metric>(name: string, create: () => T): T {
  return (metricsRegistry.getSingleMetric(name) as T | undefined) ?? create();
}

/** `operation_type`: query, mutation, subscription, or unknown (unparsable, invalid, refused before parsing). */
export const requestsTotal = registered(
  'pulse_gateway_requests_total',
  () =>
    new Counter({
      name: 'pulse_gateway_requests_total',
      help: 'GraphQL requests answered by the gateway, by operation type and outcome (success, partial, error).',
      labelNames: ['operation_type', 'outcome'] as const,
      registers: [metricsRegistry],
    }),
);

export const requestDurationSeconds = registered(
  'pulse_gateway_request_duration_seconds',
  () =>
    new Histogram({
      name: 'pulse_gateway_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response, by operation type and outcome.',
      labelNames: ['operation_type', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metricsRegistry],
    }),
);

export const errorsTotal = registered(
  'pulse_gateway_errors_total',
  () =>
    new Counter({
      name: 'pulse_gateway_errors_total',
      help: 'GraphQL errors in gateway responses, by extensions.code.',
      labelNames: ['code'] as const,
      registers: [metricsRegistry],
    }),
);

/** `limit`: which limit refused the request (for example `ip`, `user`, `operation-cost`). */
export const rateLimitedTotal = registered(
  'pulse_gateway_rate_limited_total',
  () =>
    new Counter({
      name: 'pulse_gateway_rate_limited_total',
      help: 'Requests the gateway refused with RATE_LIMITED, by the limit that refused them.',
      labelNames: ['limit'] as const,
      registers: [metricsRegistry],
    }),
);

/** Counts one request refused by the rate limit named `limit`. */
export function recordRateLimited(limit: string): void {
  rateLimitedTotal.inc({ limit });
}
