import { describe, expect, test } from "vitest";
import { makeCatalog, makeTool } from "../../../tests/fixtures/catalog-builders";
import { buildCatalogIndex, EMPTY_QUERY, searchCatalog } from "./search";
import { normalizeTerm, parseQuery } from "./search-text";
import type { Catalog, CatalogCapability } from "./types";

const capability = (slug: string, name: string): CatalogCapability => ({
  id: slug,
  slug,
  name,
  phase: "experimentation",
  description: "d",
  neededFromStage: 1,
  plan: null,
});

/** A catalog small enough to reason about, with the traps real queries fell into. */
function catalog(): Catalog {
  const base = makeCatalog([
    makeTool({
      slug: "milvus",
      name: "Milvus",
      summary: "Open-source vector database for embeddings at scale.",
      capabilities: { primary: ["vector-database"], secondary: [] },
    }),
    makeTool({
      slug: "pgvector",
      name: "pgvector",
      capabilities: { primary: ["vector-database"], secondary: [] },
      integrations: ["postgresql"],
    }),
    makeTool({
      slug: "oracle-database",
      name: "Oracle Database",
      summary: "Commercial database with AI Vector Search built in.",
      license: "proprietary",
      isOpenSource: false,
      capabilities: { primary: ["data-storage"], secondary: ["vector-database"] },
    }),
    makeTool({
      slug: "postgresql",
      name: "PostgreSQL",
      capabilities: { primary: ["data-storage"], secondary: ["vector-database"] },
    }),
    makeTool({
      slug: "feast",
      name: "Feast",
      capabilities: { primary: ["feature-store"], secondary: [] },
    }),
    makeTool({
      slug: "argocd",
      name: "Argo CD",
      needsKubernetes: true,
      description:
        "GitOps delivery. Every feature of the application is declared in Git, and the cluster state is compared against it; rollbacks restore the previous revision from the store of manifests.",
      capabilities: { primary: ["continuous-delivery"], secondary: [] },
    }),
    makeTool({
      slug: "redis",
      name: "Redis",
      description: "In-memory store. Often used as the online feature store for low-latency lookups.",
      capabilities: { primary: ["data-storage"], secondary: [] },
    }),
    makeTool({
      slug: "github-actions",
      name: "GitHub Actions",
      capabilities: { primary: ["continuous-integration"], secondary: ["continuous-delivery"] },
    }),
    makeTool({
      slug: "kserve",
      name: "KServe",
      needsKubernetes: true,
      capabilities: { primary: ["model-serving"], secondary: [] },
    }),
    makeTool({
      slug: "bentoml",
      name: "BentoML",
      capabilities: { primary: ["model-serving"], secondary: [] },
    }),
    makeTool({
      slug: "vault",
      name: "HashiCorp Vault",
      capabilities: { primary: ["secrets-management"], secondary: [] },
    }),
    makeTool({
      slug: "aws-secrets-manager",
      name: "AWS Secrets Manager",
      clouds: ["aws"],
      hosting: ["cloud-service"],
      capabilities: { primary: ["secrets-management"], secondary: [] },
    }),
    makeTool({
      slug: "azure-key-vault",
      name: "Azure Key Vault",
      clouds: ["azure"],
      hosting: ["cloud-service"],
      capabilities: { primary: ["secrets-management"], secondary: [] },
    }),
    makeTool({
      slug: "tf-serving",
      name: "TensorFlow Serving",
      status: "maintenance",
      capabilities: { primary: ["model-serving"], secondary: [] },
    }),
    makeTool({
      slug: "big-platform",
      name: "Big Platform",
      capabilities: { primary: ["ml-platform", "experiment-tracking"], secondary: [] },
      integrations: ["a", "b", "c", "d"],
    }),
    makeTool({ slug: "mlflow", name: "MLflow" }),
  ]);
  return {
    ...base,
    capabilities: [
      ...base.capabilities,
      capability("vector-database", "Vector database"),
      capability("data-storage", "Databases"),
      capability("feature-store", "Feature store"),
      capability("continuous-integration", "Continuous integration"),
      capability("continuous-delivery", "Continuous delivery & GitOps"),
      capability("secrets-management", "Secrets management"),
      capability("ml-platform", "End-to-end ML platform"),
    ],
  };
}

