/** The athlete's recommendations, newest first, and their answers to them. */
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import { BadUserInputError, NotFoundError } from '../../../../lib/errors/domain-error';
import { toConnection } from '../../../../lib/graphql/relay';
import { checkedId } from '../checked-id';
import { dayKeyPage } from '../day-key';
import type { InsightsRepos } from '../insights.repos';
import type { RecommendationStatus } from './recommendation.repo';

export type RecommendationService = ReturnType<typeof createRecommendationService>;

export function createRecommendationService(deps: {
  repos: Pick<InsightsRepos, 'recommendations'>;
  clock: Clock;
}) {
  const { repos, clock } = deps;
  return {
    async recommendations(
      userId: string,
      status: RecommendationStatus | null,
      first: number | null | undefined,
      after: string | null | undefined,
    ) {
      const page = dayKeyPage(first, after);
      const rows = await repos.recommendations.page(userId, status, page.limit + 1, page.after);
      return toConnection(rows, page, (r) => [r.date, r.id]);
    },

    async respond(viewer: Viewer, id: string, status: RecommendationStatus) {
      if (status === 'OPEN') throw new BadUserInputError('status', 'status must be ACCEPTED or DISMISSED.');
      const recommendation = await repos.recommendations.find(checkedId('id', id, 'a recommendation'));
      if (!recommendation || recommendation.userId !== viewer.userId)
        throw new NotFoundError('Recommendation', id);
      return repos.recommendations.respond(id, status, clock.now());
    },
  };
}
