/** The slice of a Prisma client the event machinery needs: raw SQL and interactive transactions. */
export interface RawSql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface RawSqlClient extends RawSql {
  $transaction<R>(work: (tx: RawSql) => Promise<R>): Promise<R>;
}

/** Any generated Prisma client, seen through RawSqlClient (their $transaction types are richer but compatible). */
export const asRawSqlClient = (client: unknown): RawSqlClient => client as RawSqlClient;
