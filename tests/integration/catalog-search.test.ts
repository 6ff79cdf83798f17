import { beforeAll, describe, expect, test } from "vitest";
import { buildCatalogIndex, EMPTY_QUERY, searchCatalog, type CatalogIndex } from "../../src/domain/catalog/search";
import type { Catalog, CatalogTool } from "../../src/domain/catalog/types";
import { loadContentCatalog } from "../support/content-catalog";

/**
 * Catalog search on the real catalog (content/), with queries practitioners type. Each row names tools a senior
 * engineer would expect among the first five results; rows with `absent` also name tools that must not be there.
 * The expectations name the established answers, so that they keep holding as the catalog grows: a new tool may push
 * a weaker match out of the top five, never the tools named here.
 */

type Case = {
  query: string;
  /** Every one of these is among the first five results. */
  top5: string[];
  /** None of these is among the first five results. */
  notTop5?: string[];
};

const CASES: Case[] = [
  { query: "vector db", top5: ["milvus", "qdrant", "pinecone"] },
  { query: "vector database", top5: ["milvus", "qdrant", "pinecone"], notTop5: ["oracle-database", "cosmos-db"] },
  { query: "embedding store", top5: ["milvus", "qdrant"] },
  { query: "feature store", top5: ["feast", "tecton", "hopsworks"] },
  { query: "k8s serving", top5: ["kserve", "seldon-core"] },
  { query: "kubernetes model serving", top5: ["kserve", "seldon-core"] },
  { query: "llm gateway", top5: ["litellm"] },
  { query: "llm serving", top5: ["vllm"] },
  { query: "secrets aws", top5: ["aws-secrets-manager", "hashicorp-vault"], notTop5: ["azure-key-vault"] },
  { query: "secrets azure", top5: ["azure-key-vault"] },
  { query: "gcp secrets", top5: ["google-secret-manager"] },
  { query: "monitoring aws", top5: ["amazon-cloudwatch"] },
  { query: "logs gcp", top5: ["google-cloud-logging"] },
  { query: "iam azure", top5: ["microsoft-entra-id"] },
  { query: "container registry aws", top5: ["amazon-ecr"] },
  { query: "docker registry azure", top5: ["azure-container-registry"] },
  { query: "secrets management", top5: ["hashicorp-vault", "openbao"] },
  { query: "model registry", top5: ["mlflow"] },
  { query: "experiment tracking", top5: ["mlflow", "weights-and-biases"] },
  { query: "open source experiment tracking", top5: ["mlflow"], notTop5: ["weights-and-biases"] },
  { query: "ci/cd", top5: ["github-actions", "gitlab-ci", "jenkins"] },
  { query: "cicd", top5: ["github-actions", "jenkins"] },
  { query: "gitops", top5: ["argocd", "flux"] },
  { query: "drift detection", top5: ["evidently"] },
  { query: "model monitoring", top5: ["evidently"] },
  { query: "llm observability", top5: ["langfuse"] },
  { query: "llm evals", top5: ["promptfoo"] },
  { query: "data versioning", top5: ["dvc", "lakefs"] },
  { query: "workflow orchestration", top5: ["airflow"] },
  { query: "pipelines", top5: ["airflow"] },
  { query: "data labelling", top5: ["label-studio"], notTop5: ["postgresql", "rabbitmq"] },
  { query: "annotation", top5: ["label-studio"] },
  { query: "hpo", top5: ["optuna"] },
  { query: "hyperparameter tuning", top5: ["optuna"] },
  { query: "iac", top5: ["terraform", "opentofu", "pulumi"] },
  { query: "a/b testing", top5: ["growthbook"] },
  { query: "canary", top5: ["argo-rollouts"] },
  { query: "logs", top5: ["elasticsearch", "loki"] },
  { query: "on-call", top5: ["pagerduty"] },
  { query: "prometheus alerting", top5: ["prometheus-alertmanager"] },
  { query: "sso", top5: ["keycloak"] },
  { query: "xai", top5: ["shap"] },
  { query: "notebooks", top5: ["jupyter"] },
  { query: "data quality", top5: ["great-expectations", "soda"] },
  { query: "streaming", top5: ["kafka"] },
  { query: "dwh", top5: ["snowflake", "bigquery"] },
  { query: "object storage", top5: ["minio", "amazon-s3"] },
  { query: "serverless aws", top5: ["aws-lambda"] },
  { query: "container orchestration", top5: ["kubernetes"] },
  { query: "vulnerability scanning", top5: ["trivy", "snyk"] },
  { query: "policy as code", top5: ["open-policy-agent"] },
  { query: "etl", top5: ["dbt"] },
  { query: "spark", top5: ["apache-spark"] },
  { query: "distributed training", top5: ["ray"] },
  { query: "model packaging", top5: ["onnx"] },
  { query: "mlops platform", top5: ["kubeflow", "databricks"] },
  { query: "mlops platform aws", top5: ["amazon-sagemaker"] },
  { query: "db", top5: ["postgresql", "mysql"] },
  { query: "k8s", top5: ["kubernetes"] },
  { query: "tensorflow serving", top5: ["tensorflow-serving"] },
  { query: "mlfl", top5: ["mlflow"] },
];

