-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "window" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("key", "window")
);

-- CreateIndex
CREATE INDEX "RateLimitBucket_window_idx" ON "RateLimitBucket"("window");
