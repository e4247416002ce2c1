/** Workflow runs: one per (recipient, cause event, workflow); a second start of the same run is refused. */
import type { NotificationsTx } from '../notifications.prisma';

export type WorkflowRunRepo = ReturnType<typeof createWorkflowRunRepo>;

export function createWorkflowRunRepo(tx: NotificationsTx) {
  return {
    /** Starts the run; false when it ran already (a redelivered event). */
    async start(run: { userId: string; eventId: string; workflow: string }, at: Date): Promise<boolean> {
      const inserted = await tx.$executeRaw`
        INSERT INTO "WorkflowRun" ("userId", "eventId", workflow, "createdAt")
        VALUES (${run.userId}::uuid, ${run.eventId}::uuid, ${run.workflow}, ${at})
        ON CONFLICT DO NOTHING`;
      return inserted > 0;
    },
    async wrote(run: { userId: string; eventId: string; workflow: string }, notificationId: string) {
      await tx.workflowRun.update({
        where: { userId_eventId_workflow: run },
        data: { notificationId },
      });
    },
    async forget(userId: string): Promise<void> {
      await tx.workflowRun.deleteMany({ where: { userId } });
    },
  };
}
