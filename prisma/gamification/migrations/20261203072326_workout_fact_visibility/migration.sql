-- AlterTable
ALTER TABLE "WorkoutFact" ADD COLUMN     "visibility" TEXT NOT NULL DEFAULT 'FOLLOWERS';
