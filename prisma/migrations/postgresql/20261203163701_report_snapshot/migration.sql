-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "catalogRevision" INTEGER,
ADD COLUMN     "snapshot" BYTEA;

-- CreateIndex
CREATE INDEX "Assessment_parentId_idx" ON "Assessment"("parentId");
