-- CreateEnum
CREATE TYPE "WorkoutSource" AS ENUM ('RECORDED', 'MANUAL');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'FOLLOWERS', 'PRIVATE');

-- AlterEnum
ALTER TYPE "WorkoutStatus" ADD VALUE 'PAUSED';

-- AlterTable
ALTER TABLE "Workout" ADD COLUMN     "calories" INTEGER,
ADD COLUMN     "elevationGainMeters" DOUBLE PRECISION,
ADD COLUMN     "movingSeconds" INTEGER,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "pausedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pausedSeconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "source" "WorkoutSource" NOT NULL DEFAULT 'RECORDED',
ADD COLUMN     "title" TEXT,
ADD COLUMN     "visibility" "Visibility" NOT NULL DEFAULT 'FOLLOWERS';
