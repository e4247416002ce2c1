/** The athlete's load flags, newest first, with how many are still raised. */
import { toConnection } from '../../../../lib/graphql/relay';
import { dayKeyPage } from '../day-key';
import type { InsightsRepos } from '../insights.repos';

export type LoadFlagService = ReturnType<typeof createLoadFlagService>;

export function createLoadFlagService(deps: { repos: Pick<InsightsRepos, 'flags'> }) {
  const { repos } = deps;
  return {
    async loadFlags(userId: string, first: number | null | undefined, after: string | null | undefined) {
      const page = dayKeyPage(first, after);
      const rows = await repos.flags.page(userId, page.limit + 1, page.after);
      const raisedCount = await repos.flags.raisedCount(userId);
      return { ...toConnection(rows, page, (f) => [f.raisedOn, f.id]), raisedCount };
    },
  };
}
