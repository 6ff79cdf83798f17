import type { CatalogTool } from "./types";

/** The public JSON shape of a tool: every catalog fact, with capabilities, integrations and successor as slugs. */
export function toPublicTool(tool: CatalogTool) {
  const { id: _id, ...rest } = tool;
  return rest;
}

export type PublicTool = ReturnType<typeof toPublicTool>;
