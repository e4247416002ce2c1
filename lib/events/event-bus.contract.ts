/**
 * The behaviour every EventBus adapter must show. Run by event-bus.int-spec.ts against the in-process
 * bus always, against Redis Streams when REDIS_URL is set and against Kafka when KAFKA_BROKERS is set.
 * What only shows across processes (members of one group sharing its partitions, a killed member's share
 * taken over) runs for adapters that can open a second bus on the same backend: a peer.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from '../testing/eventually';
import { DLQ_HEADERS, dlqTopicOf, type BusMessage, type DeliveredMessage, type EventBus } from './event-bus';

const FAST_RETRY = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 };

/** Keys that fall in every partition of a topic of 6 (bus-helpers' partitionOf), and very likely of any count. */
const SPREAD_KEYS = Array.from({ length: 24 }, (_, i) => `key-${i}`);

export interface ContractPeers<B extends EventBus> {
  /** A second bus on the same backend: what another process of the deployment opens. */
  createPeer(): Promise<B>;
  /** Ends a peer as a killed process ends: its connections drop, nothing is given back or acknowledged. */
  killPeer?(peer: B): void;
}

/** Who handled which message, in the order handled. */
interface Handling {
  member: string;
  key: string;
  value: string;
}

const aMessage = (
  topic: string,
  key: string,
  value: string,
  headers: Record<string, string> = {},
): BusMessage => ({
  topic,
  key,
  value,
  headers: { 'x-test': 'yes', ...headers },
});

