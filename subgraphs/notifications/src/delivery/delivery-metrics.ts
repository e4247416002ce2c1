/** `/metrics` counters of the delivery log: what became of each delivery, per channel and status. */
import { Counter } from 'prom-client';
import { metricsRegistry } from '../../../../lib/metrics';
import type { Channel } from '../workflows/workflow';
import type { DeliveryStatus } from './delivery.repo';

const deliveries = new Counter({
  name: 'pulse_notification_deliveries_total',
  help: 'Notification deliveries by channel and outcome (QUEUED and DEFERRED when written, then SENT, FAILED, SKIPPED, or DEFERRED again).',
  labelNames: ['channel', 'status'] as const,
  registers: [metricsRegistry],
});

export const countDelivery = (channel: Channel, status: DeliveryStatus, times = 1) =>
  deliveries.inc({ channel, status }, times);
