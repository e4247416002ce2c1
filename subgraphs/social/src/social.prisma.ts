/** The social context's Prisma client (generated from prisma/social/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient, type Prisma } from './__generated__/prisma/client';

export type SocialPrisma = PrismaClient;
/** The client inside an interactive transaction; the client itself also fits, for single statements. */
export type SocialTx = Prisma.TransactionClient;

export const createSocialPrisma = (adapter: SqlMigrationAwareDriverAdapterFactory): SocialPrisma =>
  new PrismaClient({ adapter });
