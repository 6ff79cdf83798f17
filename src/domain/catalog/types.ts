import type { Capability, Phase, ToolInput } from "./schema";

/**
 * Catalog DTOs: what repositories hand to pages, the API and the engine. Plain data, no database types.
 * Integrations are symmetric here: `integrations` lists every partner, whichever side declared the link.
 */
export type CatalogPhase = Phase & { id: string };
export type CatalogCapability = Capability & { id: string };
export type CatalogTool = ToolInput & {
  id: string;
  /** Derived from the licence: usable under an OSI-approved licence. */
  isOpenSource: boolean;
  version: number;
};
export type Catalog = {
  phases: CatalogPhase[];
  capabilities: CatalogCapability[];
  tools: CatalogTool[];
};