export function describeEventBusContract<B extends EventBus>(
  name: string,
  createBus: () => Promise<EventBus>,
  peers?: ContractPeers<B>,
): void {
  describe(`EventBus contract: ${name}`, () => {
    let bus: EventBus;
    beforeAll(async () => {
      bus = await createBus();
    });
    afterAll(async () => {
      await bus.close();
    });
    const topicFor = (what: string) => `pulse.test.${what}.${randomUUID().slice(0, 8)}`;
    const groupFor = (what: string) => `test-${what}-${randomUUID().slice(0, 8)}`;

    it('delivers every message to a group, in publish order per key', async () => {
      const topic = topicFor('order');
      const received: DeliveredMessage[] = [];
      const consumer = await bus.subscribe({
        group: groupFor('order'),
        topics: [topic],
        handler: async (m) => void received.push(m),
      });
      const keys = ['a', 'b', 'c'];
      const messages = Array.from({ length: 30 }, (_, i) => aMessage(topic, keys[i % 3]!, String(i)));
      await bus.publish(messages.slice(0, 15));
      await bus.publish(messages.slice(15));
      await eventually(() => expect(received).toHaveLength(30));
      for (const key of keys) {
        const values = received.filter((m) => m.key === key).map((m) => Number(m.value));
        expect(values).toEqual([...values].sort((x, y) => x - y));
      }
      expect(received[0]).toMatchObject({
        topic,
        headers: expect.objectContaining({ 'x-test': 'yes' }),
        attempt: 1,
      });
      await consumer.stop();
    });

    it('gives each consumer group its own copy of every message', async () => {
      const topic = topicFor('groups');
      const first: string[] = [];
      const second: string[] = [];
      const a = await bus.subscribe({
        group: groupFor('a'),
        topics: [topic],
        handler: async (m) => void first.push(m.value),
      });
      const b = await bus.subscribe({
        group: groupFor('b'),
        topics: [topic],
        handler: async (m) => void second.push(m.value),
      });
      await bus.publish([aMessage(topic, 'k', '1'), aMessage(topic, 'k', '2')]);
      await eventually(() => {
        expect(first).toEqual(['1', '2']);
        expect(second).toEqual(['1', '2']);
      });
      await Promise.all([a.stop(), b.stop()]);
    });

    it('retries a handler that fails twice; the message takes effect once', async () => {
      const topic = topicFor('retry');
      const attempts: number[] = [];
      let effects = 0;
      const consumer = await bus.subscribe({
        group: groupFor('retry'),
        topics: [topic],
        retry: FAST_RETRY,
        handler: async (m) => {
          attempts.push(m.attempt);
          if (attempts.length < 3) throw new Error('database briefly unavailable');
          effects += 1;
        },
      });
      await bus.publish([aMessage(topic, 'k', 'once')]);
      await eventually(() => expect(effects).toBe(1));
      expect(attempts).toEqual([1, 2, 3]);
      await consumer.stop();
    });

    it('parks a message that always fails on <topic>.dlq with its error and headers, and keeps the rest flowing', async () => {
      const topic = topicFor('poison');
      const handled: string[] = [];
      const consumer = await bus.subscribe({
        group: groupFor('poison'),
        topics: [topic],
        retry: FAST_RETRY,
        handler: async (m) => {
          if (m.value === 'poison') throw new Error('cannot parse this event');
          handled.push(m.value);
        },
      });
      const parked: DeliveredMessage[] = [];
      const dlq = await bus.subscribe({
        group: groupFor('dlq'),
        topics: [dlqTopicOf(topic)],
        handler: async (m) => void parked.push(m),
      });
      await bus.publish([
        aMessage(topic, 'bad-key', 'poison', { 'x-event-type': 'test.poison' }),
        aMessage(topic, 'bad-key', 'after poison, same key'),
        aMessage(topic, 'other-key', 'other key'),
      ]);
      await eventually(() => {
        expect(handled).toEqual(expect.arrayContaining(['after poison, same key', 'other key']));
        expect(parked).toHaveLength(1);
      });
      expect(parked[0]).toMatchObject({
        key: 'bad-key',
        value: 'poison',
        headers: expect.objectContaining({
          'x-test': 'yes',
          'x-event-type': 'test.poison',
          [DLQ_HEADERS.error]: 'cannot parse this event',
          [DLQ_HEADERS.originalTopic]: topic,
          [DLQ_HEADERS.attempts]: '3',
        }),
      });
      await Promise.all([consumer.stop(), dlq.stop()]);
    });

    it('redelivers to a restarted group what it had not acknowledged, and nothing it had', async () => {
      const topic = topicFor('restart');
      const group = groupFor('restart');
      const seen: string[] = [];
      const first = await bus.subscribe({
        group,
        topics: [topic],
        handler: async (m) => void seen.push(m.value),
      });
      await bus.publish([aMessage(topic, 'k', '1')]);
      await eventually(() => expect(seen).toEqual(['1']));
      await first.stop();

      await bus.publish([aMessage(topic, 'k', '2')]);
      const second = await bus.subscribe({
        group,
        topics: [topic],
        handler: async (m) => void seen.push(m.value),
      });
      await eventually(() => expect(seen).toEqual(['1', '2']));
      await second.stop();
    });

    it('gives a new group what was published before it subscribed', async () => {
      const topic = topicFor('earlier');
      await bus.publish([aMessage(topic, 'k', 'before anyone listened')]);
      const seen: string[] = [];
      const consumer = await bus.subscribe({
        group: groupFor('late'),
        topics: [topic],
        handler: async (m) => void seen.push(m.value),
      });
      await eventually(() => expect(seen).toEqual(['before anyone listened']));
      await consumer.stop();
    });

    it('reads back the retained messages of a topic from a time on', async () => {
      const topic = topicFor('retained');
      await bus.publish([aMessage(topic, 'k', 'old')]);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const from = new Date();
      await bus.publish([aMessage(topic, 'k', 'new')]);
      const all: string[] = [];
      const recent: string[] = [];
      await eventually(async () => {
        all.length = 0;
        recent.length = 0;
        await bus.readRetained([topic], null, async (m) => void all.push(m.value));
        await bus.readRetained([topic], from, async (m) => void recent.push(m.value));
        expect(all).toEqual(['old', 'new']);
        expect(recent).toEqual(['new']);
      });
    });

    describe('members of one group on two buses (two processes)', () => {
      const withPeer = peers ? it : it.skip;
      const withKill = peers?.killPeer ? it : it.skip;
      const noPeer = peers ? '' : ' (skipped: this adapter lives in one process and has no peers)';
      const noKill =
        !peers || peers.killPeer ? noPeer : ' (skipped: this adapter gives no way to kill a peer abruptly)';

      const memberOn = (on: EventBus, member: string, group: string, topic: string, handled: Handling[]) =>
        on.subscribe({
          group,
          topics: [topic],
          handler: async (m) => void handled.push({ member, key: m.key, value: m.value }),
        });

      // Members share the partitions within a moment (Redis: a lease round; Kafka: a rebalance), so waves
      // over keys in every partition go out until each member has handled some. Values count up.
      const publishUntilEachHandles = async (topic: string, handled: Handling[], members: string[]) => {
        const sent: string[] = [];
        await eventually(async () => {
          const wave = SPREAD_KEYS.map((key, i) => aMessage(topic, key, String(sent.length + i)));
          await bus.publish(wave);
          sent.push(...wave.map((m) => m.value));
          await sleep(250);
          expect(new Set(handled.map((h) => h.member))).toEqual(new Set(members));
        }, 40_000);
        return sent;
      };

      const inOrderPerKey = (handled: Handling[]) => {
        for (const key of SPREAD_KEYS) {
          const values = handled.filter((h) => h.key === key).map((h) => Number(h.value));
          expect(values).toEqual([...values].sort((x, y) => x - y));
        }
      };

      withPeer(
        `share a group’s partitions: each message handled once, in order per key${noPeer}`,
        async () => {
          const peer = await peers!.createPeer();
          try {
            const topic = topicFor('members');
            const group = groupFor('members');
            const handled: Handling[] = [];
            const consumers = [
              await memberOn(bus, 'first', group, topic, handled),
              await memberOn(peer, 'second', group, topic, handled),
            ];
            const sent = await publishUntilEachHandles(topic, handled, ['first', 'second']);
            await eventually(() => expect(new Set(handled.map((h) => h.value)).size).toBe(sent.length));
            await sleep(500); // time for a message handled twice to show
            expect(handled).toHaveLength(sent.length);
            inOrderPerKey(handled);
            await Promise.all(consumers.map((consumer) => consumer.stop()));
          } finally {
            await peer.close();
          }
        },
      );

      withKill(
        `take over a killed member’s partitions and its unacknowledged message once its leases expire${noKill}`,
        async () => {
          const peer = await peers!.createPeer();
          let unstick!: () => void;
          const stuck = new Promise<void>((resolve) => (unstick = resolve));
          try {
            const topic = topicFor('killed');
            const group = groupFor('killed');
            const handled: Handling[] = [];
            const survivor = await memberOn(bus, 'survivor', group, topic, handled);
            await peer.subscribe({
              group,
              topics: [topic],
              handler: async (m) => {
                handled.push({ member: 'killed', key: m.key, value: m.value });
                if (m.value === 'in hand') await stuck; // the process dies in the middle of this one
              },
            });
            const sent = await publishUntilEachHandles(topic, handled, ['survivor', 'killed']);
            await eventually(() => expect(handled).toHaveLength(sent.length));
            // The last key it handled: one of its partitions now that the members have shared them out.
            const key = handled.findLast((h) => h.member === 'killed')!.key;
            await bus.publish(['in hand', 'next', 'next again'].map((value) => aMessage(topic, key, value)));
            await eventually(() =>
              expect(handled).toContainEqual({ member: 'killed', key, value: 'in hand' }),
            );

            peers!.killPeer!(peer);
            const killedAt = handled.length;
            await bus.publish(SPREAD_KEYS.map((k) => aMessage(topic, k, `after ${k}`)));
            await eventually(() => {
              const ofKey = handled.slice(killedAt).filter((h) => h.key === key);
              expect(ofKey).toEqual(
                ['in hand', 'next', 'next again', `after ${key}`].map((value) => ({
                  member: 'survivor',
                  key,
                  value,
                })),
              );
              const after = handled.filter((h) => h.value.startsWith('after '));
              expect(after.map((h) => h.member)).toEqual(SPREAD_KEYS.map(() => 'survivor'));
            });
            // Of what the killed member handled, only the message it never finished comes again.
            const handledByKilled = new Set(handled.filter((h) => h.member === 'killed').map((h) => h.value));
            const again = handled.filter((h) => h.member === 'survivor' && handledByKilled.has(h.value));
            expect(again.map((h) => h.value)).toEqual(['in hand']);
            await survivor.stop();
          } finally {
            unstick();
            await peer.close();
          }
        },
      );
    });
  });
}
