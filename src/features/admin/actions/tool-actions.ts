"use server";

import { ZCreateTool, ZDeleteEntry, ZRestoreVersion, ZRetireTool, ZUpdateTool } from "@/domain/admin/action-schemas";
import { createTool, removeTool, restoreVersion, retireTool, updateTool } from "@/server/catalog/catalog-service";
import { adminAction } from "@/server/auth/admin-action";
import { writeResultToAction } from "./result-mapping";

/** Tool editing. Every action is authorised, origin-checked and validated by `adminAction` before it runs. */

const actorOf = (m: { id: string; email: string }) => ({ id: m.id, label: m.email });

export const createToolAction = adminAction("editor", ZCreateTool, async ({ tool }, { maintainer }) =>
  writeResultToAction(await createTool(tool, actorOf(maintainer)), "tool", "Tool"),
);

export const updateToolAction = adminAction(
  "editor",
  ZUpdateTool,
  async ({ slug, expectedVersion, tool }, { maintainer }) =>
    writeResultToAction(await updateTool(slug, expectedVersion, tool, actorOf(maintainer)), "tool", "Tool"),
);

export const retireToolAction = adminAction(
  "editor",
  ZRetireTool,
  async ({ slug, expectedVersion, ...change }, { maintainer }) =>
    writeResultToAction(await retireTool(slug, expectedVersion, change, actorOf(maintainer)), "retire", "Tool"),
);

export const deleteToolAction = adminAction("editor", ZDeleteEntry, async ({ slug, expectedVersion }, { maintainer }) =>
  writeResultToAction(await removeTool(slug, expectedVersion, actorOf(maintainer)), "tool", "Tool"),
);

export const restoreVersionAction = adminAction(
  "editor",
  ZRestoreVersion,
  async ({ auditId, expectedVersion }, { maintainer }) =>
    writeResultToAction(await restoreVersion(auditId, expectedVersion, actorOf(maintainer)), "entry", "Entry"),
);
