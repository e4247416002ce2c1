/**
 * The one SQL condition of "the viewer may see this activity" (access/audience.ts's workout rule, in SQL):
 * the actor is the viewer, or — neither having blocked the other — it is PUBLIC, or FOLLOWERS and the viewer
 * follows the actor (accepted). Feeds check it when they read, whatever was checked when they were written.
 */
import { Prisma } from '../__generated__/prisma/client';

/** `a` is the "Activity" row; `viewerId` null means anonymous (PUBLIC only). */
export function visibleActivity(viewerId: string | null): Prisma.Sql {
  if (viewerId === null) return Prisma.sql`a."visibility" = 'PUBLIC'`;
  return Prisma.sql`(a."actorId" = ${viewerId}::uuid OR (
    (a."visibility" = 'PUBLIC' OR (a."visibility" = 'FOLLOWERS' AND EXISTS (
      SELECT 1 FROM "Follow" f
      WHERE f."followerId" = ${viewerId}::uuid AND f."followeeId" = a."actorId" AND f."status" = 'ACCEPTED')))
    AND NOT EXISTS (
      SELECT 1 FROM "Block" b
      WHERE (b."blockerId" = ${viewerId}::uuid AND b."blockedId" = a."actorId")
         OR (b."blockerId" = a."actorId" AND b."blockedId" = ${viewerId}::uuid))))`;
}

/** Rows strictly after the keyset cursor, newest first: (occurredAt, id) below the cursor's. */
export function beforeCursor(
  occurredAt: Prisma.Sql,
  id: Prisma.Sql,
  after: { at: string; id: string } | null,
): Prisma.Sql {
  if (after === null) return Prisma.sql`TRUE`;
  return Prisma.sql`(${occurredAt}, ${id}) < (${new Date(after.at)}::timestamptz, ${after.id}::uuid)`;
}
