/**
 * The gateway's Prometheus series, in the registry every server exposes at /metrics. Other gateway
 * modules import what they count: rate limiting increments `rateLimitedTotal` (or calls `recordRateLimited`),
 * the admission gate `admissionRefusedTotal` and registers its gate with `observeAdmission`.
 */
import { Counter, Gauge, Histogram, type Metric } from 'prom-client';
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

/** `reason`: `wait` (no slot freed within GATEWAY_ADMISSION_WAIT_MS) or `room-full` (the waiting room was full). */
export const admissionRefusedTotal = registered(
  'pulse_gateway_admission_refused_total',
  () =>
    new Counter({
      name: 'pulse_gateway_admission_refused_total',
      help: 'Requests the gateway turned away with SERVICE_UNAVAILABLE before doing any of their work, by reason.',
      labelNames: ['reason'] as const,
      registers: [metricsRegistry],
    }),
);

/** The admission gates of this process (one per gateway; tests may start several), read at each scrape. */
const admissionGates = new Set<{ stats(): { inFlight: number; waiting: number } }>();
const sumOf = (figure: 'inFlight' | 'waiting') =>
  [...admissionGates].reduce((sum, gate) => sum + gate.stats()[figure], 0);

export const admissionWaiting = registered(
  'pulse_gateway_admission_waiting',
  () =>
    new Gauge({
      name: 'pulse_gateway_admission_waiting',
      help: "Requests in the gateway's waiting room, waiting for a slot (GATEWAY_MAX_CONCURRENT).",
      registers: [metricsRegistry],
      collect() {
        this.set(sumOf('waiting'));
      },
    }),
);

export const admissionInFlight = registered(
  'pulse_gateway_admission_in_flight',
  () =>
    new Gauge({
      name: 'pulse_gateway_admission_in_flight',
      help: "Requests holding one of the gateway's admission slots (GATEWAY_MAX_CONCURRENT).",
      registers: [metricsRegistry],
      collect() {
        this.set(sumOf('inFlight'));
      },
    }),
);

/** Reports `gate`'s figures at every scrape until the returned function is called (the gateway stops). */
export function observeAdmission(gate: { stats(): { inFlight: number; waiting: number } }): () => void {
  admissionGates.add(gate);
  return () => admissionGates.delete(gate);
}
