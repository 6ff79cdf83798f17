import { beforeAll, describe, expect, test } from "vitest";
import { isEligible } from "../../src/domain/recommender/eligibility";
import { recommend } from "../../src/domain/recommender/recommend";
import type { Recommendation, RecommenderCatalog, RecommenderTool } from "../../src/domain/recommender/types";
import { TEAM_PROFILES } from "../fixtures/team-profiles";
import { loadContentCatalog } from "../support/content-catalog";

/**
 * The named team profiles of docs/team-profiles.md, run against the real catalog. Each test states a property the
 * result must have, not the exact stack, so catalog edits that keep the advice sound keep the tests green.
 */
let catalog: RecommenderCatalog;
let tools: Map<string, RecommenderTool>;
const results = new Map<string, Recommendation>();

beforeAll(async () => {
  catalog = await loadContentCatalog();
  tools = new Map(catalog.tools.map((t) => [t.slug, t]));
  for (const [name, p] of Object.entries(TEAM_PROFILES)) results.set(name, recommend(p, catalog));
});

const result = (name: keyof typeof TEAM_PROFILES) => results.get(name)!;
const pickFor = (r: Recommendation, capability: string) => r.items.find((i) => i.capability === capability)?.pick?.slug;
const now = (r: Recommendation) => r.items.filter((i) => i.horizon === "now");
const picked = (r: Recommendation) => r.items.flatMap((i) => (i.pick ? [tools.get(i.pick.slug)!] : []));

describe("every named profile", () => {
  test.each(Object.keys(TEAM_PROFILES) as (keyof typeof TEAM_PROFILES)[])(
    "%s: respects every hard constraint and explains every pick",
    (name) => {
      const r = result(name);
      const p = TEAM_PROFILES[name];
      for (const item of r.items) {
        if (!item.pick) continue;
        expect(
          isEligible(tools.get(item.pick.slug)!, p.constraints, item.horizon),
          `${item.pick.slug} for ${item.capability}`,
        ).toBe(true);
        expect(item.pick.reasons.length, item.capability).toBeGreaterThan(0);
        expect(item.trigger.length).toBeGreaterThan(10);
        for (const alt of item.alternatives) expect(alt.whyNot).toMatch(/points behind|close second/);
      }
    },
  );
});

describe("the source articles' staged guidance comes out for the matching teams", () => {
  test("two-person startup with no budget: Git, Docker, pytest and MLflow now, nothing paid, nothing needing Kubernetes, few tools", () => {
    const r = result("two-person startup with no budget");
    expect(r.stage).toBe(1);
    expect(["git", "github", "gitlab"]).toContain(pickFor(r, "version-control"));
    expect(pickFor(r, "containers")).toBe("docker");
    expect(pickFor(r, "testing")).toBe("pytest");
    expect(pickFor(r, "experiment-tracking")).toBe("mlflow");
    expect(r.toolCount.now).toBeLessThanOrEqual(6);
    for (const t of picked(r)) {
      expect(t.pricing, t.slug).not.toBe("paid");
      expect(t.needsKubernetes, t.slug).toBe(false);
    }
    expect(r.items.find((i) => i.capability === "data-versioning")?.horizon).toBe("next");
  });

  test("ten-developer Python team with no CI budget: data versioning, free CI and data validation now", () => {
    const r = result("ten-developer Python team with no CI budget");
    expect(pickFor(r, "data-versioning")).toBe("dvc");
    const ci = tools.get(pickFor(r, "continuous-integration")!)!;
    expect(ci.pricing).not.toBe("paid");
    expect(["jenkins", "gitlab-ci", "github-actions", "buildbot", "gocd"]).toContain(ci.slug);
    expect(["great-expectations", "pandera", "soda"]).toContain(pickFor(r, "data-validation"));
  });

  test("production-scale team on Kubernetes: Kubernetes, an orchestrator, Prometheus with Grafana", () => {
    const r = result("production-scale team on Kubernetes preferring open source");
    expect(pickFor(r, "container-orchestration")).toBe("kubernetes");
    expect(["airflow", "prefect", "dagster", "argo-workflows", "flyte", "kubeflow"]).toContain(
      pickFor(r, "workflow-orchestration"),
    );
    const monitoring = r.items.find((i) => i.capability === "system-monitoring")!;
    expect(monitoring.horizon).toBe("now");
    expect(monitoring.pick?.slug).toBe("prometheus");
    expect(monitoring.pick?.companions.map((c) => c.slug)).toContain("grafana");
  });

  test("enterprise on Kubernetes: secrets management, GitOps delivery and a platform, with Kubeflow considered", () => {
    const r = result("enterprise on Kubernetes");
    expect(["hashicorp-vault", "openbao"]).toContain(pickFor(r, "secrets-management"));
    expect(["argocd", "flux"]).toContain(pickFor(r, "continuous-delivery"));
    const platform = r.items.find((i) => i.capability === "ml-platform")!;
    expect([platform.pick?.slug, ...platform.alternatives.map((a) => a.slug)]).toContain("kubeflow");
  });
});

