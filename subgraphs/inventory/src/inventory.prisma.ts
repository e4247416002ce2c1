/** The inventory context's Prisma client (generated from prisma/inventory/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient, type Prisma } from './__generated__/prisma/client';

export type InventoryPrisma = PrismaClient;
/** The client inside an interactive transaction; the client itself also fits, for single statements. */
export type InventoryTx = Prisma.TransactionClient;

export const createInventoryPrisma = (adapter: SqlMigrationAwareDriverAdapterFactory): InventoryPrisma =>
  new PrismaClient({ adapter });
