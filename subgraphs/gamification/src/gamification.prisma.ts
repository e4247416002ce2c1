/** The gamification context's Prisma client (generated from prisma/gamification/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient, type Prisma } from './__generated__/prisma/client';

export type GamificationPrisma = PrismaClient;
/** The client inside an interactive transaction; the client itself also fits, for single statements. */
export type GamificationTx = Prisma.TransactionClient;

export const createGamificationPrisma = (
  adapter: SqlMigrationAwareDriverAdapterFactory,
): GamificationPrisma => new PrismaClient({ adapter });
