"use server";

import { ZDeleteEntry, ZSaveCapability, ZSavePhase } from "@/domain/admin/action-schemas";
import { deleteCapability, deletePhase, saveCapabilityChange, savePhaseChange } from "@/server/catalog/catalog-service";
import { adminAction } from "@/server/auth/admin-action";
import { writeResultToAction } from "./result-mapping";

/** Phases and capabilities: the same care as tools (schemas, whole-catalog rules, versions, audit). */

const actorOf = (m: { id: string; email: string }) => ({ id: m.id, label: m.email });

export const savePhaseAction = adminAction("editor", ZSavePhase, async ({ phase, expectedVersion }, { maintainer }) =>
  writeResultToAction(await savePhaseChange(phase, expectedVersion, actorOf(maintainer)), "phase", "Phase"),
);

export const deletePhaseAction = adminAction(
  "editor",
  ZDeleteEntry,
  async ({ slug, expectedVersion }, { maintainer }) =>
    writeResultToAction(await deletePhase(slug, expectedVersion, actorOf(maintainer)), "phase", "Phase"),
);

export const saveCapabilityAction = adminAction(
  "editor",
  ZSaveCapability,
  async ({ capability, expectedVersion }, { maintainer }) =>
    writeResultToAction(
      await saveCapabilityChange(capability, expectedVersion, actorOf(maintainer)),
      "capability",
      "Capability",
    ),
);

export const deleteCapabilityAction = adminAction(
  "editor",
  ZDeleteEntry,
  async ({ slug, expectedVersion }, { maintainer }) =>
    writeResultToAction(await deleteCapability(slug, expectedVersion, actorOf(maintainer)), "capability", "Capability"),
);
