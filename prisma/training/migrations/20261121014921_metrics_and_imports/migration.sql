-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PENDING', 'DONE', 'FAILED');

-- AlterEnum
ALTER TYPE "WorkoutSource" ADD VALUE 'IMPORTED';

-- AlterTable
ALTER TABLE "Workout" ADD COLUMN     "barometricAltitude" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "device" TEXT,
ADD COLUMN     "deviceCalories" DOUBLE PRECISION,
ADD COLUMN     "editedFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "metrics" JSONB,
ADD COLUMN     "metricsVersion" INTEGER,
ADD COLUMN     "pauses" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "segmentStarts" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- AlterTable
ALTER TABLE "TelemetrySample" ALTER COLUMN "recordedAt" DROP NOT NULL;

-- CreateTable
CREATE TABLE "BestEffort" (
    "workoutId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "sport" TEXT NOT NULL,
    "distanceMeters" DOUBLE PRECISION NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,
    "achievedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BestEffort_pkey" PRIMARY KEY ("workoutId","name")
);

-- CreateTable
CREATE TABLE "TrainingProfile" (
    "userId" UUID NOT NULL,
    "maxHeartRate" INTEGER,
    "restingHeartRate" INTEGER,
    "weightKg" DOUBLE PRECISION,
    "birthYear" INTEGER,
    "sex" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrainingProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PENDING',
    "format" TEXT NOT NULL,
    "fileName" TEXT,
    "device" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "pendingKey" TEXT,
    "workoutId" UUID NOT NULL,
    "activity" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BestEffort_userId_sport_name_seconds_idx" ON "BestEffort"("userId", "sport", "name", "seconds");

-- CreateIndex
CREATE UNIQUE INDEX "ImportJob_pendingKey_key" ON "ImportJob"("pendingKey");

-- CreateIndex
CREATE INDEX "ImportJob_status_createdAt_idx" ON "ImportJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_userId_createdAt_idx" ON "ImportJob"("userId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Workout_userId_device_startedAt_key" ON "Workout"("userId", "device", "startedAt");

-- CreateIndex
CREATE INDEX "TelemetrySample_workoutId_recordedAt_idx" ON "TelemetrySample"("workoutId", "recordedAt");

-- AddForeignKey
ALTER TABLE "BestEffort" ADD CONSTRAINT "BestEffort_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE CASCADE ON UPDATE CASCADE;
