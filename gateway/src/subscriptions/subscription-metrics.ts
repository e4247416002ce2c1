/** Prometheus figures of the gateway's subscriptions, in the registry every server exposes at /metrics. */
import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../../../lib/metrics';

export const activeSubscriptions = new Gauge({
  name: 'pulse_gateway_active_subscriptions',
  help: 'Client subscriptions the gateway is serving (graphql-ws and SSE).',
  registers: [metricsRegistry],
});

export const upstreamSubscriptions = new Gauge({
  name: 'pulse_gateway_subscription_upstreams',
  help: 'Subscriptions the gateway holds open on subgraphs (identical client subscriptions share one).',
  registers: [metricsRegistry],
});

export const droppedMessages = new Counter({
  name: 'pulse_gateway_subscription_messages_dropped_total',
  help: 'Subscription events dropped because a reader was too slow and its buffer was full (oldest first).',
  registers: [metricsRegistry],
});
