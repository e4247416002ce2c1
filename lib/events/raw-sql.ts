/** The slice of a Prisma client the event machinery needs: raw SQL and interactive transactions. */
export interface RawSql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** How long an interactive transaction may wait for a connection (maxWait) and run (timeout), in ms. */
export interface TransactionLimits {
  maxWait?: number;
  timeout?: number;
}

/** A client with interactive transactions whose callback gets `Tx` (a context's Prisma transaction client). */
export interface TransactionalClient<Tx = RawSql> {
  $transaction<R>(work: (tx: Tx) => Promise<R>, limits?: TransactionLimits): Promise<R>;
}

export type RawSqlClient = RawSql & TransactionalClient<RawSql>;

/** Any generated Prisma client, seen through RawSqlClient (their $transaction types are richer but compatible). */
export const asRawSqlClient = (client: unknown): RawSqlClient => client as RawSqlClient;
