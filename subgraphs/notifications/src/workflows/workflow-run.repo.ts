/** Workflow runs: one per (recipient, cause event, workflow); a second start of the same run is refused. */
import type { NotificationsTx } from '../notifications.prisma';

export type WorkflowRunRepo = ReturnType<typeof createWorkflowRunRepo>;

export function createWorkflowRunRepo(tx: NotificationsTx) {
  return {
    /**
     * Starts the runs of `eventId` and `workflow` for `userIds` in one statement; answers the users whose
     * run started now (the others ran already: a redelivered event).
     */
    async startAll(
      eventId: string,
      workflow: string,
      userIds: readonly string[],
      at: Date,
    ): Promise<Set<string>> {
      const started = await tx.$queryRaw<{ userId: string }[]>`
        INSERT INTO "WorkflowRun" ("userId", "eventId", workflow, "createdAt")
        SELECT unnest(${[...userIds]}::uuid[]), ${eventId}::uuid, ${workflow}, ${at}
        ON CONFLICT DO NOTHING
        RETURNING "userId"`;
      return new Set(started.map((row) => row.userId));
    },
    /** Records the item each run wrote or joined (user → item), in one statement. */
    async wroteAll(eventId: string, workflow: string, items: ReadonlyMap<string, string>): Promise<void> {
      if (items.size === 0) return;
      await tx.$executeRaw`
        UPDATE "WorkflowRun" AS run SET "notificationId" = item.id
        FROM unnest(${[...items.keys()]}::uuid[], ${[...items.values()]}::uuid[]) AS item("userId", id)
        WHERE run."userId" = item."userId" AND run."eventId" = ${eventId}::uuid AND run.workflow = ${workflow}`;
    },
    async forget(userId: string): Promise<void> {
      await tx.workflowRun.deleteMany({ where: { userId } });
    },
  };
}
