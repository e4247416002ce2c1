-- AlterTable
ALTER TABLE "Workout" ADD COLUMN     "sampleCount" INTEGER NOT NULL DEFAULT 0;
