import type { MaturityStage } from "../catalog/vocabulary";
import type { Horizon, RecommenderCatalog, RecommenderProfile } from "./types";

/**
 * Which capabilities a team needs, and when. The baseline is each capability's `neededFromStage`, adjusted here
 * for the MLOps roadmap the engine recommends; answers then pull capabilities earlier (regulation, models in
 * production, LLM work, weak dimensions) or rule them out (no Kubernetes).
 */

/**
 * Capabilities the engine fills with a tool. The rest of the catalog (databases, languages, training frameworks,
 * notebooks, compute engines, labelling) is chosen for reasons outside MLOps, so the engine does not pick them;
 * they still count as covered when a pick covers them.
 */
export const RECOMMENDED_CAPABILITIES: Record<string, MaturityStage> = {
  "version-control": 1,
  containers: 1,
  testing: 1,
  "experiment-tracking": 1,
  "data-versioning": 2,
  "continuous-integration": 2,
  "data-validation": 2,
  "model-registry": 2,
  "model-serving": 2,
  "hyperparameter-optimization": 3,
  "collaboration-docs": 3,
  "container-orchestration": 3,
  "workflow-orchestration": 3,
  "system-monitoring": 3,
  "model-monitoring": 3,
  "drift-detection": 3,
  logging: 3,
  alerting: 3,
  "model-evaluation": 3,
  "security-scanning": 3,
  "infrastructure-as-code": 3,
  "metadata-lineage": 4,
  explainability: 4,
  "feature-store": 4,
  "progressive-delivery": 4,
  "secrets-management": 4,
  "continuous-delivery": 4,
  "identity-access": 4,
  "policy-compliance": 4,
  "ml-platform": 4,
  "vector-database": 2,
  "llm-evaluation": 2,
  "llm-observability": 2,
  "llm-gateway": 3,
  "llm-serving": 3,
};

const LLM_CAPABILITIES = new Set([
  "vector-database",
  "llm-evaluation",
  "llm-observability",
  "llm-gateway",
  "llm-serving",
]);

/** The event that should make a team adopt each capability. */
export const TRIGGERS: Record<string, string> = {
  "version-control": "From the first line of code: nothing else is reproducible without it.",
  containers: "As soon as a model runs anywhere but the laptop that trained it.",
  testing: "From the first shared code: tests are what make later automation safe.",
  "experiment-tracking": "From the first experiment you may want to compare or reproduce.",
  "data-versioning": "When two people train on the same data, or you must reproduce last month's model.",
  "continuous-integration": "When more than one person changes the code, or a broken main branch has cost you a day.",
  "data-validation": "When bad input data has reached training or serving once, or data arrives from other teams.",
  "model-registry": "When a model is used by someone else and you need to know which version is live.",
  "model-serving": "When a model's predictions are consumed by an application rather than a notebook.",
  "data-lake": "When datasets, artifacts and model files outgrow a shared drive.",
  "hyperparameter-optimization": "When tuning by hand takes days and model quality depends on it.",
  "collaboration-docs": "When decisions and model cards need to outlive the people who made them.",
  "container-orchestration": "When you run several services or models that need scaling, rollouts and self-healing.",
  "workflow-orchestration":
    "When retraining and data pipelines run on a schedule and a failed step must be noticed and retried.",
  "system-monitoring": "When a model serves production traffic: latency and errors need eyes before users notice.",
  "model-monitoring": "When a model in production drives decisions and its quality can decay silently.",
  "drift-detection": "When input data changes faster than you retrain, or retraining should be triggered by evidence.",
  logging: "When you debug production issues across more than one service.",
  alerting: "When someone must wake up if a model or pipeline breaks.",
  "model-evaluation":
    "When a model release needs evidence beyond one accuracy number: slices, robustness, regressions.",
  "security-scanning": "When images and dependencies ship to production and vulnerabilities become your problem.",
  "infrastructure-as-code": "When environments must be recreated or reviewed, or there is more than one of them.",
  "metadata-lineage": "When you must trace any prediction back to the data and code that produced its model.",
  explainability: "When users, reviewers or regulators ask why a model decided something.",
  "feature-store": "When several models reuse features, or training and serving compute them differently.",
  "progressive-delivery": "When a bad model release is costly enough to roll out gradually and compare live.",
  "secrets-management":
    "When credentials are spread across pipelines, notebooks and services, or auditors ask who can read them.",
  "continuous-delivery": "When many models and services are released often and every environment must match Git.",
  "identity-access": "When more than one team uses the ML tools and access must be granted and revoked centrally.",
  "policy-compliance":
    "When rules about what may be deployed, where and by whom must be enforced, not just written down.",
  "ml-platform": "When many teams need the same workflow and a shared platform beats each team assembling its own.",
  "vector-database": "When an LLM application must answer from your own documents (retrieval-augmented generation).",
  "llm-evaluation": "Before the first LLM feature ships: prompts and retrieval need regression tests like code.",
  "llm-observability": "When LLM calls serve users: traces, costs and feedback show what goes wrong.",
  "llm-gateway": "When several teams or providers are in play and keys, budgets and fallbacks need one control point.",
  "llm-serving": "When you host open-weight models yourself for cost, latency or data-residency reasons.",
};

