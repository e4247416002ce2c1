-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Athlete" (
    "userId" UUID NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "birthYear" INTEGER,
    "modelTraining" BOOLEAN NOT NULL DEFAULT false,
    "cohortBenchmarks" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Athlete_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Workout" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sport" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "localDate" TEXT NOT NULL,
    "movingSeconds" INTEGER,
    "elapsedSeconds" INTEGER,
    "distanceMeters" DOUBLE PRECISION,
    "elevationGainMeters" DOUBLE PRECISION,
    "trimp" DOUBLE PRECISION,
    "sessionRpe" INTEGER,
    "load" DOUBLE PRECISION NOT NULL,
    "method" TEXT NOT NULL,
    "bestEfforts" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Workout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkoutEffort" (
    "workoutId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sessionRpe" INTEGER NOT NULL,

    CONSTRAINT "WorkoutEffort_pkey" PRIMARY KEY ("workoutId")
);

-- CreateTable
CREATE TABLE "DailyLoad" (
    "userId" UUID NOT NULL,
    "date" TEXT NOT NULL,
    "sport" TEXT NOT NULL,
    "load" DOUBLE PRECISION NOT NULL,
    "method" TEXT NOT NULL,
    "workouts" INTEGER NOT NULL,

    CONSTRAINT "DailyLoad_pkey" PRIMARY KEY ("userId","date","sport")
);

-- CreateTable
CREATE TABLE "FormDay" (
    "userId" UUID NOT NULL,
    "date" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "load" DOUBLE PRECISION NOT NULL,
    "acute" DOUBLE PRECISION NOT NULL,
    "chronic" DOUBLE PRECISION NOT NULL,
    "ctl" DOUBLE PRECISION NOT NULL,
    "atl" DOUBLE PRECISION NOT NULL,
    "tsb" DOUBLE PRECISION NOT NULL,
    "acwrEwma" DOUBLE PRECISION,
    "acwrCoupled" DOUBLE PRECISION,
    "acwrUncoupled" DOUBLE PRECISION,
    "monotony" DOUBLE PRECISION,
    "strain" DOUBLE PRECISION,

    CONSTRAINT "FormDay_pkey" PRIMARY KEY ("userId","date")
);

-- CreateTable
CREATE TABLE "LoadFlag" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "raisedOn" TEXT NOT NULL,
    "clearedOn" TEXT,
    "method" TEXT NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "ratio" DOUBLE PRECISION NOT NULL,
    "acute" DOUBLE PRECISION NOT NULL,
    "chronic" DOUBLE PRECISION NOT NULL,
    "parameters" JSONB NOT NULL,

    CONSTRAINT "LoadFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "features" TEXT[],
    "parameters" JSONB NOT NULL,
    "trainedFrom" TEXT,
    "trainedTo" TEXT,
    "evaluation" JSONB,
    "privacy" JSONB,
    "artefact" JSONB,
    "serving" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "message" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "modelName" TEXT NOT NULL,
    "modelVersion" INTEGER NOT NULL,
    "inputsHash" TEXT NOT NULL,
    "rulesFired" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GearWear" (
    "gearId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "gearName" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,

    CONSTRAINT "GearWear_pkey" PRIMARY KEY ("gearId")
);

-- CreateTable
CREATE TABLE "InjuryReport" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "date" TEXT NOT NULL,
    "bodyArea" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InjuryReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodSummary" (
    "userId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "start" TEXT NOT NULL,
    "sport" TEXT NOT NULL,
    "workouts" INTEGER NOT NULL,
    "distanceMeters" DOUBLE PRECISION NOT NULL,
    "movingSeconds" INTEGER NOT NULL,
    "elevationGainMeters" DOUBLE PRECISION NOT NULL,
    "load" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PeriodSummary_pkey" PRIMARY KEY ("userId","period","start","sport")
);

-- CreateTable
CREATE TABLE "CohortBenchmark" (
    "sport" TEXT NOT NULL,
    "ageGroup" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "athletes" INTEGER NOT NULL,
    "meanDistance" DOUBLE PRECISION NOT NULL,
    "deciles" DOUBLE PRECISION[],
    "epsilon" DOUBLE PRECISION NOT NULL,
    "membersHash" TEXT NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CohortBenchmark_pkey" PRIMARY KEY ("sport","ageGroup","week")
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
CREATE INDEX "Workout_userId_localDate_idx" ON "Workout"("userId", "localDate");

-- CreateIndex
CREATE INDEX "WorkoutEffort_userId_idx" ON "WorkoutEffort"("userId");

-- CreateIndex
CREATE INDEX "LoadFlag_userId_raisedOn_idx" ON "LoadFlag"("userId", "raisedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_name_version_key" ON "ModelVersion"("name", "version");

-- CreateIndex
CREATE INDEX "Recommendation_userId_createdAt_idx" ON "Recommendation"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_userId_date_kind_subject_modelName_modelVers_key" ON "Recommendation"("userId", "date", "kind", "subject", "modelName", "modelVersion");

-- CreateIndex
CREATE INDEX "GearWear_userId_idx" ON "GearWear"("userId");

-- CreateIndex
CREATE INDEX "InjuryReport_userId_date_idx" ON "InjuryReport"("userId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_id_key" ON "OutboxEvent"("id");

-- CreateIndex
CREATE INDEX "OutboxEvent_sentAt_sequence_idx" ON "OutboxEvent"("sentAt", "sequence");
