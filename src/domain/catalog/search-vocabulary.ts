/**
 * The small, curated vocabulary that lets catalog search understand how practitioners write: abbreviations ("db",
 * "k8s", "hpo"), spelling variants ("labelling"), and other words for the same thing ("inference" for serving).
 * It names *concepts*, never tools: which tools answer a query comes from the catalog itself (capability names, the
 * cloud and hosting vocabulary, names, summaries), so a new entry or a new capability ranks well without a code
 * change here. Add a group when a practitioner's word is missing from the catalog's own wording.
 *
 * Every phrase is written as a user would type it; it is tokenised and normalised like the catalog text.
 */

/** Words that mean the same thing in a query: typing any of them finds what the others find. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Data
  ["database", "db", "dbms"],
  ["data warehouse", "dwh", "warehouse"],
  ["lakehouse", "data lake", "object storage", "blob storage", "object store"],
  ["streaming", "stream processing", "event streaming", "messaging", "message queue", "message broker", "pub/sub"],
  ["labeling", "labelling", "annotation", "annotate", "label"],
  ["data processing", "data preparation", "data transformation", "etl", "elt", "data wrangling"],
  ["data validation", "data quality", "data testing", "data contracts"],
  ["data versioning", "dataset versioning", "data version control"],
  ["vector database", "vector store", "vector search", "vector index", "embedding store", "embeddings store"],
  ["feature store", "feature platform"],
  // Experimentation and models
  ["experiment tracking", "experiment tracker", "experiment management", "run tracking"],
  ["hyperparameter optimization", "hyperparameter optimisation", "hyperparameter tuning", "hpo", "tuning"],
  ["model registry", "model store", "model catalog", "model versioning"],
  ["lineage", "provenance"],
  ["notebooks", "notebook", "jupyter notebooks"],
  ["ide", "code editor", "editor"],
  ["machine learning", "ml"],
  ["ml platform", "mlops platform", "machine learning platform", "end to end platform", "end-to-end platform"],
  ["distributed training", "distributed compute", "distributed computing"],
  ["evaluation", "eval", "evals", "evaluating", "benchmarking"],
  ["explainability", "interpretability", "xai", "explainable ai"],
  ["packaging", "model format", "serialization", "serialisation"],
  // Delivery and infrastructure
  ["kubernetes", "k8s", "kube"],
  ["continuous integration", "ci"],
  ["continuous delivery", "continuous deployment", "cd"],
  ["orchestration", "orchestrator", "orchestrate"],
  ["infrastructure as code", "iac"],
  ["containers", "container", "docker"],
  ["serverless", "faas", "functions as a service", "function as a service"],
  ["a/b testing", "ab testing", "split testing", "canary", "canary release", "feature flags", "progressive delivery"],
  ["gpu", "gpus", "accelerator", "accelerators", "cuda"],
  ["registry", "repository manager"],
  ["testing", "tests", "test", "unit testing"],
  ["source control", "version control", "vcs", "scm", "source code management"],
  // Serving
  ["serving", "inference", "model deployment", "model server", "inference server", "serve models"],
  // Monitoring
  ["monitoring", "observability", "monitor"],
  ["logging", "logs", "log management"],
  ["alerting", "alerts", "on-call", "on call", "incident response", "paging"],
  ["tracing", "traces", "distributed tracing"],
  ["drift", "data drift", "concept drift"],
  // Governance and security
  ["secrets", "secret", "secrets management", "secret management", "credentials", "kms", "key management"],
  ["identity", "iam", "sso", "single sign-on", "authentication", "access management", "access control"],
  ["security scanning", "vulnerability scanning", "vulnerability scanner", "sast", "sca", "sbom", "cve scanning"],
  ["policy", "compliance", "governance", "audit", "policy as code"],
  ["guardrails", "guardrail", "ai safety", "llm security", "prompt injection"],
  ["documentation", "docs", "wiki"],
  // LLMOps
  ["llm", "llms", "large language model", "large language models", "genai", "gen ai", "generative ai"],
  ["gateway", "proxy", "router", "ai gateway"],
  ["rag", "retrieval augmented generation", "retrieval-augmented generation"],
  ["hub", "model hub", "model zoo"],
  // Hosting and licences (matched against each tool's hosting, licence and cloud facts too)
  ["open source", "open-source", "oss", "foss"],
  ["self-hosted", "self hosted", "on-premises", "on-prem", "on premises", "on prem", "air-gapped", "airgapped"],
  ["managed", "saas", "hosted", "fully managed"],
  ["aws", "amazon web services", "amazon"],
  ["gcp", "google cloud", "google cloud platform"],
  ["azure", "microsoft azure"],
];

/**
 * Phrases that stand for several capabilities at once: the query matches a tool that has *any* of them ("ci/cd" is a
 * CI tool or a CD tool), where an ordinary multi-word query needs every word.
 */
export const UMBRELLA_TERMS: readonly (readonly [string, readonly string[]])[] = [
  ["ci/cd", ["continuous integration", "continuous delivery", "ci/cd"]],
  ["cicd", ["continuous integration", "continuous delivery", "ci/cd"]],
  ["mlops", ["ml platform", "mlops"]],
  ["llmops", ["llm", "llmops"]],
];

/** Words that carry no meaning in a catalog query; dropped unless the query has nothing else. */
export const STOP_WORDS: readonly string[] = [
  "a",
  "alternative",
  "alternatives",
  "an",
  "and",
  "as",
  "best",
  "for",
  "in",
  "like",
  "of",
  "on",
  "or",
  "software",
  "solution",
  "solutions",
  "the",
  "to",
  "tool",
  "tools",
  "versus",
  "vs",
  "with",
];