const run = (text: string, data = catalog()) =>
  searchCatalog(buildCatalogIndex(data), { ...EMPTY_QUERY, text }).tools.map((t) => t.slug);

describe("catalog search for practitioners", () => {
  test.each([
    ["an abbreviation finds the capability it stands for", "vector db", ["pgvector", "milvus"]],
    ["a capability name ranks its tools above a name that shares a word", "vector database", ["pgvector", "milvus"]],
    ["k8s means Kubernetes", "k8s serving", ["kserve"]],
    ["a cloud word prefers that cloud's services and never another cloud's", "secrets aws", ["aws-secrets-manager"]],
    ["an unfinished last word matches the names it starts", "mlfl", ["mlflow"]],
    ["stop words are ignored", "tools for feature store", ["feast"]],
  ])("%s (%s)", (_name, text, first) => {
    expect(run(text).slice(0, first.length)).toEqual(first);
  });

  test("an umbrella term matches any of its capabilities: ci/cd finds CI tools and CD tools", () => {
    expect(run("ci/cd")).toEqual(expect.arrayContaining(["github-actions", "argocd"]));
    expect(run("ci/cd")).not.toContain("kserve");
  });

  test("a tool built for the job outranks one that does it on the side", () => {
    const results = run("vector database");
    expect(results.indexOf("pgvector")).toBeLessThan(results.indexOf("oracle-database"));
    expect(results.indexOf("milvus")).toBeLessThan(results.indexOf("postgresql"));
  });

  test("words scattered through a long description do not make a match; the same words close together do", () => {
    expect(run("feature store")).not.toContain("argocd");
    expect(run("cluster revision")).toEqual([]);
    expect(run("previous revision")).toEqual(["argocd"]);
  });

  test("a passing mention is left out when tools are built for the job, and found when none is", () => {
    expect(run("feature store")).toEqual(["feast"]);
    const withoutFeast = catalog();
    withoutFeast.tools = withoutFeast.tools.filter((t) => t.slug !== "feast");
    expect(run("feature store", withoutFeast)).toEqual(["redis"]);
  });

  test("another cloud's service is not a result; a cloud-neutral one is, after the native one", () => {
    const results = run("secrets aws");
    expect(results).not.toContain("azure-key-vault");
    expect(results).toEqual(["aws-secrets-manager", "vault"]);
  });

  test("a tool in maintenance ranks below an active one that matches as well", () => {
    expect(run("serving")).toEqual(["bentoml", "kserve", "tf-serving"]);
  });

  test("the tool that has the job as its main one comes before a platform that also does it", () => {
    expect(run("experiment tracking").slice(0, 2)).toEqual(["mlflow", "big-platform"]);
  });

  test("among equal matches, the better connected tool comes first", () => {
    expect(run("vector database").slice(0, 2)).toEqual(["pgvector", "milvus"]);
  });

  test("a capability added to the catalog is found by its words without any change to the search", () => {
    const data = catalog();
    data.capabilities.push(capability("gpu-scheduling", "GPU & accelerator scheduling"));
    data.tools.push(
      makeTool({
        slug: "kueue",
        name: "Kueue",
        needsKubernetes: true,
        capabilities: { primary: ["gpu-scheduling"], secondary: [] },
      }),
    );
    expect(run("gpu scheduling", data)).toEqual(["kueue"]);
    expect(run("accelerator scheduling k8s", data)).toEqual(["kueue"]);
  });
});

describe("parseQuery", () => {
  test("joins the phrases the vocabulary knows and keeps other words alone", () => {
    expect(parseQuery("Vector DB on k8s").concepts.map((c) => c.typed)).toEqual(["vector", "db", "k8s"]);
    expect(parseQuery("open source feature store").concepts.map((c) => c.typed)).toEqual([
      "open source",
      "feature store",
    ]);
    expect(parseQuery("CI/CD").concepts.map((c) => c.typed)).toEqual(["ci cd"]);
  });

  test("keeps a query made only of stop words", () => {
    expect(parseQuery("the").concepts.map((c) => c.typed)).toEqual(["the"]);
  });
});

describe("normalizeTerm", () => {
  test.each([
    ["registries", "registry"],
    ["databases", "database"],
    ["processes", "process"],
    ["access", "access"],
    ["aws", "aws"],
    ["k8s", "k8s"],
  ])("%s → %s", (word, term) => {
    expect(normalizeTerm(word)).toBe(term);
  });
});
