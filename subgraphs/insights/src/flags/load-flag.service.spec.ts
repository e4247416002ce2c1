/** The load-flag service on in-memory repositories: pages of flags and the count still raised. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fakeInsightsRepos } from '../insights.fakes';
import type { LoadFlagRecord } from './load-flag.repo';
import { createLoadFlagService } from './load-flag.service';

const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const bob: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

function newTestFlags() {
  const repos = fakeInsightsRepos();
  return { flags: createLoadFlagService({ repos }), repos };
}

/** A load spike Ann's flag raised on 2026-11-18, still raised. */
const aFlag = (overrides: Partial<LoadFlagRecord> = {}): LoadFlagRecord => ({
  id: uuidv7(),
  userId: ann.userId,
  raisedOn: '2026-11-18',
  clearedOn: null,
  method: 'ACWR_EWMA',
  modelVersion: 'load-spike@1',
  ratio: 1.6,
  acute: 480,
  chronic: 300,
  parameters: { raiseAbove: 1.5, clearBelow: 1.3, minHistoryDays: 28 },
  ...overrides,
});

describe('loadFlags', () => {
  it("pages the athlete's flags newest first and counts those still raised", async () => {
    const { flags, repos } = newTestFlags();
    await repos.flags.insert(aFlag({ raisedOn: '2026-09-01', clearedOn: '2026-09-08' }));
    await repos.flags.insert(aFlag({ raisedOn: '2026-10-01', clearedOn: '2026-10-05' }));
    await repos.flags.insert(aFlag({ raisedOn: '2026-11-18' }));
    await repos.flags.insert(aFlag({ userId: bob.userId, raisedOn: '2026-11-19' }));

    const first = await flags.loadFlags(ann.userId, 2, null);
    expect(first.edges.map((e) => e.node.raisedOn)).toEqual(['2026-11-18', '2026-10-01']);
    expect(first.raisedCount).toBe(1);
    expect(first.pageInfo.hasNextPage).toBe(true);

    const rest = await flags.loadFlags(ann.userId, 2, first.pageInfo.endCursor);
    expect(rest.edges.map((e) => e.node.raisedOn)).toEqual(['2026-09-01']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('counts no raised flag for an athlete without any', async () => {
    const { flags } = newTestFlags();
    expect(await flags.loadFlags(ann.userId, null, null)).toMatchObject({
      edges: [],
      raisedCount: 0,
    });
  });

  it('refuses a `first` above 100', async () => {
    const { flags } = newTestFlags();
    await expect(flags.loadFlags(ann.userId, 101, null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'first' },
    });
  });
});
