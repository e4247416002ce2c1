/** Injuries and pain an athlete reports: the labels the injury model learns from (with their consent). */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { checkedId } from '../checked-id';
import { athleteToday } from '../athletes/athlete-today';
import type { InsightsRepos } from '../insights.repos';
import type { InjuryReportRecord } from './injury-report.repo';

export const BODY_AREAS = [
  'FOOT',
  'ANKLE',
  'SHIN',
  'CALF',
  'KNEE',
  'THIGH',
  'HAMSTRING',
  'HIP',
  'LOWER_BACK',
  'UPPER_BACK',
  'SHOULDER',
  'ARM',
  'OTHER',
] as const;

export type InjuryService = ReturnType<typeof createInjuryService>;

export function createInjuryService(deps: {
  repos: Pick<InsightsRepos, 'injuries' | 'athletes'>;
  clock: Clock;
}) {
  const { repos, clock } = deps;
  return {
    async report(
      viewer: Viewer,
      input: { date: string; bodyArea: string; severity: number },
    ): Promise<InjuryReportRecord> {
      if (!(BODY_AREAS as readonly string[]).includes(input.bodyArea))
        throw new BadUserInputError('bodyArea', `bodyArea must be one of ${BODY_AREAS.join(', ')}.`);
      if (!Number.isInteger(input.severity) || input.severity < 1 || input.severity > 10)
        throw new BadUserInputError(
          'severity',
          'severity must be an integer from 1 (a niggle) to 10 (cannot train).',
        );
      const now = clock.now();
      if (input.date > (await athleteToday(repos.athletes, clock, viewer.userId)))
        throw new BadUserInputError('date', 'date cannot be in the future.');
      const report = { id: uuidv7(), userId: viewer.userId, ...input, createdAt: now };
      await repos.injuries.insert(report);
      return report;
    },
    remove: (viewer: Viewer, id: string): Promise<boolean> =>
      repos.injuries.remove(viewer.userId, checkedId('id', id, 'an injury report')),
    of: (userId: string): Promise<InjuryReportRecord[]> => repos.injuries.of(userId),
  };
}
