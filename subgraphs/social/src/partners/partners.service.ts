/**
 * Partner search for the API: the centre is the point given or the viewer's own coarse home; the radius 1 to
 * 200 km; distances leave rounded to whole kilometres (at least 1), never finer than the stored 1 km cell.
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { pageArgs, toConnection } from '../../../../lib/graphql/relay';
import type { SocialRepos } from '../social.repos';
import { searchCentre, type LatLng } from './coarse-location';
import type { PartnerCursor, PartnerMatch } from './partner-search.repo';

export const MAX_PARTNERS_PAGE = 50;
export const RADIUS_METERS = { min: 1_000, max: 200_000 } as const;

export interface PartnerQuery {
  sport: string;
  level?: PartnerMatch['level'] | null;
  near?: LatLng | null;
  radiusMeters?: number | null;
}

const parseCursor = (raw: unknown): PartnerCursor | null => {
  const { distanceMeters, userId } = (raw ?? {}) as Record<string, unknown>;
  return typeof distanceMeters === 'number' && Number.isFinite(distanceMeters) && typeof userId === 'string'
    ? { distanceMeters, userId }
    : null;
};

export const distanceKm = (match: PartnerMatch) => Math.max(1, Math.round(match.distanceMeters / 1000));

export function createPartnersService({ repos }: { repos: Pick<SocialRepos, 'partners'> }) {
  return {
    async search(viewerId: string, query: PartnerQuery, first?: number | null, after?: string | null) {
      if (first != null && first > MAX_PARTNERS_PAGE)
        throw new BadUserInputError('first', `first must be an integer from 0 to ${MAX_PARTNERS_PAGE}.`);
      const page = pageArgs(first, after, parseCursor);
      const radiusMeters = query.radiusMeters ?? 25_000;
      if (!(radiusMeters >= RADIUS_METERS.min && radiusMeters <= RADIUS_METERS.max))
        throw new BadUserInputError(
          'search.radiusMeters',
          `radiusMeters must be from ${RADIUS_METERS.min} to ${RADIUS_METERS.max}.`,
        );
      const from = query.near
        ? searchCentre(query.near, 'search.near')
        : await repos.partners.homeOf(viewerId);
      if (!from)
        throw new BadUserInputError(
          'search.near',
          'Give search.near, or set your home location in your profile to search around it.',
        );
      const rows =
        page.limit === 0
          ? []
          : await repos.partners.search({
              viewerId,
              sport: query.sport,
              ...(query.level && { level: query.level }),
              from,
              radiusMeters,
              first: page.limit + 1,
              ...(page.after && { after: page.after }),
            });
      return toConnection(rows, page, (m) => ({ distanceMeters: m.distanceMeters, userId: m.userId }));
    },
  };
}
