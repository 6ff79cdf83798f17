import type { Constraints } from "../assessment/constraints";
import { CLOUD_LABELS, isRetiredStatus, type Cloud } from "../catalog/vocabulary";
import type { Horizon, RecommenderTool } from "./types";

/**
 * Hard constraints: a tool that breaks one is never picked, whatever its score. Each returns the reason in words,
 * so the report can say why a familiar tool is missing.
 */

const cloudNames = (clouds: readonly Cloud[]) =>
  clouds
    .filter((c) => c !== "any")
    .map((c) => CLOUD_LABELS[c])
    .join(" or ");

/** The clouds of the team's estate a cloud-specific tool may run on. Empty when the team has not settled. */
function teamClouds(c: Constraints): string[] {
  return c.environments.filter((e) => e !== "on-premises");
}

/**
 * Libraries and command-line tools with nothing to operate (ops complexity 1, self-hosted) are outside "vendor
 * support only" policies: such policies govern the platforms and services a team runs, not pytest or Git.
 */
export function isLibrary(tool: Pick<RecommenderTool, "opsComplexity" | "hosting">): boolean {
  return tool.opsComplexity === 1 && tool.hosting.length === 1 && tool.hosting[0] === "self-hosted";
}

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
  const supportExempt = isLibrary(tool);
  if (c.licensePolicy === "open-source-supported" && !(tool.isOpenSource && (tool.vendorSupport || supportExempt))) {
    reasons.push(
      tool.isOpenSource
        ? "No vendor sells support for it, and you run only open source that a vendor supports."
        : `Its licence (${tool.license === "proprietary" ? "proprietary" : tool.license}) is not open source, and you asked for supported open source only.`,
    );
  }
  if (c.licensePolicy === "supported-only" && !tool.vendorSupport && !supportExempt)
    reasons.push("No vendor sells support for it, and you run only software a vendor supports.");
  if (!tool.clouds.includes("any")) {
    const on = cloudNames(tool.clouds);
    const clouds = teamClouds(c);
    if (clouds.length > 0) {
      if (!tool.clouds.some((cloud) => clouds.includes(cloud)))
        reasons.push(`It runs only on ${on}, not on your cloud.`);
    } else if (c.cloud === "on-premises") {
      reasons.push(`It is a ${on} service, and you run on-premises.`);
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
  if (c.licensePolicy === "open-source-supported" && !(tool.isOpenSource && (tool.vendorSupport || isLibrary(tool))))
    return false;
  if (c.licensePolicy === "supported-only" && !tool.vendorSupport && !isLibrary(tool)) return false;
  if (!tool.clouds.includes("any")) {
    let onTeamCloud = false;
    for (const environment of c.environments)
      if (environment !== "on-premises" && tool.clouds.includes(environment)) onTeamCloud = true;
    if (!onTeamCloud) return false;
  }
  return !(c.budget === "none" && tool.pricing === "paid");
}
