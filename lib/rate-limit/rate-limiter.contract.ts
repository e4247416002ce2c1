/**
 * The behaviour every rate-limiter store must show. Run by rate-limiter.int-spec.ts against the
 * in-process store always and against Redis when REDIS_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { useFixture } from '../testing/fixture';
import type { RateLimiterStore } from './rate-limiter';

export interface RateLimiterContractTarget {
  open(): Promise<RateLimiterStore>;
  /** Whether two stores (two gateway instances) count the same key together. */
  sharedBetweenInstances: boolean;
}

const aKey = () => `user:${randomUUID()}`;
const aName = (what: string) => `test-${what}-${randomUUID().slice(0, 8)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeRateLimiterContract(name: string, target: RateLimiterContractTarget): void {
  describe(`RateLimiter contract: ${name}`, () => {
    const store = useFixture(() => target.open());

    it('allows the policy points in a window, counting down what remains, then refuses', async () => {
      const limiter = store().limiter(aName('count'), { points: 3, durationSeconds: 60 });
      const key = aKey();
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await limiter.consume(key));
      expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 2],
        [true, 1],
        [true, 0],
        [false, 0],
      ]);
      expect(decisions[3]?.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(decisions[3]?.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(decisions.slice(0, 3).map((d) => d.retryAfterSeconds)).toEqual([0, 0, 0]);
    });

    it('spends a cost of several points at once, and refuses a cost larger than what remains', async () => {
      const limiter = store().limiter(aName('cost'), { points: 10, durationSeconds: 60 });
      const key = aKey();
      expect(await limiter.consume(key, 7)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 3 });
      expect((await limiter.consume(key, 4)).allowed).toBe(false);
      expect((await limiter.consume(aKey(), 11)).allowed).toBe(false);
    });

    it('counts each key on its own, and each named limiter on its own', async () => {
      const policy = { points: 1, durationSeconds: 60 };
      const [first, second] = [store().limiter(aName('a'), policy), store().limiter(aName('b'), policy)];
      const [key, other] = [aKey(), aKey()];
      expect((await first.consume(key)).allowed).toBe(true);
      expect((await first.consume(key)).allowed).toBe(false);
      expect((await first.consume(other)).allowed).toBe(true);
      expect((await second.consume(key)).allowed).toBe(true);
    });

    it('opens a new window once the duration has passed', async () => {
      const limiter = store().limiter(aName('window'), { points: 1, durationSeconds: 1 });
      const key = aKey();
      expect((await limiter.consume(key)).allowed).toBe(true);
      const refused = await limiter.consume(key);
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
      await sleep(1_100);
      expect((await limiter.consume(key)).allowed).toBe(true);
    });

    it('refuses a cost that is not a positive integer', async () => {
      const limiter = store().limiter(aName('invalid'), { points: 5, durationSeconds: 60 });
      await expect(limiter.consume(aKey(), 0)).rejects.toThrow(/positive integer, not 0/);
      await expect(limiter.consume(aKey(), 1.5)).rejects.toThrow(/positive integer, not 1.5/);
    });

    it(
      target.sharedBetweenInstances
        ? 'counts a key together across instances'
        : 'counts a key separately in each instance',
      async () => {
        const other = await target.open();
        try {
          const name = aName('shared');
          const policy = { points: 2, durationSeconds: 60 };
          const key = aKey();
          await store().limiter(name, policy).consume(key, 2);
          const elsewhere = await other.limiter(name, policy).consume(key);
          expect(elsewhere.allowed).toBe(!target.sharedBetweenInstances);
        } finally {
          await other.close();
        }
      },
    );
  });
}
