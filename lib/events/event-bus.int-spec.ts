import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../logging/logger';
import { eventually } from '../testing/eventually';
import { describeEventBusContract } from './event-bus.contract';
import { partitionOf } from './bus-helpers';
import { createInProcessBus } from './in-process-bus';
import { createRedisBus } from './redis-bus';

describeEventBusContract('in-process', async () => createInProcessBus());

describeEventBusContract('in-process, kept in files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bus-'));
  const bus = createInProcessBus({ dir });
  return { ...bus, close: async () => (await bus.close(), rmSync(dir, { recursive: true, force: true })) };
});

describe('in-process bus kept in files', () => {
  it('retains the log and each group’s offsets across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-bus-'));
    try {
      const seen: string[] = [];
      const before = createInProcessBus({ dir });
      const consumer = await before.subscribe({
        group: 'g',
        topics: ['t'],
        handler: async (m) => void seen.push(m.value),
      });
      await before.publish([{ topic: 't', key: 'k', value: '1', headers: {} }]);
      await eventually(() => expect(seen).toEqual(['1']));
      await consumer.stop();
      await before.close();

      const after = createInProcessBus({ dir });
      await after.publish([{ topic: 't', key: 'k', value: '2', headers: {} }]);
      await after.subscribe({ group: 'g', topics: ['t'], handler: async (m) => void seen.push(m.value) });
      await eventually(() => expect(seen).toEqual(['1', '2']));
      const retained: string[] = [];
      await after.readRetained(['t'], null, async (m) => void retained.push(m.value));
      expect(retained).toEqual(['1', '2']);
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('after a crash, a group resumes from the offsets written in the background (every 100 ms)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-bus-'));
    const seen: string[] = [];
    const handler = async (m: { value: string }) => void seen.push(m.value);
    const crashed = createInProcessBus({ dir });
    try {
      await crashed.subscribe({ group: 'g', topics: ['t'], handler });
      await crashed.publish([{ topic: 't', key: 'k', value: '1', headers: {} }]);
      await eventually(() => expect(seen).toEqual(['1']));
      // Neither the consumer nor the bus is stopped, as when the process is killed: the offset still gets written.
      await eventually(() =>
        expect(JSON.parse(readFileSync(join(dir, 'offsets.json'), 'utf8'))).toEqual({
          [`g|t|${partitionOf('k', 4)}`]: 1,
        }),
      );
      const restarted = createInProcessBus({ dir });
      await restarted.publish([{ topic: 't', key: 'k', value: '2', headers: {} }]);
      await restarted.subscribe({ group: 'g', topics: ['t'], handler });
      await eventually(() => expect(seen).toEqual(['1', '2']));
      await restarted.close();
    } finally {
      await crashed.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  // Each run keeps its streams, groups and leases under a prefix of its own, and deletes them at the end.
  const keyPrefix = `pulse:test:events:${randomUUID().slice(0, 8)}:`;
  const open = () =>
    createRedisBus({ url: redisUrl, logger: createLogger('silent'), keyPrefix, leaseTtlMs: 2_000 });
  const deleteRunKeys = async () => {
    const redis = new Redis(redisUrl);
    try {
      for await (const keys of redis.scanStream({ match: `${keyPrefix}*`, count: 500 })) {
        if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
      }
    } finally {
      await redis.quit();
    }
  };
  describeEventBusContract(
    `Redis Streams at ${redisUrl}`,
    async () => {
      const bus = open();
      return { ...bus, close: async () => (await bus.close(), await deleteRunKeys()) };
    },
    { createPeer: async () => open(), killPeer: (peer) => peer.kill() },
  );
} else {
  describe('EventBus contract: Redis Streams', () => {
    it.todo('runs only where REDIS_URL is set (no Redis server on this machine)');
  });
}

if (process.env.KAFKA_BROKERS) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createKafkaBus } = require('./kafka-bus') as typeof import('./kafka-bus');
  const open = (clientId: string) =>
    createKafkaBus({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId });
  describeEventBusContract(`Kafka at ${process.env.KAFKA_BROKERS}`, async () => open('pulse-contract-test'), {
    createPeer: async () => open('pulse-contract-test-peer'),
  });
} else {
  describe('EventBus contract: Kafka', () => {
    it.todo('runs only where KAFKA_BROKERS is set (no Kafka broker on this machine)');
  });
}
