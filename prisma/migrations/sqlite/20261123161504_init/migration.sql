-- CreateTable
CREATE TABLE "Phase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "isOverlay" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "seededVersion" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Capability" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phaseId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "neededFromStage" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "seededVersion" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Capability_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Tool" (
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
    "version" INTEGER NOT NULL DEFAULT 1,
    "seededVersion" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Tool_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Tool" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ToolCapability" (
    "toolId" TEXT NOT NULL,
    "capabilityId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("toolId", "capabilityId"),
    CONSTRAINT "ToolCapability_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ToolCapability_capabilityId_fkey" FOREIGN KEY ("capabilityId") REFERENCES "Capability" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ToolIntegration" (
    "toolAId" TEXT NOT NULL,
    "toolBId" TEXT NOT NULL,

    PRIMARY KEY ("toolAId", "toolBId"),
    CONSTRAINT "ToolIntegration_toolAId_fkey" FOREIGN KEY ("toolAId") REFERENCES "Tool" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ToolIntegration_toolBId_fkey" FOREIGN KEY ("toolBId") REFERENCES "Tool" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionnaireVersion" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "parentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB
);

-- CreateIndex
CREATE UNIQUE INDEX "Phase_slug_key" ON "Phase"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Capability_slug_key" ON "Capability"("slug");

-- CreateIndex
CREATE INDEX "Capability_phaseId_idx" ON "Capability"("phaseId");

-- CreateIndex
CREATE UNIQUE INDEX "Tool_slug_key" ON "Tool"("slug");

-- CreateIndex
CREATE INDEX "Tool_status_idx" ON "Tool"("status");

-- CreateIndex
CREATE INDEX "Tool_successorId_idx" ON "Tool"("successorId");

-- CreateIndex
CREATE INDEX "ToolCapability_capabilityId_idx" ON "ToolCapability"("capabilityId");

-- CreateIndex
CREATE INDEX "ToolIntegration_toolBId_idx" ON "ToolIntegration"("toolBId");

-- CreateIndex
CREATE INDEX "Assessment_createdAt_idx" ON "Assessment"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- Hand-written: the audit log is append-only. No code path may change or remove a record.
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
BEGIN
    SELECT RAISE(ABORT, 'AuditLog is append-only');
END;

CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
BEGIN
    SELECT RAISE(ABORT, 'AuditLog is append-only');
END;
