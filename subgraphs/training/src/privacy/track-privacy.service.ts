/** An athlete's track privacy: their zones and start/end trimming, set and read by the athlete alone. */
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../../../lib/errors/domain-error';
import type { TrainingRepos } from '../training.repos';
import { checkHideStartEnd, checkZone, ZONE_LIMITS, type PrivacyZone } from './track-privacy';

export type TrackPrivacyService = ReturnType<typeof createTrackPrivacyService>;

export function createTrackPrivacyService(deps: {
  trackPrivacy: Pick<TrainingRepos['trackPrivacy'], 'zonesOf' | 'hideStartEndOf'>;
  inTransaction: InTransaction<Pick<TrainingRepos, 'trackPrivacy'>>;
}) {
  const own = (viewer: Viewer, userId: string, what: string) => {
    if (viewer.userId !== userId) throw new ForbiddenError(`You can only read your own ${what}.`);
  };
  return {
    async addZone(
      viewer: Viewer,
      args: { latitude: number; longitude: number; radiusMeters: number },
    ): Promise<PrivacyZone> {
      checkZone(args.latitude, args.longitude, args.radiusMeters);
      const zone = { id: uuidv7(), ...args };
      const added = await deps.inTransaction(({ trackPrivacy }) =>
        trackPrivacy.addZone(viewer.userId, zone, ZONE_LIMITS.maxZonesPerAthlete),
      );
      if (!added)
        throw new ConflictError(
          `You have ${ZONE_LIMITS.maxZonesPerAthlete} privacy zones already: remove one first.`,
        );
      return added;
    },

    async removeZone(viewer: Viewer, id: string): Promise<string> {
      if (!isUuid(id)) throw new BadUserInputError('id', 'id must be a privacy zone id (a UUID).');
      const removed = await deps.inTransaction(({ trackPrivacy }) =>
        trackPrivacy.removeZone(viewer.userId, id),
      );
      if (!removed) throw new NotFoundError('PrivacyZone', id);
      return id;
    },

    async setHideStartEnd(viewer: Viewer, meters: number): Promise<number> {
      checkHideStartEnd(meters);
      return deps.inTransaction(({ trackPrivacy }) => trackPrivacy.setHideStartEnd(viewer.userId, meters));
    },

    zonesOf: async (viewer: Viewer, userId: string): Promise<PrivacyZone[]> => {
      own(viewer, userId, 'privacy zones');
      return deps.trackPrivacy.zonesOf(userId);
    },

    hideStartEndOf: async (viewer: Viewer, userId: string): Promise<number> => {
      own(viewer, userId, 'track privacy');
      return deps.trackPrivacy.hideStartEndOf(userId);
    },
  };
}