describe("constraints and context", () => {
  test("regulated enterprise on premises: only self-hostable tools, no cloud services, governance now", () => {
    const r = result("regulated enterprise on premises");
    for (const t of picked(r)) {
      expect(t.hosting, t.slug).toContain("self-hosted");
      expect(t.clouds, t.slug).toContain("any");
    }
    for (const capability of ["secrets-management", "identity-access", "policy-compliance", "metadata-lineage"]) {
      const item = r.items.find((i) => i.capability === capability)!;
      expect(item.horizon, capability).toBe("now");
      expect(item.pick, capability).not.toBeNull();
    }
    expect(r.excluded.some((e) => e.slug === "weights-and-biases" || e.slug === "amazon-sagemaker")).toBe(true);
  });

  test("GCP-native team preferring managed services: a GCP service in the stack, nothing tied to AWS or Azure", () => {
    const r = result("GCP-native team that prefers managed services");
    const gcpNative = picked(r).filter((t) => t.clouds.length === 1 && t.clouds[0] === "gcp");
    expect(gcpNative.length).toBeGreaterThan(0);
    for (const t of picked(r)) expect(t.clouds.includes("any") || t.clouds.includes("gcp"), t.slug).toBe(true);
  });

  test("Azure shop: an Azure service in the stack, nothing tied to AWS or GCP", () => {
    const r = result("Azure shop");
    expect(picked(r).some((t) => t.clouds.length === 1 && t.clouds[0] === "azure")).toBe(true);
    for (const t of picked(r)) expect(t.clouds.includes("any") || t.clouds.includes("azure"), t.slug).toBe(true);
  });

  test("team with Jenkins, Weights & Biases and Airflow keeps all three where they fit", () => {
    const r = result("team with Jenkins, Weights & Biases and Airflow");
    const kept = (capability: string) => r.items.find((i) => i.capability === capability)?.pick;
    expect(kept("continuous-integration")).toMatchObject({ slug: "jenkins", isKept: true });
    expect(kept("experiment-tracking")).toMatchObject({ slug: "weights-and-biases", isKept: true });
    expect(kept("workflow-orchestration")).toMatchObject({ slug: "airflow", isKept: true });
  });

  test("LLM application team: retrieval, evaluation and observability now", () => {
    const r = result("LLM application team");
    for (const capability of ["vector-database", "llm-evaluation", "llm-observability"]) {
      const item = r.items.find((i) => i.capability === capability);
      expect(item?.horizon, capability).toBe("now");
      expect(item?.pick, capability).not.toBeNull();
    }
    expect(result("two-person startup with no budget").items.some((i) => i.capability === "vector-database")).toBe(
      false,
    );
  });

  test("all don't know: the cautious reading — stage 1, no Kubernetes tools, no cloud lock-in, a short list for now", () => {
    const r = result("all don't know");
    expect(r.stage).toBe(1);
    expect(now(r).length).toBeLessThanOrEqual(5);
    for (const t of picked(r)) {
      expect(t.needsKubernetes, t.slug).toBe(false);
      expect(t.clouds, t.slug).toContain("any");
    }
  });
});
