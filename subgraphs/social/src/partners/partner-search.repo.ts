/**
 * Partner search: athletes who opted in, doing a sport (at a level), within a radius of a point, nearest
 * first, on PostgreSQL's earthdistance (`earth_box` prefilter, `earth_distance` order). Homes are stored
 * coarse (coarse-location.ts), so a distance never tells more than the 1 km cell. Blocks hide both ways.
 *
 * The extensions live in schema `extensions` (migration 20261204053126_partner_search), off the session's
 * search_path. earthdistance 1.1 (PostgreSQL 15) resolves cube() and earth() in its SQL functions through
 * search_path, so the query runs in a transaction that adds `extensions` to it for that transaction only
 * (set_config(…, true)): PGlite's one shared session, and pooled connections, are left as they were.
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { Prisma } from '../__generated__/prisma/client';
import type { SportLevel } from '../__generated__/prisma/enums';
import type { SocialPrisma, SocialTx } from '../social.prisma';
import { assertLatLng, type LatLng } from './coarse-location';

/** Where a page ends: the last match's distance (as returned, unrounded) and user id. */
export interface PartnerCursor {
  distanceMeters: number;
  userId: string;
}

export interface PartnerSearch {
  viewerId: string;
  sport: string;
  /** Exactly this level in `sport`. */
  level?: SportLevel;
  /** This level in `sport` or above (BEGINNER < INTERMEDIATE < ADVANCED < EXPERT < ELITE). */
  minLevel?: SportLevel;
  /** The centre: a point the viewer chose, or their own (coarse) home (`homeOf`). */
  from: LatLng;
  radiusMeters: number;
  /** Page size, 1 to MAX_PAGE_SIZE. */
  first: number;
  /** The last match of the previous page: the page starts after it (keyset, no gap or duplicate). */
  after?: PartnerCursor;
}

export interface PartnerMatch {
  userId: string;
  /** Great-circle metres from `from` to the athlete's coarse home (on earthdistance's sphere, R = 6 378 168 m). */
  distanceMeters: number;
  /** City or area as the athlete typed it. */
  homeArea: string | null;
  /** Their level in the sport searched. */
  level: SportLevel;
}

export const MAX_PAGE_SIZE = 100;
/** Half the Earth's circumference: every point is within it. */
export const MAX_RADIUS_METERS = 20_037_509;

/** Partner search over the social context's profiles, sports and blocks. */
export function createPartnerSearchRepo(tx: SocialTx) {
  return {
    /** The viewer's stored (coarse) home, the centre of a search "near me"; null when they have none. */
    async homeOf(userId: string): Promise<LatLng | null> {
      const profile = await tx.profile.findUnique({
        where: { userId },
        select: { homeLatitude: true, homeLongitude: true },
      });
      if (profile?.homeLatitude == null || profile.homeLongitude == null) return null;
      return { latitude: profile.homeLatitude, longitude: profile.homeLongitude };
    },

    /** One page of matches, nearest first, ties by user id. */
    async search(query: PartnerSearch): Promise<PartnerMatch[]> {
      assertSearch(query);
      return withExtensionsOnPath(tx, (db) => db.$queryRaw<PartnerMatch[]>(searchSql(query)));
    },
  };
}

export type PartnerSearchRepo = ReturnType<typeof createPartnerSearchRepo>;

function searchSql({ viewerId, sport, level, minLevel, from, radiusMeters, first, after }: PartnerSearch) {
  const centre = Prisma.sql`extensions.ll_to_earth(${from.latitude}::float8, ${from.longitude}::float8)`;
  const home = Prisma.sql`extensions.ll_to_earth(p."homeLatitude", p."homeLongitude")`;
  const levelIs = level ? Prisma.sql`AND s."level" = ${level}::"SportLevel"` : Prisma.empty;
  const levelAtLeast = minLevel ? Prisma.sql`AND s."level" >= ${minLevel}::"SportLevel"` : Prisma.empty;
  const afterCursor = after
    ? Prisma.sql`AND (m."distanceMeters", m."userId") > (${after.distanceMeters}::float8, ${after.userId}::uuid)`
    : Prisma.empty;
  // earth_box is a cube around the centre: it holds every point within the radius and some beyond (its
  // corners), so earth_distance decides. A home is stored snapped, hence compared as it is stored.
  return Prisma.sql`
    SELECT m."userId"::text AS "userId", m."distanceMeters", m."homeArea", m."level"::text AS "level"
    FROM (
      SELECT p."userId", p."homeArea", s."level",
             extensions.earth_distance(${centre}, ${home}) AS "distanceMeters"
      FROM "Profile" p
      JOIN "ProfileSport" s ON s."userId" = p."userId" AND s."sport" = ${sport}
      WHERE p."partnerSearch"
        AND p."homeLatitude" IS NOT NULL AND p."homeLongitude" IS NOT NULL
        AND p."userId" <> ${viewerId}::uuid
        ${levelIs} ${levelAtLeast}
        AND extensions.earth_box(${centre}, ${radiusMeters}::float8) OPERATOR(extensions.@>) ${home}
        AND NOT EXISTS (
          SELECT 1 FROM "Block" b
          WHERE (b."blockerId" = ${viewerId}::uuid AND b."blockedId" = p."userId")
             OR (b."blockerId" = p."userId" AND b."blockedId" = ${viewerId}::uuid))
    ) m
    WHERE m."distanceMeters" <= ${radiusMeters}::float8 ${afterCursor}
    ORDER BY m."distanceMeters", m."userId"
    LIMIT ${first}::int`;
}

// The client itself has $disconnect, a transaction's client does not (Prisma's ITXClientDenyList). Both have
// $transaction: a transaction's opens a nested one, on a savepoint, which PGlite's adapter cannot do.
const isClient = (db: SocialTx): db is SocialPrisma => '$disconnect' in db;

/**
 * Runs `work` in a transaction whose search_path also names `extensions`: in the caller's transaction
 * (restored afterwards), or in one of its own when given the client itself.
 */
async function withExtensionsOnPath<T>(tx: SocialTx, work: (db: SocialTx) => Promise<T>): Promise<T> {
  if (isClient(tx)) return tx.$transaction((own) => withExtensionsOnPath(own, work));
  const [{ previous }] = await tx.$queryRaw<[{ previous: string }]>`
    SELECT current_setting('search_path') AS previous`;
  await tx.$queryRaw`SELECT set_config('search_path', ${previous} || ', extensions', true)`;
  const result = await work(tx);
  await tx.$queryRaw`SELECT set_config('search_path', ${previous}, true)`;
  return result;
}

function assertSearch({ from, radiusMeters, first, level, minLevel }: PartnerSearch): void {
  assertLatLng(from, 'from');
  if (!Number.isFinite(radiusMeters) || radiusMeters <= 0 || radiusMeters > MAX_RADIUS_METERS) {
    throw new BadUserInputError(
      'radiusMeters',
      `A radius is more than 0 and at most ${MAX_RADIUS_METERS} m.`,
    );
  }
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError('first', `A page holds 1 to ${MAX_PAGE_SIZE} athletes.`);
  }
  if (level && minLevel) {
    throw new BadUserInputError('level', 'Give a level or a minimum level, not both.');
  }
}
