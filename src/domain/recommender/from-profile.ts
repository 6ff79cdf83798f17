import type { MaturityProfile } from "../assessment/score";
import type { Catalog } from "../catalog/types";
import type { RecommenderCatalog, RecommenderProfile } from "./types";

/** Narrows a scored assessment to what the engine reads. */
export function toRecommenderProfile(profile: MaturityProfile): RecommenderProfile {
  return {
    stage: profile.stage,
    dimensions: profile.dimensions.map((d) => ({
      slug: d.slug,
      name: d.name,
      score: d.score,
      unsureShare: Math.min(1, (d.unknownShare ?? 0) + (d.hiddenShare ?? 0)),
    })),
    constraints: profile.constraints,
    practices: profile.practices,
  };
}

/** Narrows catalog DTOs to what the engine reads (no prose): also the shape sent to the browser's what-if panel. */
export function toRecommenderCatalog(catalog: Catalog): RecommenderCatalog {
  return {
    phases: catalog.phases.map(({ slug, name, order, isOverlay }) => ({ slug, name, order, isOverlay })),
    capabilities: catalog.capabilities.map(({ slug, name, phase, neededFromStage, plan }) => ({
      slug,
      name,
      phase,
      neededFromStage,
      plan,
    })),
    tools: catalog.tools.map((t) => ({
      slug: t.slug,
      name: t.name,
      summary: t.summary,
      license: t.license,
      isOpenSource: t.isOpenSource,
      pricing: t.pricing,
      hosting: t.hosting,
      clouds: t.clouds,
      needsKubernetes: t.needsKubernetes,
      stages: t.stages,
      opsComplexity: t.opsComplexity,
      learningCurve: t.learningCurve,
      teamSizes: t.teamSizes,
      capabilities: t.capabilities,
      integrations: t.integrations,
      risks: t.risks,
      status: t.status,
      successor: t.successor,
      vendorSupport: t.vendorSupport,
      relations: t.relations,
      freshness: t.freshness,
    })),
  };
}
