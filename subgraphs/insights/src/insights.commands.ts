/** The commands of the insights context: `npm run insights:train` and `npm run insights:cohorts`. */
import { parseArgs } from 'node:util';
import type { ContextCommand } from '../../../lib/context/context-descriptor';
import type { InsightsPrisma } from './insights.prisma';
import type { InsightsRepos } from './insights.repos';
import { trainCommand } from './learning/insights-train.command';
import { recomputeLastWeek } from './summaries/cohort-schedule';
import type { InTransaction } from '../../../lib/db/unit-of-work';

interface CommandParts {
  repos: InsightsRepos;
  unitOfWork: InTransaction<InsightsRepos>;
}

const cohortsCommand: ContextCommand<InsightsPrisma, CommandParts> = {
  usage: 'npm run insights:cohorts [-- --week YYYY-MM-DD]',
  run: async ({ unitOfWork }, { clock }, argv) => {
    const { values } = parseArgs({ args: argv, options: { week: { type: 'string' } } });
    if (values.week !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.week))
      return { message: 'insights:cohorts: --week takes a Monday as YYYY-MM-DD.', exitCode: 2 };
    return { message: await recomputeLastWeek({ inTransaction: unitOfWork, clock }, values.week) };
  },
};

export const insightsCommands = { 'insights:train': trainCommand, 'insights:cohorts': cohortsCommand };
