/** The inventory context's Prisma client (generated from prisma/inventory/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient, type Prisma } from './__generated__/prisma/client';

export type InventoryPrisma = PrismaClient;
/** The client inside an interactive transaction; the client itself also fits, for single statements. */
export type InventoryTx = Prisma.TransactionClient;

export const createInventoryPrisma = (adapter: SqlMigrationAwareDriverAdapterFactory): InventoryPrisma =>
  new PrismaClient({ adapter });

/** Runs `work` with repositories bound to one transaction: all its writes commit together or not at all. */
export type InTransaction<Repos> = <T>(work: (repos: Repos) => Promise<T>) => Promise<T>;

export function inTransaction<Repos>(
  prisma: InventoryPrisma,
  reposOf: (tx: InventoryTx) => Repos,
): InTransaction<Repos> {
  return (work) => prisma.$transaction((tx) => work(reposOf(tx)));
}
