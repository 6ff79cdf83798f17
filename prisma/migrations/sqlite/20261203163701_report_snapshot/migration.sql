-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN "catalogRevision" INTEGER;
ALTER TABLE "Assessment" ADD COLUMN "snapshot" BLOB;

-- CreateIndex
CREATE INDEX "Assessment_parentId_idx" ON "Assessment"("parentId");
