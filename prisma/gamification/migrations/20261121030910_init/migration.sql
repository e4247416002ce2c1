-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('CREDIT', 'REVERSAL', 'CORRECTION');

-- CreateEnum
CREATE TYPE "ChallengeGoal" AS ENUM ('DISTANCE', 'ELEVATION', 'COUNT', 'STREAK_DAYS');

-- CreateTable
CREATE TABLE "XpLedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "workoutId" UUID NOT NULL,
    "causeEventId" UUID NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "points" INTEGER NOT NULL,
    "sport" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "XpLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkoutFact" (
    "workoutId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sport" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "distanceMeters" DOUBLE PRECISION,
    "movingSeconds" INTEGER,
    "elevationGainMeters" DOUBLE PRECISION,
    "gearIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "trackFlags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "deletedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkoutFact_pkey" PRIMARY KEY ("workoutId")
);

-- CreateTable
CREATE TABLE "AthleteSettings" (
    "userId" UUID NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',

    CONSTRAINT "AthleteSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "AthleteLevel" (
    "userId" UUID NOT NULL,
    "highestLevel" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AthleteLevel_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "UnlockedAchievement" (
    "userId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "workoutId" UUID,
    "unlockedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UnlockedAchievement_pkey" PRIMARY KEY ("userId","code")
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "goal" "ChallengeGoal" NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "sport" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeMember" (
    "challengeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL,
    "leftAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "boardScore" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ChallengeMember_pkey" PRIMARY KEY ("challengeId","userId")
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
CREATE INDEX "XpLedgerEntry_userId_idx" ON "XpLedgerEntry"("userId");

-- CreateIndex
CREATE INDEX "XpLedgerEntry_workoutId_idx" ON "XpLedgerEntry"("workoutId");

-- CreateIndex
CREATE UNIQUE INDEX "XpLedgerEntry_causeEventId_kind_key" ON "XpLedgerEntry"("causeEventId", "kind");

-- CreateIndex
CREATE INDEX "WorkoutFact_userId_startedAt_idx" ON "WorkoutFact"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "Challenge_endsAt_idx" ON "Challenge"("endsAt");

-- CreateIndex
CREATE INDEX "ChallengeMember_userId_idx" ON "ChallengeMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_id_key" ON "OutboxEvent"("id");

-- CreateIndex
CREATE INDEX "OutboxEvent_sentAt_sequence_idx" ON "OutboxEvent"("sentAt", "sequence");

-- AddForeignKey
ALTER TABLE "ChallengeMember" ADD CONSTRAINT "ChallengeMember_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;
