import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { DEFAULT_CONSTRAINTS, type Constraints } from "../../src/domain/assessment/constraints";
import type { Questionnaire } from "../../src/domain/assessment/questionnaire-schema";
import { scoreAnswers } from "../../src/domain/assessment/score";
import type { MaturityStage } from "../../src/domain/catalog/vocabulary";
import { answersFromTeam } from "../../src/domain/eval/answers-from-team";
import { checkExpectations, checkPlan } from "../../src/domain/eval/check-plan";
import { lintReport } from "../../src/domain/eval/lint-report";
import { ZTeamProfile, type TeamProfile } from "../../src/domain/eval/team-profile";
import { toRecommenderProfile } from "../../src/domain/recommender/from-profile";
import { recommend } from "../../src/domain/recommender/recommend";
import type { Recommendation, RecommenderCatalog, RecommenderProfile } from "../../src/domain/recommender/types";
import { prioritizeActions } from "../../src/domain/report/action-plan";
import { loadQuestionnaires } from "../../src/server/content/load-questionnaires";
import { loadContentCatalog } from "../support/content-catalog";

/**
 * The judgement benchmark's architect-written team profiles (eval/team-profiles.yaml) on the real catalog and
 * questionnaire, as part of the test suite: every profile's must / must-not list, the rules every plan follows, and
 * the editorial check. `npm run eval` runs the same profiles plus a random sweep and writes the figures.
 */
let catalog: RecommenderCatalog;
let questionnaire: Questionnaire;
const profiles: TeamProfile[] = (parse(readFileSync(path.resolve("eval/team-profiles.yaml"), "utf8")) as unknown[]).map(
  (entry) => ZTeamProfile.parse(entry),
);

beforeAll(async () => {
  catalog = await loadContentCatalog();
  const loaded = await loadQuestionnaires(path.resolve("content"));
  if (!loaded.ok) throw new Error("content/questionnaires is invalid");
  questionnaire = [...loaded.value].sort((a, b) => a.version.localeCompare(b.version, "en", { numeric: true })).at(-1)!;
});

describe("architect-written team profiles", () => {
  test.each(profiles.map((p) => [p.id, p] as const))("%s", (_id, team) => {
    const scored = scoreAnswers(questionnaire, answersFromTeam(questionnaire, team.answers));
    const r = recommend(toRecommenderProfile(scored), catalog, { today: "2026-12-03" });
    const profile = { ...scored, actionItems: prioritizeActions(scored, r) };
    expect([
      ...checkExpectations(r, team.expect, catalog),
      ...checkPlan(r, scored.constraints, catalog).map((v) => `${v.kind}: ${v.detail}`),
      ...lintReport(profile, r),
    ]).toEqual([]);
  });
});

/** A team described directly in the engine's terms, for the staged guidance of the source articles. */
function team(stage: MaturityStage, constraints: Partial<Constraints>): RecommenderProfile {
  return {
    stage,
    dimensions: [
      "team-process",
      "data-management",
      "experimentation",
      "cicd-deployment",
      "serving",
      "monitoring",
      "governance-security",
    ].map((slug) => ({ slug, score: stage - 0.3 })),
    constraints: { ...DEFAULT_CONSTRAINTS, ...constraints },
  };
}
const planned = (r: Recommendation) =>
  new Set(r.items.flatMap((i) => (i.pick ? [i.pick.slug, ...i.pick.companions.map((c) => c.slug)] : [])));
const anyOf = (r: Recommendation, slugs: string[]) => slugs.some((s) => planned(r).has(s));

describe("the source articles' staged guidance still comes out, or a named equivalent for the team's constraints", () => {
  // Each stage builds on the previous one: the team runs what the stage before recommended.
  const stage1 = ["git", "github", "docker", "pytest", "mlflow"];
  const stage2 = [...stage1, "dvc", "github-actions", "great-expectations"];
  const stage3 = [...stage2, "kubernetes", "airflow", "prometheus", "grafana"];

  test("stage 1: Git with a host, containers (Docker or Podman), pytest and MLflow", () => {
    const r = recommend(team(1, { teamSize: "solo", budget: "none" }), catalog);
    expect(anyOf(r, ["github", "gitlab", "bitbucket"])).toBe(true);
    expect(anyOf(r, ["docker", "podman"])).toBe(true);
    for (const slug of ["pytest", "mlflow"]) expect(planned(r).has(slug), slug).toBe(true);
  });

  test("stage 2: DVC, CI on the code host (GitLab CI for a GitLab team), Great Expectations or an equivalent", () => {
    const r = recommend(team(2, { teamSize: "small", toolsInUse: ["gitlab", "docker", "pytest", "mlflow"] }), catalog);
    for (const slug of ["dvc", "gitlab-ci"]) expect(planned(r).has(slug), slug).toBe(true);
    expect(anyOf(r, ["great-expectations", "pandera", "soda"])).toBe(true);
  });

  test("stage 3: Kubernetes, an orchestrator such as Airflow, Prometheus with Grafana", () => {
    const r = recommend(
      team(3, { teamSize: "medium", kubernetes: "yes", modelsInProduction: "several", toolsInUse: stage2 }),
      catalog,
    );
    expect(planned(r).has("kubernetes")).toBe(true);
    expect(anyOf(r, ["airflow", "prefect", "dagster", "argo-workflows", "flyte"])).toBe(true);
    expect(planned(r).has("prometheus")).toBe(true);
    expect(planned(r).has("grafana")).toBe(true);
  });

  test("stage 4: Vault (or its open fork), Argo CD (or Flux), and a platform such as Kubeflow", () => {
    const r = recommend(
      team(4, {
        teamSize: "large",
        kubernetes: "yes",
        modelsInProduction: "many",
        budget: "large",
        toolsInUse: stage3,
      }),
      catalog,
    );
    expect(anyOf(r, ["hashicorp-vault", "openbao"])).toBe(true);
    // GitOps: picked, or named as the better fit the plan adopts at the next step once the budget allows.
    const delivery = r.items.find((i) => i.capability === "continuous-delivery");
    expect([delivery?.pick?.slug, ...(delivery?.alternatives.map((a) => a.slug) ?? [])]).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(argocd|flux)$/)]),
    );
    const platform = r.items.find((i) => i.capability === "ml-platform");
    expect([platform?.pick?.slug, ...(platform?.alternatives.map((a) => a.slug) ?? [])]).toContain("kubeflow");
  });
});
