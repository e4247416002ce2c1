import { leaseQuotaOf, planLeases, type LeaseView } from './redis-partition-leases';

const none = new Set<number>();
const view = (live: number, owners: string[]): LeaseView => ({ live, owners });

describe('leaseQuotaOf', () => {
  it('gives one member every partition, and several members a rounded-up share each', () => {
    expect(leaseQuotaOf(6, 1)).toBe(6);
    expect(leaseQuotaOf(6, 2)).toBe(3);
    expect(leaseQuotaOf(6, 4)).toBe(2);
    expect(leaseQuotaOf(6, 7)).toBe(1);
  });

  it('leaves no partition without a holder once every member holds its share', () => {
    for (let members = 1; members <= 10; members += 1) {
      expect(leaseQuotaOf(6, members) * members).toBeGreaterThanOrEqual(6);
    }
  });

  it('counts a member that sees no live member (its heartbeat not yet in) as alone', () => {
    expect(leaseQuotaOf(6, 0)).toBe(6);
  });
});

describe('planLeases', () => {
  it('has a lone member take every free partition', () => {
    expect(planLeases(view(1, ['', '', '', '']), 'me', none, none)).toEqual({
      take: [0, 1, 2, 3],
      release: [],
      lost: [],
      adopt: [],
    });
  });

  it('takes free partitions only up to the share, leaving the rest to the other members', () => {
    const plan = planLeases(view(2, ['other', '', '', 'me', '', '']), 'me', new Set([3]), none);
    expect(plan.take).toEqual([1, 2]);
  });

  it('gives back what it holds beyond its share when a member joins, keeping those it is handling', () => {
    const owners = ['me', 'me', 'me', 'me', 'me', 'me'];
    const plan = planLeases(view(2, owners), 'me', new Set([0, 1, 2, 3, 4, 5]), none);
    expect(plan).toEqual({ take: [], release: [3, 4, 5], lost: [], adopt: [] });
  });

  it('does not count or give back twice what it is already giving back', () => {
    const owners = ['me', 'me', 'me', 'me', 'me', 'me'];
    const plan = planLeases(view(2, owners), 'me', new Set([0, 1, 2]), new Set([3, 4, 5]));
    expect(plan).toEqual({ take: [], release: [], lost: [], adopt: [] });
  });

  it('stops the workers of partitions whose lease expired and went to another member', () => {
    const plan = planLeases(view(2, ['other', 'me', '']), 'me', new Set([0, 1]), none);
    expect(plan.lost).toEqual([0]);
  });

  it('starts a worker for a partition it holds without one (a take whose reply was lost)', () => {
    const plan = planLeases(view(1, ['me', 'me']), 'me', new Set([0]), none);
    expect(plan.adopt).toEqual([1]);
  });

  it('waits for the holder of a partition to give it back rather than taking it', () => {
    const plan = planLeases(view(2, ['other', 'other', 'other', 'other']), 'me', none, none);
    expect(plan).toEqual({ take: [], release: [], lost: [], adopt: [] });
  });
});
