-- CreateTable
CREATE TABLE "TelemetryBatch" (
    "workoutId" UUID NOT NULL,
    "batchId" TEXT NOT NULL,
    "sampleCount" INTEGER NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelemetryBatch_pkey" PRIMARY KEY ("workoutId","batchId")
);

-- CreateTable
CREATE TABLE "TelemetrySample" (
    "workoutId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "altitude" DOUBLE PRECISION,
    "heartRate" DOUBLE PRECISION,
    "cadence" DOUBLE PRECISION,
    "power" DOUBLE PRECISION,
    "speed" DOUBLE PRECISION,
    "temperature" DOUBLE PRECISION,

    CONSTRAINT "TelemetrySample_pkey" PRIMARY KEY ("workoutId","sequence")
);
