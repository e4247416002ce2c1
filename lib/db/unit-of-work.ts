/**
 * The one unit of work of every context: a service runs `work` with the context's repositories bound to one
 * transaction (`reposOf(tx)`, outbox writer included), so all its writes, events included, commit together
 * or not at all. Services see repositories only; the Prisma client stays in the repositories.
 */
import { consumeOnce } from '../events/inbox';
import type { RawSql, TransactionLimits, TransactionalClient } from '../events/raw-sql';

/** Runs `work` with repositories bound to one transaction. */
export type InTransaction<Repos> = <T>(work: (repos: Repos) => Promise<T>) => Promise<T>;

/** Runs `work` (with repositories bound to one transaction) unless the consumer already processed the event. */
export type ConsumeOnce<Repos> = (
  eventId: string,
  work: (repos: Repos) => Promise<void>,
) => Promise<'applied' | 'duplicate'>;

/**
 * A request's unit of work: up to 4 s to start (Prisma's default, 2 s, is short on a busy machine where an
 * import's transaction holds the embedded database's turn or the pool), up to 5 s to run; within the gateway's
 * 10 s wait for a subgraph, so a client hears SERVICE_UNAVAILABLE (lib/errors/busy-database.ts: nothing was
 * written, send it again) rather than a timeout behind which the change may still land.
 */
const REQUEST_TRANSACTION_LIMITS: TransactionLimits = { maxWait: 4_000, timeout: 5_000 };

export function inTransaction<Tx, Repos>(
  db: TransactionalClient<Tx>,
  reposOf: (tx: Tx) => Repos,
  limits: TransactionLimits = REQUEST_TRANSACTION_LIMITS,
): InTransaction<Repos> {
  return (work) => db.$transaction((tx) => work(reposOf(tx)), limits);
}

/**
 * consumeOnce (lib/events/inbox.ts) handing the handler the context's repositories; `limits` for a consumer
 * whose events may write much (Prisma's defaults: 2 s to start, 5 s to finish).
 */
export function consumingOnce<Tx extends RawSql, Repos>(
  db: TransactionalClient<Tx>,
  consumer: string,
  reposOf: (tx: Tx) => Repos,
  limits?: TransactionLimits,
): ConsumeOnce<Repos> {
  return (eventId, work) => consumeOnce(db, consumer, eventId, (tx) => work(reposOf(tx)), limits);
}
