/** The identity context's Prisma client (generated from prisma/identity/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './__generated__/prisma/client';

export type IdentityPrisma = PrismaClient;

export const createIdentityPrisma = (adapter: SqlMigrationAwareDriverAdapterFactory): IdentityPrisma =>
  new PrismaClient({ adapter });
