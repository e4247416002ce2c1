/**
 * Home feeds, fanned out on write (Mastodon's design): an activity is copied into the feed of its actor and
 * of each follower who may see it, and each feed keeps its newest FEED_CAP entries. Athletes with more
 * followers than the fan-out limit are not copied but merged when a feed is read. Every read checks
 * visibility and blocks again (visible-activity.sql.ts).
 */
import { Prisma } from '../__generated__/prisma/client';
import type { TimeKey } from '../../../../lib/graphql/time-key';
import type { ActivityVerb } from '../__generated__/prisma/enums';
import type { SocialTx } from '../social.prisma';
import { beforeCursor, visibleActivity } from './visible-activity.sql';

/** The most entries a home feed keeps (give or take the few written since its last trim). */
export const FEED_CAP = 400;

/**
 * A fan-out trims one in TRIM_EVERY of the feeds it reaches (each feed in turn, by its viewer and the
 * activity): finding a feed's 400th entry reads 400 index entries, which at 1 000 followers was most of the
 * fan-out's time. Between two trims a feed holds a few entries more than FEED_CAP.
 */
export const TRIM_EVERY = 4;
const trimsNow = (viewerId: string, activityId: string) =>
  (parseInt(viewerId.slice(-4), 16) + parseInt(activityId.slice(-4), 16)) % TRIM_EVERY === 0;

/** An activity as feeds list it. */
export interface FeedRow {
  activityId: string;
  occurredAt: Date;
  actorId: string;
  verb: ActivityVerb;
  workoutId: string | null;
}

const FEED_COLUMNS = Prisma.sql`a."id" AS "activityId", a."occurredAt", a."actorId", a."verb", a."workoutId"`;

export type FeedRepo = ReturnType<typeof createFeedRepo>;

