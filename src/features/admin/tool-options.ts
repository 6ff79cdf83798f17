import "server-only";
import { compareNames } from "@/domain/catalog/compare-names";
import type { Catalog } from "@/domain/catalog/types";
import type { PickerOption } from "./tool-form";

/** Picker options for the tool form, from the catalog as it is. */
export function toolFormOptions(catalog: Catalog): {
  capabilities: PickerOption[];
  tools: PickerOption[];
  successors: PickerOption[];
} {
  const phaseName = new Map(catalog.phases.map((p) => [p.slug, p.name]));
  const capabilityName = new Map(catalog.capabilities.map((c) => [c.slug, c.name]));
  const tools = [...catalog.tools].sort((a, b) => compareNames(a.name, b.name));
  return {
    capabilities: catalog.capabilities.map((c) => ({
      slug: c.slug,
      name: c.name,
      group: phaseName.get(c.phase) ?? c.phase,
    })),
    tools: tools.map((t) => ({
      slug: t.slug,
      name: t.name,
      status: t.status,
      // What it is for, so that two tools with similar names can be told apart in the pickers.
      group: capabilityName.get(t.capabilities.primary[0] ?? "") ?? undefined,
    })),
    successors: tools
      .filter((t) => t.status === "active" || t.status === "maintenance")
      .map((t) => ({ slug: t.slug, name: t.name })),
  };
}
