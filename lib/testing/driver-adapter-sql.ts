/** Raw SQL straight through a Prisma driver adapter, for the embedded database's specs. */
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';

/** A query as a driver adapter takes it. */
export const sql = (text: string, args: unknown[] = []) => ({ sql: text, args, argTypes: [] });

/** The first column of every row `text` answers. */
export const values = async (connection: SqlDriverAdapter, text: string) =>
  (await connection.queryRaw(sql(text))).rows.map((row) => row[0]);
