import type { Constraints } from "../assessment/constraints";
import type { TeamSize } from "../catalog/vocabulary";
import type { RecommenderTool } from "./types";

/** Sentences about cost, effort and migration, in the terms a team's budget holder uses. */

const TEAM_PHRASES: Record<TeamSize, string> = {
  solo: "one or two people",
  small: "3–10 people",
  medium: "11–50 people",
  large: "more than 50 people",
};

/** "a team of 3–10 people" */
export function teamPhrase(size: TeamSize): string {
  return `a team of ${TEAM_PHRASES[size]}`;
}

/** What a tool costs, as a price model and what it means for the team's budget. */
export function costOf(tool: Pick<RecommenderTool, "pricing" | "hosting">, c: Constraints): string {
  const selfHosted = tool.hosting.includes("self-hosted");
  switch (tool.pricing) {
    case "open-source":
      return selfHosted ? "Free and open source; you pay only for the machines it runs on." : "Free to use.";
    case "open-core":
      return c.budget === "none"
        ? "Free open-source edition; paid enterprise features and hosting are optional."
        : "Free open-source edition; enterprise features or a hosted plan are paid.";
    case "freemium":
      return c.budget === "none"
        ? "Free tier only on your budget; check its limits before you rely on it."
        : "Free tier, then a per-user or usage-based subscription.";
    case "paid":
      return c.budget === "small"
        ? "Paid licence or subscription; check the quote against your small budget."
        : "Paid licence or subscription.";
    case "pay-as-you-go":
      return "Billed by your cloud provider for what you use.";
  }
}

/** What it takes to run, in people-time. */
export function effortOf(tool: Pick<RecommenderTool, "opsComplexity" | "hosting">): string {
  const managed = tool.hosting.some((h) => h === "managed-saas" || h === "cloud-service");
  switch (tool.opsComplexity) {
    case 1:
      return managed
        ? "Next to nothing to run: the provider operates it."
        : "Next to nothing to run: a library or a small binary.";
    case 2:
      return "A few hours a month to run and upgrade.";
    case 3:
      return "About a day a week of someone's time once it is running.";
    case 4:
      return "A part-time owner who knows it well.";
    default:
      return "A dedicated platform team to run it.";
  }
}

/** What moving from one tool to another costs, by the job: what has to be carried over or rewritten. */
const MIGRATION_BY_CAPABILITY: Record<string, string> = {
  "version-control": "moving repositories, reviews and permissions",
  "continuous-integration": "rewriting every pipeline definition",
  "continuous-delivery": "rewriting deployment definitions and re-pointing environments",
  "experiment-tracking": "exporting run history or accepting a cut-over date",
  "model-registry": "re-registering model versions and re-pointing deployments",
  "workflow-orchestration": "porting every pipeline and its schedules",
  "system-monitoring": "rebuilding dashboards and alert rules",
  logging: "re-routing log shipping and rebuilding saved searches",
  alerting: "rebuilding alert rules and on-call routing",
  "model-monitoring": "re-instrumenting every model in production",
  "secrets-management": "moving every secret and re-wiring the services that read them",
  "identity-access": "re-creating users, groups and access rules",
  "feature-store": "re-defining and back-filling features",
  "model-serving": "re-packaging and re-deploying every served model",
};

export function migrationOf(capability: string, from: Pick<RecommenderTool, "opsComplexity">): string {
  const work = MIGRATION_BY_CAPABILITY[capability] ?? "moving its data and habits over";
  const size = from.opsComplexity >= 4 ? "weeks of work" : from.opsComplexity >= 3 ? "one to two weeks" : "a few days";
  return `Migration means ${work}: plan ${size}, and run both side by side until the switch.`;
}

const jobNames = new Map<string, string>();

/**
 * A capability's name inside a sentence: "LLM guardrails & AI security" → "LLM guardrails & AI security",
 * "Model registry" → "model registry". Words in lower case, except acronyms (two or more capitals: LLM, AI, ML, A/B).
 */
export function jobName(name: string): string {
  let lowered = jobNames.get(name);
  if (lowered === undefined) {
    lowered = name
      .split(" ")
      .map((word) => ((word.match(/[A-Z]/g)?.length ?? 0) >= 2 ? word : word.toLowerCase()))
      .join(" ");
    // Capability names are few and fixed; each is worked out once per process.
    if (jobNames.size < 1000) jobNames.set(name, lowered);
  }
  return lowered;
}
