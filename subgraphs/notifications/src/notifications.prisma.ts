/** The notifications context's Prisma client (generated from prisma/notifications/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient, type Prisma } from './__generated__/prisma/client';

export type NotificationsPrisma = PrismaClient;
/** The client inside an interactive transaction; the client itself also fits, for single statements. */
export type NotificationsTx = Prisma.TransactionClient;

export const createNotificationsPrisma = (
  adapter: SqlMigrationAwareDriverAdapterFactory,
): NotificationsPrisma => new PrismaClient({ adapter });
