-- CreateTable
CREATE TABLE "DeletedWorkout" (
    "workoutId" UUID NOT NULL,
    "deletedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DeletedWorkout_pkey" PRIMARY KEY ("workoutId")
);
