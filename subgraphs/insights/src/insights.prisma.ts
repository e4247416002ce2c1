/** The insights context's Prisma client (generated from prisma/insights/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient, type Prisma } from './__generated__/prisma/client';

export type InsightsPrisma = PrismaClient;
/** The client inside an interactive transaction; the client itself also fits, for single statements. */
export type InsightsTx = Prisma.TransactionClient;

export const createInsightsPrisma = (adapter: SqlMigrationAwareDriverAdapterFactory): InsightsPrisma =>
  new PrismaClient({ adapter });