export function createFeedRepo(tx: SocialTx) {
  /** Keeps the newest FEED_CAP entries of each of these feeds. */
  async function trim(viewerIds: readonly string[]): Promise<void> {
    if (viewerIds.length === 0) return;
    await tx.$executeRaw`
      DELETE FROM "FeedEntry" e USING (
        SELECT v.id AS "viewerId", cut."occurredAt", cut."activityId"
        FROM unnest(${[...viewerIds]}::uuid[]) AS v(id)
        CROSS JOIN LATERAL (
          SELECT "occurredAt", "activityId" FROM "FeedEntry"
          WHERE "viewerId" = v.id
          ORDER BY "occurredAt" DESC, "activityId" DESC
          OFFSET ${FEED_CAP - 1} LIMIT 1) cut
      ) last
      WHERE e."viewerId" = last."viewerId"
        AND (e."occurredAt", e."activityId") < (last."occurredAt", last."activityId")`;
  }

  return {
    trim,
    /**
     * Copies the activity into its actor's feed and, unless `actorOnly`, into the feeds of the actor's
     * followers who may see it (not PRIVATE, no block either way). Returns the feeds it entered.
     */
    async fanOut(activityId: string, { actorOnly }: { actorOnly: boolean }): Promise<string[]> {
      const rows = await tx.$queryRaw<{ viewerId: string }[]>`
        INSERT INTO "FeedEntry" ("viewerId", "activityId", "actorId", "occurredAt")
        SELECT a."actorId", a."id", a."actorId", a."occurredAt" FROM "Activity" a WHERE a."id" = ${activityId}::uuid
        UNION ALL
        SELECT f."followerId", a."id", a."actorId", a."occurredAt"
        FROM "Activity" a
        JOIN "Follow" f ON f."followeeId" = a."actorId" AND f."status" = 'ACCEPTED'
        WHERE a."id" = ${activityId}::uuid AND NOT ${actorOnly} AND a."visibility" <> 'PRIVATE'
          AND NOT EXISTS (
            SELECT 1 FROM "Block" b
            WHERE (b."blockerId" = f."followerId" AND b."blockedId" = a."actorId")
               OR (b."blockerId" = a."actorId" AND b."blockedId" = f."followerId"))
        ON CONFLICT DO NOTHING
        RETURNING "viewerId"`;
      const viewers = rows.map((row) => row.viewerId);
      await trim(viewers.filter((viewerId) => trimsNow(viewerId, activityId)));
      return viewers;
    },
    /** Takes the activity out of every feed but its actor's (it became PRIVATE). */
    withdraw: async (activityId: string): Promise<void> =>
      void (await tx.$executeRaw`
        DELETE FROM "FeedEntry" WHERE "activityId" = ${activityId}::uuid AND "viewerId" <> "actorId"`),
    /** A new follow: the followee's newest activities the follower may see enter the follower's feed. */
    async merge(viewerId: string, actorId: string): Promise<void> {
      await tx.$executeRaw`
        INSERT INTO "FeedEntry" ("viewerId", "activityId", "actorId", "occurredAt")
        SELECT ${viewerId}::uuid, a."id", a."actorId", a."occurredAt" FROM "Activity" a
        WHERE a."actorId" = ${actorId}::uuid AND a."visibility" <> 'PRIVATE'
        ORDER BY a."occurredAt" DESC, a."id" DESC
        LIMIT ${FEED_CAP}
        ON CONFLICT DO NOTHING`;
      await trim([viewerId]);
    },
    /** A follow ended (or a block): the other's activities leave the feed. */
    unmerge: async (viewerId: string, actorId: string): Promise<void> =>
      void (await tx.feedEntry.deleteMany({ where: { viewerId, actorId } })),
    /**
     * A page of the viewer's feed, newest first, in one statement: its entries, merged with the newest
     * activities of those of `mergedActorIds` (athletes who are not fanned out) the viewer follows — one index
     * probe each — every row checked for visibility now.
     */
    page(
      viewerId: string,
      mergedActorIds: readonly string[],
      limit: number,
      after: TimeKey | null,
    ): Promise<FeedRow[]> {
      const visible = visibleActivity(viewerId);
      const entries = Prisma.sql`
        SELECT ${FEED_COLUMNS} FROM "FeedEntry" e JOIN "Activity" a ON a."id" = e."activityId"
        WHERE e."viewerId" = ${viewerId}::uuid
          AND ${beforeCursor(Prisma.sql`e."occurredAt"`, Prisma.sql`e."activityId"`, after)}
          AND ${visible}
        ORDER BY e."occurredAt" DESC, e."activityId" DESC LIMIT ${limit}`;
      if (mergedActorIds.length === 0) return tx.$queryRaw<FeedRow[]>(entries);
      return tx.$queryRaw<FeedRow[]>`
        SELECT * FROM ((${entries}) UNION (
          SELECT merged.* FROM "Follow" f
          CROSS JOIN LATERAL (
            SELECT ${FEED_COLUMNS} FROM "Activity" a
            WHERE a."actorId" = f."followeeId"
              AND ${beforeCursor(Prisma.sql`a."occurredAt"`, Prisma.sql`a."id"`, after)}
              AND ${visible}
            ORDER BY a."occurredAt" DESC, a."id" DESC LIMIT ${limit}) merged
          WHERE f."followerId" = ${viewerId}::uuid AND f."status" = 'ACCEPTED'
            AND f."followeeId" = ANY(${[...mergedActorIds]}::uuid[])
        )) page
        ORDER BY "occurredAt" DESC, "activityId" DESC LIMIT ${limit}`;
    },
    /** Athletes with more followers than `maxFollowers`: not fanned out, merged into their followers' pages. */
    mergedActors: async (maxFollowers: number): Promise<string[]> =>
      (
        await tx.profile.findMany({
          where: { followerCount: { gt: maxFollowers } },
          select: { userId: true },
        })
      ).map((p) => p.userId),
    /** The activity when it is in the viewer's feed and visible to them now (the live feed's check). */
    async held(viewerId: string, activityId: string): Promise<FeedRow | null> {
      const rows = await tx.$queryRaw<FeedRow[]>`
        SELECT ${FEED_COLUMNS} FROM "FeedEntry" e JOIN "Activity" a ON a."id" = e."activityId"
        WHERE e."viewerId" = ${viewerId}::uuid AND e."activityId" = ${activityId}::uuid
          AND ${visibleActivity(viewerId)}`;
      return rows[0] ?? null;
    },
    /** A page of a club's feed: its members' activities the viewer may see, newest first. */
    clubPage: (
      viewerId: string,
      clubId: string,
      limit: number,
      after: TimeKey | null,
    ): Promise<FeedRow[]> => tx.$queryRaw<FeedRow[]>`
      SELECT ${FEED_COLUMNS} FROM "Activity" a
      JOIN "ClubMember" m ON m."userId" = a."actorId" AND m."clubId" = ${clubId}::uuid AND m."status" = 'MEMBER'
      WHERE ${beforeCursor(Prisma.sql`a."occurredAt"`, Prisma.sql`a."id"`, after)}
        AND ${visibleActivity(viewerId)}
      ORDER BY a."occurredAt" DESC, a."id" DESC LIMIT ${limit}`,
    removeViewer: async (viewerId: string): Promise<void> =>
      void (await tx.feedEntry.deleteMany({ where: { viewerId } })),
  };
}
