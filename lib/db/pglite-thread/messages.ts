/**
 * What the process's main thread and its PGlite thread say to each other (pglite-thread.ts, worker.ts).
 * Everything here is structured-cloned: plain data only.
 */
import type {
  IsolationLevel,
  SqlQuery,
  SqlResultSet,
  TransactionOptions,
} from '@prisma/driver-adapter-utils';
import type { PGliteTarget } from '../pglite-instances';

export type PGliteRequest =
  | { op: 'open'; target: PGliteTarget }
  | { op: 'close'; handle: number }
  | { op: 'queryRaw'; handle: number; query: SqlQuery }
  | { op: 'executeRaw'; handle: number; query: SqlQuery }
  | { op: 'executeScript'; handle: number; script: string }
  | { op: 'startTransaction'; handle: number; isolationLevel?: IsolationLevel }
  | { op: 'txQueryRaw'; tx: number; query: SqlQuery }
  | { op: 'txExecuteRaw'; tx: number; query: SqlQuery }
  | { op: 'commit'; tx: number }
  | { op: 'rollback'; tx: number }
  | { op: 'dump'; handle: number }
  | { op: 'copyTablesFrom'; handle: number; source: number; sourceSchema: string };

/** The result of each request, by operation. */
export interface PGliteResults {
  open: number;
  close: void;
  queryRaw: SqlResultSet;
  executeRaw: number;
  executeScript: void;
  startTransaction: { tx: number; options: TransactionOptions };
  txQueryRaw: SqlResultSet;
  txExecuteRaw: number;
  commit: void;
  rollback: void;
  dump: ArrayBuffer;
  copyTablesFrom: number;
}

/** An error as it crosses the thread boundary: enough to rebuild Prisma's DriverAdapterError. */
export interface ClonedError {
  name: string;
  message: string;
  /** DriverAdapterError's mapped error (kind, code, …). */
  cause?: unknown;
}

export type PGliteResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ClonedError };
