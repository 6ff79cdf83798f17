-- AlterTable
ALTER TABLE "Capability" ADD COLUMN "plan" JSONB;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tool" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "homepage" TEXT NOT NULL,
    "repository" TEXT,
    "license" TEXT NOT NULL,
    "isOpenSource" BOOLEAN NOT NULL,
    "pricing" TEXT NOT NULL,
    "hosting" JSONB NOT NULL,
    "clouds" JSONB NOT NULL,
    "needsKubernetes" BOOLEAN NOT NULL,
    "stages" JSONB NOT NULL,
    "opsComplexity" INTEGER NOT NULL,
    "learningCurve" INTEGER NOT NULL,
    "teamSizes" JSONB NOT NULL,
    "strengths" JSONB NOT NULL,
    "limitations" JSONB NOT NULL,
    "risks" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "successorId" TEXT,
    "statusNote" TEXT,
    "lastReviewed" DATETIME NOT NULL,
    "vendorSupport" BOOLEAN NOT NULL DEFAULT false,
    "relations" JSONB,
    "sources" JSONB,
    "reviewIntervalDays" INTEGER,
    "freshness" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "seededVersion" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Tool_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Tool" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Tool" ("clouds", "createdAt", "description", "homepage", "hosting", "id", "isOpenSource", "lastReviewed", "learningCurve", "license", "limitations", "name", "needsKubernetes", "opsComplexity", "pricing", "repository", "risks", "seededVersion", "slug", "stages", "status", "statusNote", "strengths", "successorId", "summary", "teamSizes", "updatedAt", "version") SELECT "clouds", "createdAt", "description", "homepage", "hosting", "id", "isOpenSource", "lastReviewed", "learningCurve", "license", "limitations", "name", "needsKubernetes", "opsComplexity", "pricing", "repository", "risks", "seededVersion", "slug", "stages", "status", "statusNote", "strengths", "successorId", "summary", "teamSizes", "updatedAt", "version" FROM "Tool";
DROP TABLE "Tool";
ALTER TABLE "new_Tool" RENAME TO "Tool";
CREATE UNIQUE INDEX "Tool_slug_key" ON "Tool"("slug");
CREATE INDEX "Tool_status_idx" ON "Tool"("status");
CREATE INDEX "Tool_successorId_idx" ON "Tool"("successorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
