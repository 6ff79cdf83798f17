import type { Constraints } from "../assessment/constraints";
import type { PlanCondition } from "../catalog/vocabulary";

/** A condition of the capability plan, read from a team's answers: met, only planned, or not met. */
export type ConditionState = "met" | "planned" | "unmet";

const CLOUDS = new Set(["aws", "gcp", "azure"]);

const state = (met: boolean, planned = false): ConditionState => (met ? "met" : planned ? "planned" : "unmet");

/** Reads one plan condition from the constraints. Pure; every condition in PLAN_CONDITIONS has a rule here. */
export function evaluateCondition(condition: PlanCondition, c: Constraints): ConditionState {
  switch (condition) {
    case "models-in-production":
      return state(c.modelsInProduction !== "none");
    case "several-models":
      return state(c.modelsInProduction === "several" || c.modelsInProduction === "many");
    case "many-models":
      return state(c.modelsInProduction === "many");
    case "regulated":
      return state(c.regulated);
    case "air-gapped":
      return state(c.airGapped);
    case "on-premises":
      return state(c.environments.includes("on-premises") || c.cloud === "on-premises" || c.cloud === "hybrid");
    case "kubernetes":
      return state(c.kubernetes === "yes", c.kubernetes === "planned");
    case "trains-models":
      return state(c.training === "yes");
    case "tunes-models":
      return state(c.training !== "none");
    case "pretrained-models": {
      const servesOpenWeights = c.llmApplications !== "no" && (c.llmHosting !== "api" || c.airGapped);
      return state(c.training === "fine-tune" || (c.llmApplications === "yes" && servesOpenWeights), servesOpenWeights);
    }
    case "llm-apps":
      return state(c.llmApplications === "yes", c.llmApplications === "planned");
    case "self-hosts-llms": {
      // An air-gapped site cannot call a provider's API: its LLMs are served on site.
      const selfHosted = c.llmHosting !== "api" || c.airGapped;
      return state(c.llmApplications === "yes" && selfHosted, c.llmApplications === "planned" && selfHosted);
    }
    case "gpu-cluster":
      return state(c.gpus === "shared", c.gpus === "planned");
    case "managed-single-cloud":
      return state(c.hostingPreference === "managed" && CLOUDS.has(c.cloud));
    case "medium-team":
      return state(c.teamSize === "medium" || c.teamSize === "large");
    case "large-team":
      return state(c.teamSize === "large");
  }
}

/** The team's situation in words, for drivers such as "LLM applications are planned". */
export const CONDITION_PLANNED_NOTE: Partial<Record<PlanCondition, string>> = {
  kubernetes: "Kubernetes is planned: this waits until it runs",
  "llm-apps": "LLM applications are planned: prepare at the next step",
  "self-hosts-llms": "Self-hosted LLMs are planned: prepare at the next step",
  "gpu-cluster": "A shared GPU cluster is planned: prepare at the next step",
};

/** Why a capability does not apply, for the report's list of what was left out. */
export const CONDITION_UNMET_NOTE: Record<PlanCondition, string> = {
  "models-in-production": "no model is in production yet",
  "several-models": "fewer than four models are in production",
  "many-models": "fewer than twenty models are in production",
  regulated: "you are not regulated",
  "air-gapped": "your environment is not air-gapped",
  "on-premises": "nothing runs on your own premises",
  kubernetes: "you do not run Kubernetes",
  "trains-models": "you do not train models yourselves",
  "tunes-models": "you neither train nor fine-tune models",
  "pretrained-models": "you do not start from pre-trained or open-weight models",
  "llm-apps": "you do not build LLM applications",
  "self-hosts-llms": "you do not serve language models yourselves",
  "gpu-cluster": "you do not share GPUs",
  "managed-single-cloud": "you are not on one cloud with a preference for managed services",
  "medium-team": "your team has ten people or fewer",
  "large-team": "your team has fifty people or fewer",
};
