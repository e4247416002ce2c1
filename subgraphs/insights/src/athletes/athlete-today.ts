/** "Today" for an athlete: the clock's calendar day in the time zone of their account. */
import type { Clock } from '../../../../lib/clock';
import { localDateOf } from '../../../../lib/time-zone';
import type { AthleteRepo } from './athlete.repo';

export const athleteToday = async (athletes: Pick<AthleteRepo, 'of'>, clock: Clock, userId: string) =>
  localDateOf(clock.now(), (await athletes.of(userId)).timeZone);
