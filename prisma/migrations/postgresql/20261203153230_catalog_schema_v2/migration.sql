-- AlterTable
ALTER TABLE "Capability" ADD COLUMN     "plan" JSONB;

-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "freshness" JSONB,
ADD COLUMN     "relations" JSONB,
ADD COLUMN     "reviewIntervalDays" INTEGER,
ADD COLUMN     "sources" JSONB,
ADD COLUMN     "vendorSupport" BOOLEAN NOT NULL DEFAULT false;
