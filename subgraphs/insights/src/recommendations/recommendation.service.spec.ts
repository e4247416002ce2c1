/** The recommendation service on in-memory repositories: pages of advice, and the athlete's answers. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fixedClock } from '../../../../lib/clock';
import { fakeInsightsRepos } from '../insights.fakes';
import type { RecommendationRecord } from './recommendation.repo';
import { createRecommendationService } from './recommendation.service';

const NOW = '2026-11-20T12:00:00.000Z';
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const bob: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

function newTestRecommendations() {
  const repos = fakeInsightsRepos();
  const recommendations = createRecommendationService({ repos, clock: fixedClock(NOW) });
  return { recommendations, repos };
}

/** Open advice of rule model version 1 for Ann to rest on 2026-11-18. */
const aRecommendation = (overrides: Partial<RecommendationRecord> = {}): RecommendationRecord => ({
  id: uuidv7(),
  userId: ann.userId,
  date: '2026-11-18',
  kind: 'REST_OR_EASY',
  rule: 'REST_WHEN_LOAD_SPIKE',
  subject: '',
  message: 'Take an easy day.',
  details: {},
  modelName: 'recommendations',
  modelVersion: 1,
  inputsHash: 'a'.repeat(64),
  rulesFired: ['REST_WHEN_LOAD_SPIKE'],
  status: 'OPEN',
  createdAt: new Date('2026-11-18T09:00:00Z'),
  respondedAt: null,
  ...overrides,
});

const datesOf = (connection: { edges: { node: { date: string } }[] }) =>
  connection.edges.map((e) => e.node.date);

describe('recommendations', () => {
  it("pages the athlete's advice newest first, on through the cursor", async () => {
    const { recommendations, repos } = newTestRecommendations();
    await repos.recommendations.insertNew(
      ['2026-11-16', '2026-11-18', '2026-11-17'].map((date) => aRecommendation({ date })),
    );
    await repos.recommendations.insertNew([aRecommendation({ userId: bob.userId, date: '2026-11-19' })]);

    const first = await recommendations.recommendations(ann.userId, null, 2, null);
    expect(datesOf(first)).toEqual(['2026-11-18', '2026-11-17']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const rest = await recommendations.recommendations(ann.userId, null, 2, first.pageInfo.endCursor);
    expect(datesOf(rest)).toEqual(['2026-11-16']);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('orders advice of one day by id, and the cursor continues inside that day', async () => {
    const { recommendations, repos } = newTestRecommendations();
    const sameDay = ['REST_OR_EASY', 'LONG_RUN_CAP', 'BACK_GRADUALLY'].map((kind) =>
      aRecommendation({ kind }),
    );
    await repos.recommendations.insertNew(sameDay);
    const newestIds = sameDay
      .map((r) => r.id)
      .sort()
      .reverse();

    const first = await recommendations.recommendations(ann.userId, null, 1, null);
    const rest = await recommendations.recommendations(ann.userId, null, 5, first.pageInfo.endCursor);
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual(newestIds);
  });

  it('keeps to the status asked for', async () => {
    const { recommendations, repos } = newTestRecommendations();
    const accepted = aRecommendation({ date: '2026-11-17', status: 'ACCEPTED' });
    await repos.recommendations.insertNew([aRecommendation(), accepted]);
    const page = await recommendations.recommendations(ann.userId, 'ACCEPTED', 10, null);
    expect(page.edges.map((e) => e.node.id)).toEqual([accepted.id]);
  });

  it.each([-1, 101, 2.5])('refuses %p as `first`', async (first) => {
    const { recommendations } = newTestRecommendations();
    await expect(recommendations.recommendations(ann.userId, null, first, null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'first' },
    });
  });

  it('refuses a cursor it did not make, naming `after`', async () => {
    const { recommendations } = newTestRecommendations();
    await expect(
      recommendations.recommendations(ann.userId, null, 10, 'bm90LWEtY3Vyc29y'),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'after' },
    });
  });
});

describe('respond', () => {
  it.each(['ACCEPTED', 'DISMISSED'] as const)('stores %s with the time of the answer', async (status) => {
    const { recommendations, repos } = newTestRecommendations();
    const advice = aRecommendation();
    await repos.recommendations.insertNew([advice]);
    const answered = await recommendations.respond(ann, advice.id, status);
    expect(answered).toEqual({ ...advice, status, respondedAt: new Date(NOW) });
    expect(await repos.recommendations.find(advice.id)).toEqual(answered);
  });

  it('refuses OPEN as an answer, naming `status`', async () => {
    const { recommendations, repos } = newTestRecommendations();
    const advice = aRecommendation();
    await repos.recommendations.insertNew([advice]);
    await expect(recommendations.respond(ann, advice.id, 'OPEN')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'status' },
    });
  });

  it("answers NOT_FOUND for another athlete's advice and for an unknown id, changing nothing", async () => {
    const { recommendations, repos } = newTestRecommendations();
    const bobs = aRecommendation({ userId: bob.userId });
    await repos.recommendations.insertNew([bobs]);
    await expect(recommendations.respond(ann, bobs.id, 'DISMISSED')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { id: bobs.id },
    });
    await expect(recommendations.respond(ann, uuidv7(), 'DISMISSED')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await repos.recommendations.find(bobs.id)).toMatchObject({ status: 'OPEN', respondedAt: null });
  });
});
