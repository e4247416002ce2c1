/** The identity context's Prisma client (generated from prisma/identity/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient, type Prisma } from './__generated__/prisma/client';

export type IdentityPrisma = PrismaClient;
/** The client inside an interactive transaction; the client itself also fits, for single statements. */
export type IdentityTx = Prisma.TransactionClient;

export const createIdentityPrisma = (adapter: SqlMigrationAwareDriverAdapterFactory): IdentityPrisma =>
  new PrismaClient({ adapter });