/** Which dimension's weakness makes a capability urgent. */
const CAPABILITY_DIMENSION: Record<string, string> = {
  "data-versioning": "data-management",
  "data-validation": "data-management",
  "experiment-tracking": "experimentation",
  "model-registry": "experimentation",
  "continuous-integration": "cicd-deployment",
  testing: "cicd-deployment",
  "model-serving": "serving",
  "model-monitoring": "monitoring",
  "secrets-management": "governance-security",
};

export type PlannedCapability = {
  capability: string;
  name: string;
  phase: string;
  adoptAtStage: MaturityStage;
  horizon: Horizon;
  trigger: string;
  drivers: string[];
};

const clampStage = (n: number) => Math.min(4, Math.max(1, n)) as MaturityStage;

export function horizonFor(adoptAtStage: number, teamStage: number): Horizon {
  if (adoptAtStage <= teamStage) return "now";
  if (adoptAtStage === teamStage + 1) return "next";
  return "later";
}

/** The capabilities this team needs, each with its adoption stage, horizon, trigger and the answers behind it. */
export function planCapabilities(profile: RecommenderProfile, catalog: RecommenderCatalog): PlannedCapability[] {
  const { constraints: c, stage } = profile;
  const inProduction = c.modelsInProduction !== "none";
  const manyModels = c.modelsInProduction === "several" || c.modelsInProduction === "many";
  const dimensionScore = new Map(profile.dimensions.map((d) => [d.slug, d.score]));
  const planned: PlannedCapability[] = [];

  for (const capability of catalog.capabilities) {
    const base = RECOMMENDED_CAPABILITIES[capability.slug];
    if (base === undefined) continue;
    let adopt: number = base;
    const drivers: string[] = [`Typically needed from stage ${base}`];
    const pull = (to: number, why: string) => {
      if (to < adopt) {
        adopt = to;
        drivers.push(why);
      }
    };

    if (LLM_CAPABILITIES.has(capability.slug)) {
      if (c.llmApplications === "no") continue;
      if (c.llmApplications === "planned") {
        adopt = Math.max(adopt, stage + 1);
        drivers.push("LLM applications are planned: prepare at the next stage");
      } else {
        pull(stage, "You build LLM applications");
      }
    }
    if (capability.slug === "container-orchestration" && c.kubernetes === "no") {
      continue; // the team said it runs without Kubernetes; managed runtimes cover serving instead
    }
    if (capability.slug === "container-orchestration" && c.kubernetes === "yes")
      pull(stage, "You already run Kubernetes");

    if (
      inProduction &&
      ["model-serving", "system-monitoring", "model-monitoring", "alerting", "logging"].includes(capability.slug)
    ) {
      pull(stage, `Models in production (${c.modelsInProduction}): they need serving and monitoring now`);
    }
    if (
      manyModels &&
      ["drift-detection", "model-registry", "workflow-orchestration", "continuous-integration"].includes(
        capability.slug,
      )
    ) {
      pull(Math.min(stage, 3), `${c.modelsInProduction === "many" ? "Many" : "Several"} models in production`);
    }
    if (
      c.regulated &&
      [
        "secrets-management",
        "identity-access",
        "model-registry",
        "metadata-lineage",
        "explainability",
        "policy-compliance",
      ].includes(capability.slug)
    ) {
      pull(Math.min(stage, 2), "Regulated: audit, access control and traceability are needed early");
    }
    if (
      capability.slug === "ml-platform" &&
      c.hostingPreference === "managed" &&
      (c.cloud === "aws" || c.cloud === "gcp" || c.cloud === "azure") &&
      stage >= 2
    ) {
      pull(stage, `You prefer managed services on one cloud: a managed ML platform covers several jobs at once`);
    }
    if (c.airGapped && capability.slug === "security-scanning")
      pull(Math.min(stage, 2), "Air-gapped: images and dependencies must be vetted before they come in");

    // A weak dimension makes a due capability urgent; it does not pull later capabilities forward (that would be
    // the over-engineering-early mistake).
    const dimension = CAPABILITY_DIMENSION[capability.slug];
    const weakScore = dimension ? dimensionScore.get(dimension) : undefined;
    if (weakScore !== undefined && weakScore < 1.5 && adopt <= stage) {
      drivers.push(`Your ${dimension?.replace(/-/g, " ")} score is ${weakScore.toFixed(1)} of 4: close this gap first`);
    }

    const adoptAtStage = clampStage(adopt);
    planned.push({
      capability: capability.slug,
      name: capability.name,
      phase: capability.phase,
      adoptAtStage,
      horizon: horizonFor(adoptAtStage, stage),
      trigger: TRIGGERS[capability.slug] ?? "When the need shows up in your work.",
      drivers,
    });
  }
  return planned;
}