let catalog: Catalog;
let index: CatalogIndex;
const search = (text: string) => searchCatalog(index, { ...EMPTY_QUERY, text });
const top5 = (text: string) =>
  search(text)
    .tools.slice(0, 5)
    .map((t) => t.slug);

beforeAll(async () => {
  const content = await loadContentCatalog();
  catalog = {
    phases: content.phases.map((p) => ({ ...p, id: p.slug, description: "" })),
    capabilities: content.capabilities.map((c) => ({ ...c, id: c.slug, description: "", plan: null })),
    tools: content.tools.map((t) => ({ ...t, id: t.slug, version: 1 }) as CatalogTool),
  };
  index = buildCatalogIndex(catalog);
});

describe("catalog search answers practitioners' queries on the real catalog", () => {
  test("the list has at least 30 queries", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(CASES)("“$query” → $top5 in the first five", ({ query, top5: expected, notTop5 = [] }) => {
    const first = top5(query);
    expect(first).toEqual(expect.arrayContaining(expected));
    for (const slug of notTop5) expect(first).not.toContain(slug);
  });

  test.each([
    ["vector database", "vector-database"],
    ["vector db", "vector-database"],
    ["feature store", "feature-store"],
    ["gpu scheduling", "gpu-scheduling"],
    ["llm guardrails", "llm-guardrails"],
    ["model hub", "model-hub"],
    ["container registry", "artifact-registry"],
    ["llm gateway", "llm-gateway"],
  ])("“%s”: the first results are tools that have the capability (%s)", (query, capability) => {
    const bySlug = new Map(catalog.tools.map((t) => [t.slug, t]));
    const first = top5(query).slice(0, 3);
    expect(first.length).toBeGreaterThan(0);
    for (const slug of first) {
      const tool = bySlug.get(slug)!;
      expect([...tool.capabilities.primary, ...tool.capabilities.secondary], slug).toContain(capability);
    }
  });

  test("without a cloud in the query, portable tools come before one cloud's service; with it, the service first", () => {
    const order = (text: string) => search(text).tools.map((t) => t.slug);
    expect(order("feature store").indexOf("feast")).toBeLessThan(
      order("feature store").indexOf("sagemaker-feature-store"),
    );
    expect(order("feature store aws")[0]).toBe("sagemaker-feature-store");
  });

  test("“vector database” ranks the vector databases above the general ones that added vector search", () => {
    const order = search("vector database").tools.map((t) => t.slug);
    for (const specialist of ["milvus", "pgvector", "pinecone", "qdrant"])
      for (const general of ["oracle-database", "cosmos-db"])
        expect(order.indexOf(specialist)).toBeLessThan(order.indexOf(general));
  });

  test("“feature store” is precise: feature stores and platforms that include one, nothing that mentions the words apart", () => {
    const result = search("feature store");
    const slugs = result.tools.map((t) => t.slug);
    expect(slugs).not.toContain("argocd");
    expect(slugs).not.toContain("kibana");
    for (const tool of result.tools)
      expect([...tool.capabilities.primary, ...tool.capabilities.secondary]).toContain("feature-store");
  });

  test("a cloud word never brings another cloud's services", () => {
    for (const tool of search("secrets aws").tools) expect(tool.clouds).not.toEqual(["azure"]);
    for (const tool of search("serverless gcp").tools) expect(tool.clouds).not.toEqual(["aws"]);
  });
});
