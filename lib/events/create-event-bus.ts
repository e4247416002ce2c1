/** Chooses the event bus: Kafka when KAFKA_BROKERS is set, otherwise the in-process bus. */
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { EventBus } from './event-bus';
import { createInProcessBus } from './in-process-bus';

export function createEventBus(config: Config, options: { logger: Logger; retainIn?: string }): EventBus {
  const brokers = config.events.kafkaBrokers;
  if (brokers) {
    // Loaded only when used: the embedded platform never needs kafkajs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createKafkaBus } = require('./kafka-bus') as typeof import('./kafka-bus');
    return createKafkaBus({ brokers, clientId: config.events.kafkaClientId, logger: options.logger });
  }
  return createInProcessBus({ dir: options.retainIn, logger: options.logger });
}
