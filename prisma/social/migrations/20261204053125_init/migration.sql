-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ProfileVisibility" AS ENUM ('EVERYONE', 'FOLLOWERS', 'ONLY_ME');

-- CreateEnum
CREATE TYPE "Units" AS ENUM ('METRIC', 'IMPERIAL');

-- CreateEnum
CREATE TYPE "SportLevel" AS ENUM ('BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT', 'ELITE');

-- CreateEnum
CREATE TYPE "FollowStatus" AS ENUM ('PENDING', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "ClubRole" AS ENUM ('OWNER', 'ADMIN', 'MEMBER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('REQUESTED', 'INVITED', 'MEMBER');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'FOLLOWERS', 'PRIVATE');

-- CreateEnum
CREATE TYPE "ActivityVerb" AS ENUM ('WORKOUT');

-- CreateEnum
CREATE TYPE "MediaKind" AS ENUM ('AVATAR', 'WORKOUT_PHOTO');

-- CreateEnum
CREATE TYPE "MediaStatus" AS ENUM ('PENDING', 'READY');

-- CreateTable
CREATE TABLE "Profile" (
    "userId" UUID NOT NULL,
    "displayName" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "bio" TEXT,
    "homeArea" TEXT,
    "homeLatitude" DOUBLE PRECISION,
    "homeLongitude" DOUBLE PRECISION,
    "units" "Units" NOT NULL DEFAULT 'METRIC',
    "visibility" "ProfileVisibility" NOT NULL DEFAULT 'EVERYONE',
    "approveFollowers" BOOLEAN NOT NULL DEFAULT false,
    "partnerSearch" BOOLEAN NOT NULL DEFAULT false,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "avatarId" UUID,
    "followerCount" INTEGER NOT NULL DEFAULT 0,
    "followingCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Profile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ProfileSport" (
    "userId" UUID NOT NULL,
    "sport" TEXT NOT NULL,
    "level" "SportLevel" NOT NULL,

    CONSTRAINT "ProfileSport_pkey" PRIMARY KEY ("userId","sport")
);

-- CreateTable
CREATE TABLE "Follow" (
    "followerId" UUID NOT NULL,
    "followeeId" UUID NOT NULL,
    "status" "FollowStatus" NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("followerId","followeeId")
);

-- CreateTable
CREATE TABLE "Block" (
    "blockerId" UUID NOT NULL,
    "blockedId" UUID NOT NULL,
    "blockedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Block_pkey" PRIMARY KEY ("blockerId","blockedId")
);

-- CreateTable
CREATE TABLE "Club" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "sport" TEXT,
    "private" BOOLEAN NOT NULL DEFAULT false,
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Club_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubMember" (
    "clubId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "ClubRole" NOT NULL DEFAULT 'MEMBER',
    "status" "MembershipStatus" NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClubMember_pkey" PRIMARY KEY ("clubId","userId")
);

-- CreateTable
CREATE TABLE "Workout" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sport" TEXT NOT NULL,
    "title" TEXT,
    "visibility" "Visibility" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "distanceMeters" DOUBLE PRECISION,
    "movingSeconds" INTEGER,
    "kudosCount" INTEGER NOT NULL DEFAULT 0,
    "commentCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Workout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "verb" "ActivityVerb" NOT NULL,
    "workoutId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "visibility" "Visibility" NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedEntry" (
    "viewerId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FeedEntry_pkey" PRIMARY KEY ("viewerId","activityId")
);

-- CreateTable
CREATE TABLE "Kudos" (
    "workoutId" UUID NOT NULL,
    "giverId" UUID NOT NULL,
    "givenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Kudos_pkey" PRIMARY KEY ("workoutId","giverId")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "workoutId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "mentionIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "editedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Media" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "kind" "MediaKind" NOT NULL,
    "status" "MediaStatus" NOT NULL,
    "workoutId" UUID,
    "uploadContentType" TEXT NOT NULL,
    "sizes" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Media_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "Profile_handle_key" ON "Profile"("handle");

-- CreateIndex
CREATE INDEX "Profile_partnerSearch_idx" ON "Profile"("partnerSearch");

-- CreateIndex
CREATE INDEX "ProfileSport_sport_level_idx" ON "ProfileSport"("sport", "level");

-- CreateIndex
CREATE INDEX "Follow_followeeId_status_requestedAt_idx" ON "Follow"("followeeId", "status", "requestedAt");

-- CreateIndex
CREATE INDEX "Follow_followerId_status_requestedAt_idx" ON "Follow"("followerId", "status", "requestedAt");

-- CreateIndex
CREATE INDEX "Block_blockedId_idx" ON "Block"("blockedId");

-- CreateIndex
CREATE INDEX "ClubMember_userId_status_idx" ON "ClubMember"("userId", "status");

-- CreateIndex
CREATE INDEX "ClubMember_clubId_status_since_idx" ON "ClubMember"("clubId", "status", "since");

-- CreateIndex
CREATE INDEX "Workout_userId_startedAt_id_idx" ON "Workout"("userId", "startedAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Activity_workoutId_key" ON "Activity"("workoutId");

-- CreateIndex
CREATE INDEX "Activity_actorId_occurredAt_id_idx" ON "Activity"("actorId", "occurredAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Activity_occurredAt_id_idx" ON "Activity"("occurredAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "FeedEntry_viewerId_occurredAt_activityId_idx" ON "FeedEntry"("viewerId", "occurredAt" DESC, "activityId" DESC);

-- CreateIndex
CREATE INDEX "FeedEntry_viewerId_actorId_idx" ON "FeedEntry"("viewerId", "actorId");

-- CreateIndex
CREATE INDEX "FeedEntry_activityId_idx" ON "FeedEntry"("activityId");

-- CreateIndex
CREATE INDEX "Kudos_workoutId_givenAt_idx" ON "Kudos"("workoutId", "givenAt");

-- CreateIndex
CREATE INDEX "Kudos_giverId_idx" ON "Kudos"("giverId");

-- CreateIndex
CREATE INDEX "Comment_workoutId_createdAt_id_idx" ON "Comment"("workoutId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex
CREATE INDEX "Media_ownerId_kind_idx" ON "Media"("ownerId", "kind");

-- CreateIndex
CREATE INDEX "Media_workoutId_createdAt_idx" ON "Media"("workoutId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_id_key" ON "OutboxEvent"("id");

-- CreateIndex
CREATE INDEX "OutboxEvent_sentAt_sequence_idx" ON "OutboxEvent"("sentAt", "sequence");

-- AddForeignKey
ALTER TABLE "ProfileSport" ADD CONSTRAINT "ProfileSport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "Profile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubMember" ADD CONSTRAINT "ClubMember_clubId_fkey" FOREIGN KEY ("clubId") REFERENCES "Club"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedEntry" ADD CONSTRAINT "FeedEntry_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
