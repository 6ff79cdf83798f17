import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { makeCatalog, makeTool } from "../../../tests/fixtures/catalog-builders";
import { buildCatalogIndex, EMPTY_QUERY, searchCatalog, tokenize, type CatalogQuery } from "./search";

const catalog = makeCatalog([
  makeTool({
    slug: "mlflow",
    name: "MLflow",
    summary: "Tracking and registry.",
    capabilities: { primary: ["experiment-tracking", "model-registry"], secondary: ["model-serving"] },
  }),
  makeTool({
    slug: "wandb",
    name: "Weights & Biases",
    license: "proprietary",
    isOpenSource: false,
    pricing: "freemium",
    hosting: ["managed-saas"],
    description: "Hosted experiment tracking with sweeps; imports MLflow runs.",
  }),
  makeTool({
    slug: "kserve",
    name: "KServe",
    needsKubernetes: true,
    stages: [3, 4],
    capabilities: { primary: ["model-serving"], secondary: [] },
    opsComplexity: 4,
  }),
  makeTool({
    slug: "sagemaker",
    name: "Amazon SageMaker",
    clouds: ["aws"],
    hosting: ["cloud-service"],
    pricing: "pay-as-you-go",
    license: "proprietary",
    isOpenSource: false,
    capabilities: { primary: ["model-serving", "experiment-tracking"], secondary: [] },
  }),
  makeTool({
    slug: "kfserving",
    name: "KFServing",
    status: "renamed",
    successor: "kserve",
    statusNote: "Renamed.",
    capabilities: { primary: ["model-serving"], secondary: [] },
  }),
]);
const index = buildCatalogIndex(catalog);
const run = (query: Partial<CatalogQuery>) => searchCatalog(index, { ...EMPTY_QUERY, ...query });
const slugs = (query: Partial<CatalogQuery>) => run(query).tools.map((t) => t.slug);

describe("searchCatalog", () => {
  test("with no query returns every tool, usable ones first, then by name", () => {
    expect(slugs({})).toEqual(["sagemaker", "kserve", "mlflow", "wandb", "kfserving"]);
  });

  test.each([
    ["matches names", "kserve", ["kserve"]],
    ["matches words inside descriptions", "sweeps", ["wandb"]],
    ["matches capability names", "registry", ["mlflow"]],
    ["needs every word to match somewhere", "tracking sweeps", ["wandb"]],
    ["is case- and accent-insensitive", "KSÉRVE", ["kserve"]],
    ["finds nothing for nonsense", "zzzz", []],
  ])("text search %s", (_name, text, expected) => {
    expect(slugs({ text })).toEqual(expected);
  });

  test("ranks a name match above a summary match", () => {
    const local = buildCatalogIndex(
      makeCatalog([
        makeTool({ slug: "wrapper", name: "Wrapper", summary: "Runs Optuna studies on a schedule." }),
        makeTool({ slug: "optuna", name: "Optuna" }),
      ]),
    );
    expect(searchCatalog(local, { ...EMPTY_QUERY, text: "optuna" }).tools.map((t) => t.slug)).toEqual([
      "optuna",
      "wrapper",
    ]);
  });

  test("leaves out a passing mention in a description when a tool's name matches", () => {
    expect(slugs({ text: "mlflow" })).toEqual(["mlflow"]);
  });

  test("ranks retired tools after usable ones even when their name matches", () => {
    expect(slugs({ text: "kfserving" })).toEqual(["kfserving"]);
    expect(slugs({ text: "serving" }).at(-1)).toBe("kfserving");
  });

  test.each<[string, Partial<CatalogQuery>, string[]]>([
    ["capability", { capabilities: ["model-registry"] }, ["mlflow"]],
    [
      "two values of one facet are alternatives",
      { hosting: ["managed-saas", "cloud-service"] },
      ["sagemaker", "wandb"],
    ],
    ["open-source licences", { licenses: ["open-source"] }, ["kserve", "mlflow", "kfserving"]],
    ["a cloud includes tools that run anywhere", { clouds: ["gcp"] }, ["kserve", "mlflow", "wandb", "kfserving"]],
    [
      "the AWS cloud includes AWS-only services",
      { clouds: ["aws"] },
      ["sagemaker", "kserve", "mlflow", "wandb", "kfserving"],
    ],
    ["no Kubernetes", { kubernetes: ["no-kubernetes"] }, ["sagemaker", "mlflow", "wandb", "kfserving"]],
    ["stage 1", { stages: [1] }, ["sagemaker", "mlflow", "wandb", "kfserving"]],
    ["status", { statuses: ["renamed"] }, ["kfserving"]],
    [
      "different facets all apply",
      { capabilities: ["model-serving"], licenses: ["open-source"], statuses: ["active"] },
      ["kserve", "mlflow"],
    ],
  ])("facet filter: %s", (_name, query, expected) => {
    expect(slugs(query)).toEqual(expected);
  });

  test("counts each facet with the other filters applied but not its own", () => {
    const result = run({ licenses: ["open-source"], capabilities: ["model-serving"] });
    // licence counts ignore the licence filter: serving tools are kserve, mlflow, sagemaker, kfserving
    expect(result.facets.licenses).toEqual({ "open-source": 3, "not-open-source": 1 });
    // capability counts ignore the capability filter: open-source tools are mlflow, kserve, kfserving
    expect(result.facets.capabilities["model-registry"]).toBe(1);
    expect(result.facets.capabilities["model-serving"]).toBe(3);
    expect(result.total).toBe(3);
  });

  test.each<[CatalogQuery["sort"], string[]]>([
    ["name", ["sagemaker", "kfserving", "kserve", "mlflow", "wandb"]],
    ["ops-complexity", ["sagemaker", "kfserving", "mlflow", "wandb", "kserve"]],
  ])("sorts by %s", (sort, expected) => {
    expect(slugs({ sort })).toEqual(expected);
  });

  test("is deterministic and never returns a tool twice, for any query", () => {
    const values = {
      text: fc.string({ maxLength: 12 }),
      hosting: fc.subarray(["self-hosted", "managed-saas", "cloud-service"] as const),
    };
    fc.assert(
      fc.property(fc.record(values), (q) => {
        const first = run(q);
        expect(run(q)).toEqual(first);
        expect(new Set(first.tools.map((t) => t.slug)).size).toBe(first.tools.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("tokenize", () => {
  test("keeps characters that matter in tool names", () => {
    expect(tokenize("C++ and .NET, CI/CD: Brain.js!")).toEqual(["c++", "and", "net", "ci", "cd", "brain.js"]);
  });
});
