/**
 * The behaviour every PubSub adapter must show. Run by pubsub.int-spec.ts against the in-process pub/sub
 * always and against Redis when REDIS_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { eventually } from '../testing/eventually';
import { useFixture } from '../testing/fixture';
import type { PubSub, PubSubSubscription } from './pubsub';

export interface PubSubContractTarget {
  /** Opens a new instance; for a broker-backed adapter, instances share the broker. */
  open(): Promise<PubSub>;
  /** Whether two instances see each other's messages (true across processes, false in-process). */
  sharedBetweenInstances: boolean;
  /** How many connections the broker has subscribed to a channel (only for broker-backed adapters). */
  brokerSubscriberCount?(channel: string): Promise<number>;
}

const channelFor = (what: string) => `test.${what}.${randomUUID().slice(0, 8)}`;

async function take(subscription: PubSubSubscription, count: number): Promise<unknown[]> {
  const values: unknown[] = [];
  while (values.length < count) {
    const result = await subscription.next();
    if (result.done) throw new Error(`The subscription ended after ${values.length} of ${count} messages.`);
    values.push(result.value);
  }
  return values;
}

export function describePubSubContract(name: string, target: PubSubContractTarget): void {
  describe(`PubSub contract: ${name}`, () => {
    const pubsub = useFixture(() => target.open());

    it('delivers every message of a channel to each of its subscribers, in publish order', async () => {
      const channel = channelFor('order');
      const first = pubsub().subscribe(channel);
      const second = pubsub().subscribe(channel);
      await Promise.all([first.ready, second.ready]);
      const messages = Array.from({ length: 50 }, (_, i) => ({ n: i, label: `step ${i}` }));
      for (const message of messages) await pubsub().publish(channel, message);
      expect(await take(first, 50)).toEqual(messages);
      expect(await take(second, 50)).toEqual(messages);
      await Promise.all([first.return(), second.return()]);
    });

    it('does not deliver to the subscribers of other channels', async () => {
      const [a, b] = [channelFor('a'), channelFor('b')];
      const onA = pubsub().subscribe(a);
      const onB = pubsub().subscribe(b);
      await Promise.all([onA.ready, onB.ready]);
      await pubsub().publish(a, 'for a');
      await pubsub().publish(b, 'for b');
      expect(await take(onB, 1)).toEqual(['for b']);
      expect(await take(onA, 1)).toEqual(['for a']);
      await Promise.all([onA.return(), onB.return()]);
    });

    it('does not deliver what was published before subscribing', async () => {
      const channel = channelFor('late');
      await pubsub().publish(channel, 'too early');
      const subscription = pubsub().subscribe(channel);
      await subscription.ready;
      await pubsub().publish(channel, 'in time');
      expect(await take(subscription, 1)).toEqual(['in time']);
      await subscription.return();
    });

    it('gives each subscriber its own copy of a JSON value', async () => {
      const channel = channelFor('copy');
      const first = pubsub().subscribe(channel);
      const second = pubsub().subscribe(channel);
      await Promise.all([first.ready, second.ready]);
      const progress = { distanceMeters: 1200, at: new Date('2025-01-01T10:00:00Z'), splits: [1, 2] };
      await pubsub().publish(channel, progress);
      progress.splits.push(3);
      const [[fromFirst], [fromSecond]] = await Promise.all([take(first, 1), take(second, 1)]);
      expect(fromFirst).toEqual({ distanceMeters: 1200, at: '2025-01-01T10:00:00.000Z', splits: [1, 2] });
      expect(fromSecond).toEqual(fromFirst);
      expect(fromSecond).not.toBe(fromFirst);
      await Promise.all([first.return(), second.return()]);
    });

    it('rejects a message that has no JSON form', async () => {
      await expect(pubsub().publish(channelFor('bad'), undefined)).rejects.toThrow(/JSON/);
      await expect(pubsub().publish(channelFor('bad'), { big: 1n })).rejects.toThrow(/JSON/);
    });

    it('stops delivering to a subscription after return(), and completes its pending next()', async () => {
      const channel = channelFor('return');
      const leaving = pubsub().subscribe(channel);
      const staying = pubsub().subscribe(channel);
      await Promise.all([leaving.ready, staying.ready]);
      const pending = leaving.next();
      await expect(leaving.return()).resolves.toEqual({ done: true, value: undefined });
      await expect(pending).resolves.toEqual({ done: true, value: undefined });
      await pubsub().publish(channel, 'after return');
      expect(await take(staying, 1)).toEqual(['after return']);
      await expect(leaving.next()).resolves.toEqual({ done: true, value: undefined });
      await staying.return();
    });

    it('keeps the newest messages of a slow subscriber and counts the dropped ones', async () => {
      const channel = channelFor('slow');
      const slow = pubsub().subscribe(channel, { bufferSize: 3 });
      await slow.ready;
      for (let i = 1; i <= 5; i += 1) await pubsub().publish(channel, i);
      await eventually(() => expect(slow.dropped).toBe(2));
      expect(await take(slow, 3)).toEqual([3, 4, 5]);
      await slow.return();
    });

    it('refuses a buffer size that is not a positive integer', () => {
      expect(() => pubsub().subscribe(channelFor('size'), { bufferSize: 0 })).toThrow(RangeError);
    });

    it('completes pending next() calls with done when closed, and refuses to publish after', async () => {
      const own = await target.open();
      const channel = channelFor('close');
      const subscription = own.subscribe(channel);
      await subscription.ready;
      const pending = subscription.next();
      await own.close();
      await expect(pending).resolves.toEqual({ done: true, value: undefined });
      await expect(subscription.next()).resolves.toEqual({ done: true, value: undefined });
      await expect(own.publish(channel, 'after close')).rejects.toThrow(/closed/);
      expect(() => own.subscribe(channel)).toThrow(/closed/);
    });

    it('tells whether a channel has subscribers', async () => {
      const channel = channelFor('listeners');
      expect(await pubsub().hasSubscribers(channel)).toBe(false);
      const subscription = pubsub().subscribe(channel);
      await subscription.ready;
      expect(await pubsub().hasSubscribers(channel)).toBe(true);
      await subscription.return();
      await eventually(async () => expect(await pubsub().hasSubscribers(channel)).toBe(false));
    });

    if (target.sharedBetweenInstances) {
      it('counts the subscribers of other instances', async () => {
        const other = await target.open();
        try {
          const channel = channelFor('remote-listeners');
          const remote = other.subscribe(channel);
          await remote.ready;
          expect(await pubsub().hasSubscribers(channel)).toBe(true);
          await remote.return();
        } finally {
          await other.close();
        }
      });

      it('sees a subscriber of another instance that came after it asked, a moment later', async () => {
        const other = await target.open();
        try {
          const channel = channelFor('late-listener');
          expect(await pubsub().hasSubscribers(channel)).toBe(false);
          const remote = other.subscribe(channel);
          await remote.ready;
          await eventually(async () => expect(await pubsub().hasSubscribers(channel)).toBe(true));
          await remote.return();
        } finally {
          await other.close();
        }
      });

      it('delivers across instances that share the broker', async () => {
        const other = await target.open();
        try {
          const channel = channelFor('cross');
          const remote = other.subscribe(channel);
          const local = pubsub().subscribe(channel);
          await Promise.all([remote.ready, local.ready]);
          await pubsub().publish(channel, { from: 'first' });
          await other.publish(channel, { from: 'second' });
          expect(await take(remote, 2)).toEqual([{ from: 'first' }, { from: 'second' }]);
          expect(await take(local, 2)).toEqual([{ from: 'first' }, { from: 'second' }]);
        } finally {
          await other.close();
        }
      });
    } else {
      it('keeps instances apart', async () => {
        const other = await target.open();
        const channel = channelFor('apart');
        const onOther = other.subscribe(channel);
        const onThis = pubsub().subscribe(channel);
        await pubsub().publish(channel, 'this instance only');
        await other.publish(channel, 'other instance only');
        expect(await take(onOther, 1)).toEqual(['other instance only']);
        expect(await take(onThis, 1)).toEqual(['this instance only']);
        await other.close();
        await onThis.return();
      });
    }

    const countAtBroker = target.brokerSubscriberCount;
    if (countAtBroker) {
      it('subscribes a channel at the broker once, and unsubscribes when its last local subscriber leaves', async () => {
        const channel = channelFor('refcount');
        const first = pubsub().subscribe(channel);
        const second = pubsub().subscribe(channel);
        await Promise.all([first.ready, second.ready]);
        expect(await countAtBroker(channel)).toBe(1);
        await first.return();
        await pubsub().publish(channel, 'still subscribed');
        expect(await take(second, 1)).toEqual(['still subscribed']);
        expect(await countAtBroker(channel)).toBe(1);
        await second.return();
        await eventually(async () => expect(await countAtBroker(channel)).toBe(0));
      });
    }
  });
}
