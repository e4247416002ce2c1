/** The training context's Prisma client (generated from prisma/training/schema.prisma). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient, type Prisma } from './__generated__/prisma/client';

export type TrainingPrisma = PrismaClient;

/** What training's repositories run on: the client, or one of its transactions. */
export type TrainingDb = Prisma.TransactionClient;

export const createTrainingPrisma = (adapter: SqlMigrationAwareDriverAdapterFactory): TrainingPrisma =>
  new PrismaClient({ adapter });
