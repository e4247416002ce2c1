-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "GearKind" AS ENUM ('SHOES', 'BIKE', 'OTHER');

-- CreateEnum
CREATE TYPE "GearStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "ComponentKind" AS ENUM ('CHAIN', 'TYRE', 'CASSETTE', 'BRAKE_PADS', 'OTHER');

-- CreateTable
CREATE TABLE "Gear" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "GearKind" NOT NULL,
    "brand" TEXT,
    "model" TEXT,
    "nickname" TEXT,
    "purchaseDate" TIMESTAMPTZ(3),
    "initialDistanceMeters" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "retirementDistanceMeters" DOUBLE PRECISION,
    "status" "GearStatus" NOT NULL DEFAULT 'ACTIVE',
    "retiredAt" TIMESTAMPTZ(3),
    "creditedDistanceMeters" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "creditedMovingSeconds" INTEGER NOT NULL DEFAULT 0,
    "defaultForSports" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Gear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GearComponent" (
    "id" UUID NOT NULL,
    "gearId" UUID NOT NULL,
    "kind" "ComponentKind" NOT NULL,
    "name" TEXT,
    "expectedLifetimeMeters" DOUBLE PRECISION NOT NULL,
    "gearDistanceAtInstallMeters" DOUBLE PRECISION NOT NULL,
    "gearDistanceAtRetirementMeters" DOUBLE PRECISION,
    "installedAt" TIMESTAMPTZ(3) NOT NULL,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "GearComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GearUsage" (
    "gearId" UUID NOT NULL,
    "workoutId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "distanceMeters" DOUBLE PRECISION NOT NULL,
    "movingSeconds" INTEGER NOT NULL,

    CONSTRAINT "GearUsage_pkey" PRIMARY KEY ("gearId","workoutId")
);

-- CreateTable
CREATE TABLE "GearThreshold" (
    "gearId" UUID NOT NULL,
    "percent" INTEGER NOT NULL,
    "reachedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GearThreshold_pkey" PRIMARY KEY ("gearId","percent")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "sequence" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "InboxEvent" (
    "eventId" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboxEvent_pkey" PRIMARY KEY ("eventId","consumer")
);

-- CreateIndex
CREATE INDEX "Gear_userId_idx" ON "Gear"("userId");

-- CreateIndex
CREATE INDEX "GearComponent_gearId_idx" ON "GearComponent"("gearId");

-- CreateIndex
CREATE INDEX "GearUsage_workoutId_idx" ON "GearUsage"("workoutId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_id_key" ON "OutboxEvent"("id");

-- CreateIndex
CREATE INDEX "OutboxEvent_sentAt_sequence_idx" ON "OutboxEvent"("sentAt", "sequence");

-- AddForeignKey
ALTER TABLE "GearComponent" ADD CONSTRAINT "GearComponent_gearId_fkey" FOREIGN KEY ("gearId") REFERENCES "Gear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GearUsage" ADD CONSTRAINT "GearUsage_gearId_fkey" FOREIGN KEY ("gearId") REFERENCES "Gear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GearThreshold" ADD CONSTRAINT "GearThreshold_gearId_fkey" FOREIGN KEY ("gearId") REFERENCES "Gear"("id") ON DELETE CASCADE ON UPDATE CASCADE;
