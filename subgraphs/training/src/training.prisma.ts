/** The training context's Prisma client (generated from prisma/training/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './__generated__/prisma/client';

export type TrainingPrisma = PrismaClient;

export const createTrainingPrisma = (adapter: SqlMigrationAwareDriverAdapterFactory): TrainingPrisma =>
  new PrismaClient({ adapter });
