-- CreateTable
CREATE TABLE "LoginAddressThrottle" (
    "address" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginAddressThrottle_pkey" PRIMARY KEY ("address","emailKey")
);
