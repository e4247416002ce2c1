-- CreateIndex
CREATE INDEX "Profile_followerCount_idx" ON "Profile"("followerCount");
