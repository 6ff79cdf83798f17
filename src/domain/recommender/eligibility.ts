import type { Constraints } from "../assessment/constraints";
import { isRetiredStatus } from "../catalog/vocabulary";
import type { Horizon, RecommenderTool } from "./types";

/**
 * Hard constraints: a tool that breaks one is never picked, whatever its score. Each returns the reason in words,
 * so the report can say why a familiar tool is missing.
 */
export function exclusionReasons(tool: RecommenderTool, c: Constraints, horizon: Horizon): string[] {
  const reasons: string[] = [];
  if (isRetiredStatus(tool.status)) {
    reasons.push(`It is ${tool.status}${tool.successor ? "; its successor is recommended instead" : ""}.`);
  }
  if (tool.needsKubernetes) {
    if (c.kubernetes === "no") reasons.push("It needs Kubernetes, which you do not run.");
    else if (c.kubernetes === "planned" && horizon === "now")
      reasons.push("It needs Kubernetes, which you have only planned.");
  }
  const selfHostable = tool.hosting.includes("self-hosted");
  if (c.airGapped && !selfHostable)
    reasons.push("It is only available as a hosted service, and your environment is air-gapped.");
  else if (c.cloud === "on-premises" && !selfHostable)
    reasons.push("It is only available as a hosted service, and you run on-premises.");
  if (c.licensePolicy === "open-source-only" && !tool.isOpenSource) {
    reasons.push(
      `Its licence (${tool.license === "proprietary" ? "proprietary" : tool.license}) is not open source, and you asked for open source only.`,
    );
  }
  const cloudSpecific = !tool.clouds.includes("any");
  if (cloudSpecific) {
    const on = tool.clouds.join(", ").toUpperCase();
    if (c.cloud === "aws" || c.cloud === "gcp" || c.cloud === "azure") {
      if (!tool.clouds.includes(c.cloud)) reasons.push(`It runs only on ${on}, not on your cloud.`);
    } else if (c.cloud === "on-premises") {
      reasons.push(`It is a ${on} cloud service, and you run on-premises.`);
    } else {
      reasons.push(`It ties you to ${on}, and you have not settled on that cloud.`);
    }
  }
  if (c.budget === "none" && tool.pricing === "paid")
    reasons.push("It needs a paid licence or subscription, and you have no tooling budget.");
  return reasons;
}

/** The same rules as `exclusionReasons`, without building sentences: the engine's hot path. */
export function isEligible(tool: RecommenderTool, c: Constraints, horizon: Horizon): boolean {
  if (tool.status === "sunset" || tool.status === "deprecated" || tool.status === "renamed") return false;
  if (tool.needsKubernetes && (c.kubernetes === "no" || (c.kubernetes === "planned" && horizon === "now")))
    return false;
  if ((c.airGapped || c.cloud === "on-premises") && !tool.hosting.includes("self-hosted")) return false;
  if (c.licensePolicy === "open-source-only" && !tool.isOpenSource) return false;
  if (!tool.clouds.includes("any")) {
    if (c.cloud !== "aws" && c.cloud !== "gcp" && c.cloud !== "azure") return false;
    if (!tool.clouds.includes(c.cloud)) return false;
  }
  return !(c.budget === "none" && tool.pricing === "paid");
}
