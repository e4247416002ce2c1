/** An athlete's personal records, readable by that athlete only. */
import type { Viewer } from '../../../../lib/auth/viewer';
import { ForbiddenError } from '../../../../lib/errors/domain-error';
import type { Sport } from '../../../../lib/sports';
import type { PersonalRecordRow, PersonalRecordsRepo } from './personal-records.repo';

export type PersonalRecordsService = ReturnType<typeof createPersonalRecordsService>;

/** Reads personal records (derived on read by the repository), each athlete only their own. */
export function createPersonalRecordsService(deps: { records: PersonalRecordsRepo }) {
  return {
    async of(viewer: Viewer, userId: string, sport: Sport | null): Promise<PersonalRecordRow[]> {
      if (viewer.userId !== userId) throw new ForbiddenError('You can only read your own personal records.');
      return deps.records.of(userId, sport);
    },
  };
}
