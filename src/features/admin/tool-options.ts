import "server-only";
import type { Catalog } from "@/domain/catalog/types";
import type { PickerOption } from "./tool-form";

/** Picker options for the tool form, from the catalog as it is. */
export function toolFormOptions(catalog: Catalog): {
  capabilities: PickerOption[];
  tools: PickerOption[];
  successors: PickerOption[];
} {
  const phaseName = new Map(catalog.phases.map((p) => [p.slug, p.name]));
  const tools = [...catalog.tools].sort((a, b) => a.name.localeCompare(b.name));
  return {
    capabilities: catalog.capabilities.map((c) => ({
      slug: c.slug,
      name: c.name,
      group: phaseName.get(c.phase) ?? c.phase,
    })),
    tools: tools.map((t) => ({ slug: t.slug, name: t.name, status: t.status })),
    successors: tools
      .filter((t) => t.status === "active" || t.status === "maintenance")
      .map((t) => ({ slug: t.slug, name: t.name })),
  };
}
