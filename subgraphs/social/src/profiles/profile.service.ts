/**
 * Profiles as others see them (visibility and blocks), and the athlete's changes to their own: a unique
 * handle, bio, sports and levels, a home area and a home location snapped to about 1 km, units, visibility,
 * approval of followers, partner search.
 */
import { BadUserInputError, ConflictError } from '../../../../lib/errors/domain-error';
import { canSeeProfile } from '../access/audience';
import { coarseLocation } from '../partners/coarse-location';
import type { SocialServiceDeps } from '../social.service-deps';
import { checkedHandle } from './handle';
import type { ProfileChange, ProfileRecord } from './profile.repo';

/** The most sports a profile lists. */
export const MAX_SPORTS = 20;

export interface ProfileInput {
  handle?: string | null;
  bio?: string | null;
  sports?: { sport: string; level: ProfileRecord['sports'][number]['level'] }[] | null;
  homeArea?: string | null;
  homeLocation?: { latitude: number; longitude: number } | null;
  units?: ProfileRecord['units'] | null;
  visibility?: ProfileRecord['visibility'] | null;
  approveFollowers?: boolean | null;
  partnerSearch?: boolean | null;
}

const required = <T>(field: string, value: T | null | undefined): T | undefined => {
  if (value === null) throw new BadUserInputError(field, `${field} cannot be null.`);
  return value;
};

const blankToNull = (text: string | null | undefined) =>
  text === undefined ? undefined : text === null || text.trim() === '' ? null : text.trim();

export type ProfileService = ReturnType<typeof createProfileService>;

export function createProfileService({
  repos,
  inTransaction,
}: Pick<SocialServiceDeps, 'repos' | 'inTransaction'>) {
  return {
    /** The profiles of these athletes the viewer may see (others are absent from the map). */
    async visibleTo(
      viewerId: string | null,
      userIds: readonly string[],
    ): Promise<Map<string, ProfileRecord>> {
      const [profiles, relations] = [
        await repos.profiles.findMany(userIds),
        await repos.relations.relationsTo(viewerId, userIds),
      ];
      return new Map(
        profiles
          .filter((p) => canSeeProfile(relations.get(p.userId)!, p.visibility))
          .map((p) => [p.userId, p]),
      );
    },
    /** The athlete with this handle, when the viewer may see their profile. */
    async byHandle(viewerId: string | null, rawHandle: string): Promise<ProfileRecord | null> {
      const handle = rawHandle.trim().replace(/^@/, '').toLowerCase();
      const profile = await repos.profiles.byHandle(handle);
      if (!profile) return null;
      const relation = await repos.relations.relationTo(viewerId, profile.userId);
      return canSeeProfile(relation, profile.visibility) ? profile : null;
    },
    update: (userId: string, input: ProfileInput): Promise<ProfileRecord> =>
      inTransaction(async (tx) => {
        const change: ProfileChange = {
          bio: blankToNull(input.bio),
          homeArea: blankToNull(input.homeArea),
          units: required('units', input.units),
          visibility: required('visibility', input.visibility),
          approveFollowers: required('approveFollowers', input.approveFollowers),
          partnerSearch: required('partnerSearch', input.partnerSearch),
        };
        const handle = required('handle', input.handle);
        if (handle !== undefined) {
          change.handle = checkedHandle(handle);
          if (await tx.profiles.handleTaken(change.handle, userId))
            throw new ConflictError(`The handle @${change.handle} is taken: choose another.`, {
              field: 'handle',
            });
        }
        const sports = required('sports', input.sports);
        if (sports !== undefined) {
          if (sports.length > MAX_SPORTS)
            throw new BadUserInputError('sports', `sports lists at most ${MAX_SPORTS} sports.`);
          if (new Set(sports.map((s) => s.sport)).size !== sports.length)
            throw new BadUserInputError('sports', 'sports lists each sport once.');
          change.sports = sports;
        }
        if (input.homeLocation === null) Object.assign(change, { homeLatitude: null, homeLongitude: null });
        else if (input.homeLocation) {
          const home = coarseLocation(input.homeLocation, 'homeLocation');
          Object.assign(change, { homeLatitude: home.latitude, homeLongitude: home.longitude });
        }
        if (!(await tx.profiles.find(userId)))
          throw new ConflictError('Your profile is being set up: try again in a moment.');
        return tx.profiles.change(userId, change);
      }),
  };
}
