/** Chooses the event bus (EVENT_BUS): Kafka, Redis Streams, or the in-process bus (the default without KAFKA_BROKERS). */
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { EventBus } from './event-bus';
import { createInProcessBus } from './in-process-bus';

export function createEventBus(config: Config, options: { logger: Logger; retainIn?: string }): EventBus {
  const { events } = config;
  switch (events.transport) {
    case 'kafka': {
      // Loaded only when used: the embedded platform never needs kafkajs.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createKafkaBus } = require('./kafka-bus') as typeof import('./kafka-bus');
      // loadConfig refuses EVENT_BUS=kafka without KAFKA_BROKERS.
      return createKafkaBus({
        brokers: events.kafkaBrokers!,
        clientId: events.kafkaClientId,
        logger: options.logger,
      });
    }
    case 'redis': {
      // Loaded only when used, like Kafka's.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createRedisBus } = require('./redis-bus') as typeof import('./redis-bus');
      // loadConfig refuses EVENT_BUS=redis without REDIS_URL.
      return createRedisBus({
        url: config.redis.url!,
        logger: options.logger,
        maxLenPerPartition: events.redisMaxLenPerPartition,
      });
    }
    case 'in-process':
      return createInProcessBus({ dir: options.retainIn, logger: options.logger });
  }
}
