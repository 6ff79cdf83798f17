import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_CONSTRAINTS, normalizeConstraints, type Constraints } from "../assessment/constraints";
import { CONSTRAINT_VALUES } from "../assessment/constraint-values";
import type { CapabilityPlan } from "../catalog/schema";
import { HOSTING_OPTIONS, PRICING_MODELS, TOOL_STATUSES, type MaturityStage } from "../catalog/vocabulary";
import { diffRecommendations } from "./diff";
import { exclusionReasons, isEligible } from "./eligibility";
import { recommend, REPLACE_MARGIN } from "./recommend";
import type { RecommenderCatalog, RecommenderProfile, RecommenderTool } from "./types";

/** Small hand-made catalogs: each test names the rule it pins. The real catalog is judged by `npm run eval`. */

function tool(slug: string, overrides: Partial<RecommenderTool> = {}): RecommenderTool {
  return {
    slug,
    name: slug.toUpperCase(),
    summary: "s",
    license: "Apache-2.0",
    isOpenSource: true,
    pricing: "open-source",
    hosting: ["self-hosted"],
    clouds: ["any"],
    needsKubernetes: false,
    stages: [1, 2, 3, 4],
    opsComplexity: 2,
    learningCurve: 2,
    teamSizes: ["small"],
    capabilities: { primary: ["experiment-tracking"], secondary: [] },
    integrations: [],
    risks: [],
    status: "active",
    successor: null,
    vendorSupport: true,
    relations: { requires: [], implies: [], companions: [], partOf: null },
    freshness: null,
    ...overrides,
  };
}

const plan = (overrides: Partial<CapabilityPlan> = {}): CapabilityPlan => ({
  trigger: "when it is time",
  critical: false,
  priority: 5,
  dimension: null,
  appliesWhen: [],
  appliesWhenAny: [],
  pulls: [],
  couplings: [],
  ...overrides,
});

const CAPABILITIES: RecommenderCatalog["capabilities"] = [
  {
    slug: "version-control",
    name: "Version control",
    phase: "experimentation",
    neededFromStage: 1,
    plan: plan({ priority: 10 }),
  },
  {
    slug: "experiment-tracking",
    name: "Experiment tracking",
    phase: "experimentation",
    neededFromStage: 1,
    plan: plan({ priority: 9, appliesWhen: ["tunes-models"] }),
  },
  {
    slug: "continuous-integration",
    name: "CI",
    phase: "cicd",
    neededFromStage: 2,
    plan: plan({ priority: 8, couplings: ["version-control"] }),
  },
  {
    slug: "hyperparameter-optimization",
    name: "Tuning",
    phase: "experimentation",
    neededFromStage: 3,
    plan: plan({ priority: 2, appliesWhen: ["trains-models"] }),
  },
  {
    slug: "workflow-orchestration",
    name: "Orchestration",
    phase: "cicd",
    neededFromStage: 3,
    plan: plan({ priority: 6 }),
  },
  {
    slug: "system-monitoring",
    name: "System monitoring",
    phase: "monitoring",
    neededFromStage: 3,
    plan: plan({
      priority: 7,
      critical: true,
      pulls: [{ when: "models-in-production", to: "now", reason: "your models serve production" }],
    }),
  },
  {
    slug: "logging",
    name: "Logging",
    phase: "monitoring",
    neededFromStage: 3,
    plan: plan({ priority: 5, critical: true }),
  },
  {
    slug: "secrets-management",
    name: "Secrets",
    phase: "governance",
    neededFromStage: 4,
    plan: plan({ priority: 8, critical: true, pulls: [{ when: "regulated", to: "now", reason: "you are regulated" }] }),
  },
  { slug: "databases", name: "Databases", phase: "data", neededFromStage: 1, plan: null },
];

function catalogOf(tools: RecommenderTool[], capabilities = CAPABILITIES): RecommenderCatalog {
  return { phases: [{ slug: "experimentation", name: "Exp", order: 1, isOverlay: false }], capabilities, tools };
}

function profile(
  stage: MaturityStage,
  constraints: Partial<Constraints> = {},
  extra: Partial<RecommenderProfile> = {},
): RecommenderProfile {
  return {
    stage,
    dimensions: ["experimentation", "cicd-deployment"].map((slug) => ({ slug, score: 2.5 })),
    constraints: { ...DEFAULT_CONSTRAINTS, ...constraints },
    ...extra,
  };
}

const itemOf = (r: ReturnType<typeof recommend>, capability: string) =>
  r.items.find((i) => i.capability === capability);
const pickOf = (r: ReturnType<typeof recommend>, capability: string) => itemOf(r, capability)?.pick?.slug;

/** One capability, one plain tool, and one that breaks exactly one constraint but otherwise scores higher. */
function contest(breaker: Partial<RecommenderTool>) {
  return catalogOf([
    tool("plain"),
    tool("tempting", {
      ...breaker,
      integrations: ["x1", "x2", "x3", "x4", "x5", "x6", "x7"],
      opsComplexity: 1,
      learningCurve: 1,
    }),
  ]);
}
const trackingPick = (c: RecommenderCatalog, constraints: Partial<Constraints>) =>
  pickOf(recommend(profile(2, constraints), c), "experiment-tracking");

describe("hard constraints filter, they never just lower a score", () => {
  test.each<[string, Partial<RecommenderTool>, Partial<Constraints>, Partial<Constraints>]>([
    [
      "never picks a tool that needs Kubernetes when the team has none",
      { needsKubernetes: true },
      { kubernetes: "yes" },
      { kubernetes: "no" },
    ],
    [
      "never picks a Kubernetes tool for now when Kubernetes is only planned",
      { needsKubernetes: true },
      { kubernetes: "yes" },
      { kubernetes: "planned" },
    ],
    ["never picks SaaS-only for an air-gapped team", { hosting: ["managed-saas"] }, {}, { airGapped: true }],
    [
      "never picks SaaS-only for an on-premises team",
      { hosting: ["managed-saas"] },
      {},
      { environments: ["on-premises"], cloud: "on-premises" },
    ],
    [
      "never picks a proprietary tool under an open-source-only policy",
      { isOpenSource: false, license: "proprietary" },
      {},
      { licensePolicy: "open-source-only" },
    ],
    [
      "never picks a community-only project when only vendor-supported software is allowed",
      { vendorSupport: false, hosting: ["self-hosted", "managed-saas"] },
      {},
      { licensePolicy: "supported-only" },
    ],
    [
      "never picks proprietary software under open source with vendor support",
      { isOpenSource: false, license: "proprietary" },
      {},
      { licensePolicy: "open-source-supported" },
    ],
    [
      "never picks another cloud's service",
      { clouds: ["aws"], hosting: ["cloud-service"] },
      { environments: ["aws"], cloud: "aws" },
      { environments: ["gcp"], cloud: "gcp" },
    ],
    [
      "never picks a cloud-specific service when no cloud is chosen",
      { clouds: ["azure"], hosting: ["cloud-service"] },
      { environments: ["azure"], cloud: "azure" },
      { environments: [], cloud: "undecided" },
    ],
    ["never picks a paid product with no budget", { pricing: "paid" }, { budget: "large" }, { budget: "none" }],
    ["never picks a sunset tool", { status: "sunset", successor: "plain" }, {}, {}],
    [
      "never picks a deprecated tool, even one the team uses",
      { status: "deprecated", successor: "plain" },
      {},
      { toolsInUse: ["tempting"] },
    ],
  ])("%s", (_name, breaker, base, constraints) => {
    const c = contest(breaker);
    // Without the constraint the tempting tool wins: the test can fail.
    if (!breaker.status) expect(trackingPick(c, base)).toBe("tempting");
    expect(trackingPick(c, { ...base, ...constraints })).toBe("plain");
  });

  test("libraries with nothing to operate are outside a vendor-support-only policy", () => {
    const c = catalogOf([tool("library", { vendorSupport: false, opsComplexity: 1 })]);
    expect(trackingPick(c, { licensePolicy: "supported-only" })).toBe("library");
  });

  test("exclusionReasons and isEligible agree on every tool and team", () => {
    fc.assert(
      fc.property(
        fc.record({
          needsKubernetes: fc.boolean(),
          isOpenSource: fc.boolean(),
          vendorSupport: fc.boolean(),
          opsComplexity: fc.integer({ min: 1, max: 5 }),
          hosting: fc.subarray([...HOSTING_OPTIONS], { minLength: 1 }),
          clouds: fc.constantFrom<RecommenderTool["clouds"]>(["any"], ["aws"], ["gcp"], ["azure"]),
          pricing: fc.constantFrom(...PRICING_MODELS),
          status: fc.constantFrom(...TOOL_STATUSES),
        }),
        arbitraryConstraints(),
        fc.constantFrom("now", "next", "later" as const),
        (t, c, horizon) => {
          const candidate = tool("x", t);
          expect(isEligible(candidate, c, horizon)).toBe(exclusionReasons(candidate, c, horizon).length === 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the capability plan comes from the catalog", () => {
  const c = catalogOf(
    CAPABILITIES.filter((cap) => cap.plan).map((cap) =>
      tool(`t-${cap.slug}`, { capabilities: { primary: [cap.slug], secondary: [] } }),
    ),
  );

  test.each<[MaturityStage, Record<string, string>]>([
    [1, { "version-control": "now", "continuous-integration": "next", "workflow-orchestration": "later" }],
    [2, { "continuous-integration": "now", "workflow-orchestration": "next", "secrets-management": "later" }],
    [3, { "workflow-orchestration": "now", "secrets-management": "next" }],
  ])("at stage %i each capability comes now, next or later from its neededFromStage", (stage, expected) => {
    const r = recommend(profile(stage), c);
    for (const [capability, horizon] of Object.entries(expected))
      expect(itemOf(r, capability)?.horizon, capability).toBe(horizon);
  });

  test("an edit to a capability's stage changes the next recommendation", () => {
    const edited = catalogOf(
      c.tools,
      CAPABILITIES.map((cap) => (cap.slug === "workflow-orchestration" ? { ...cap, neededFromStage: 1 } : cap)),
    );
    expect(itemOf(recommend(profile(1), c), "workflow-orchestration")?.horizon).toBe("later");
    expect(itemOf(recommend(profile(1), edited), "workflow-orchestration")?.horizon).toBe("now");
  });

  test("capabilities without a plan are never filled", () => {
    expect(itemOf(recommend(profile(4), c), "databases")).toBeUndefined();
  });

  test("pulls bring a capability to now and say why: production needs monitoring, regulation needs secrets", () => {
    const monitoring = itemOf(recommend(profile(1, { modelsInProduction: "few" }), c), "system-monitoring")!;
    expect(monitoring.horizon).toBe("now");
    expect(monitoring.triggerMet).toBe("your models serve production");
    const secrets = itemOf(recommend(profile(1, { regulated: true }), c), "secrets-management")!;
    expect(secrets.horizon).toBe("now");
    expect(secrets.drivers.join(" ")).toMatch(/regulated/i);
    expect(itemOf(recommend(profile(1), c), "secrets-management")?.horizon).toBe("later");
  });

  test("a team that trains nothing gets no training capabilities, and the plan says so", () => {
    const r = recommend(profile(3, { training: "none" }), c);
    expect(itemOf(r, "experiment-tracking")).toBeUndefined();
    expect(itemOf(r, "hyperparameter-optimization")).toBeUndefined();
    expect(r.trainsModels).toBe(false);
    expect(r.omitted.map((o) => o.capability)).toEqual(
      expect.arrayContaining(["experiment-tracking", "hyperparameter-optimization"]),
    );
    expect(itemOf(recommend(profile(3, { training: "fine-tune" }), c), "hyperparameter-optimization")).toBeUndefined();
    expect(itemOf(recommend(profile(3, { training: "fine-tune" }), c), "experiment-tracking")).toBeDefined();
  });

  test("an answer that needs a capability brings it to now; one that shows it in place keeps it without a tool", () => {
    const needs = recommend(
      profile(
        1,
        {},
        {
          practices: {
            covered: [],
            needed: [{ capability: "secrets-management", questionId: "access-secrets", answer: "Secrets in chat" }],
          },
        },
      ),
      c,
    );
    expect(itemOf(needs, "secrets-management")?.horizon).toBe("now");
    expect(itemOf(needs, "secrets-management")?.triggerMet).toMatch(/Secrets in chat/);
    const covered = recommend(
      profile(
        2,
        {},
        {
          practices: {
            covered: [
              { capability: "continuous-integration", questionId: "ci-on-change", answer: "CI on every change" },
            ],
            needed: [],
          },
        },
      ),
      c,
    );
    const ci = itemOf(covered, "continuous-integration")!;
    expect(ci.change).toBe("keep");
    expect(ci.pick).toBeNull();
    expect(ci.inPlaceBy?.questionId).toBe("ci-on-change");
  });
});

describe("tools relate: requirements, companions, hosts", () => {
  test("a pick brings what it requires, or is not picked", () => {
    const c = catalogOf([
      tool("kibana", {
        capabilities: { primary: ["logging"], secondary: [] },
        relations: { requires: [["elasticsearch", "opensearch"]], implies: [], companions: [], partOf: null },
        opsComplexity: 1,
      }),
      tool("elasticsearch", { capabilities: { primary: ["databases"], secondary: [] }, opsComplexity: 4 }),
      tool("opensearch", { capabilities: { primary: ["databases"], secondary: [] }, opsComplexity: 4 }),
      tool("loki", { capabilities: { primary: ["logging"], secondary: [] }, opsComplexity: 3 }),
    ]);
    const logging = itemOf(recommend(profile(3), c), "logging")!;
    expect(logging.pick?.slug).toBe("kibana");
    expect(logging.pick?.companions.map((cm) => cm.slug)).toEqual(["elasticsearch"]);
    // With neither backend allowed, Kibana cannot be picked at all.
    const noBackend = catalogOf(
      c.tools.map((t) => (t.slug === "elasticsearch" || t.slug === "opensearch" ? { ...t, needsKubernetes: true } : t)),
    );
    expect(pickOf(recommend(profile(3, { kubernetes: "no" }), noBackend), "logging")).toBe("loki");
  });

  test("a tool in use implies its host: a team on GitHub Actions keeps GitHub and is never moved to GitLab", () => {
    const c = catalogOf([
      tool("git", {
        capabilities: { primary: ["version-control"], secondary: [] },
        opsComplexity: 1,
        relations: { requires: [["github", "gitlab"]], implies: [], companions: [], partOf: null },
      }),
      tool("github", {
        capabilities: { primary: ["version-control"], secondary: ["continuous-integration"] },
        opsComplexity: 1,
        isOpenSource: false,
        relations: { requires: [], implies: ["git"], companions: [], partOf: null },
      }),
      tool("github-actions", {
        capabilities: { primary: ["continuous-integration"], secondary: [] },
        opsComplexity: 1,
        isOpenSource: false,
        relations: { requires: [], implies: ["github"], companions: [], partOf: "github" },
        integrations: ["github"],
      }),
      // GitLab scores higher on every soft criterion the team states, and does CI too.
      tool("gitlab", {
        capabilities: { primary: ["version-control", "continuous-integration"], secondary: [] },
        opsComplexity: 1,
        integrations: ["x1", "x2", "x3", "x4", "x5", "x6"],
        relations: { requires: [], implies: ["git"], companions: [], partOf: null },
      }),
    ]);
    const r = recommend(profile(2, { toolsInUse: ["github-actions"], licensePolicy: "prefer-open-source" }), c);
    expect(pickOf(r, "version-control")).toBe("github");
    expect(itemOf(r, "version-control")?.change).toBe("keep");
    expect(pickOf(r, "continuous-integration")).toBe("github-actions");
    expect(JSON.stringify(r.items)).not.toContain('"gitlab"');
  });

  test("Git alone gets a remote: every stack with code has a Git host", () => {
    const c = catalogOf([
      tool("git", {
        capabilities: { primary: ["version-control"], secondary: [] },
        opsComplexity: 1,
        relations: { requires: [["github", "gitlab"]], implies: [], companions: [], partOf: null },
      }),
      tool("github", {
        capabilities: { primary: ["version-control"], secondary: [] },
        opsComplexity: 1,
        relations: { requires: [], implies: ["git"], companions: [], partOf: null },
      }),
      tool("gitlab", {
        capabilities: { primary: ["version-control"], secondary: [] },
        opsComplexity: 2,
        relations: { requires: [], implies: ["git"], companions: [], partOf: null },
      }),
    ]);
    const vc = itemOf(recommend(profile(1, { toolsInUse: ["git"] }), c), "version-control")!;
    expect(vc.pick?.slug).toBe("git");
    expect(vc.pick?.companions.map((cm) => cm.slug)).toEqual(["github"]);
  });

  test("companions travel together and are never each other's runner-up", () => {
    const c = catalogOf([
      tool("prometheus", {
        capabilities: { primary: ["system-monitoring"], secondary: [] },
        relations: { requires: [], implies: [], companions: ["grafana"], partOf: null },
        integrations: ["x1", "x2", "x3"],
      }),
      tool("grafana", { capabilities: { primary: ["system-monitoring"], secondary: [] } }),
      tool("zabbix", { capabilities: { primary: ["system-monitoring"], secondary: [] } }),
    ]);
    const monitoring = itemOf(recommend(profile(3), c), "system-monitoring")!;
    expect(monitoring.pick?.slug).toBe("prometheus");
    expect(monitoring.pick?.companions.map((cm) => cm.slug)).toEqual(["grafana"]);
    expect(monitoring.alternatives.map((a) => a.slug)).toEqual(["zabbix"]);
  });
});

describe("critical jobs go to tools built for them", () => {
  const c = catalogOf([
    tool("iac", {
      capabilities: { primary: ["workflow-orchestration"], secondary: ["secrets-management"] },
      integrations: ["x1", "x2", "x3", "x4", "x5"],
    }),
    tool("vault", { capabilities: { primary: ["secrets-management"], secondary: [] }, opsComplexity: 4, stages: [4] }),
  ]);

  test("a side-job tool never fills a critical slot on its own merits", () => {
    expect(pickOf(recommend(profile(1, { regulated: true }), c), "secrets-management")).toBe("vault");
  });

  test("a side-job tool may cover it when the team runs it for its main job, and the report says so", () => {
    const secrets = itemOf(
      recommend(profile(1, { regulated: true, toolsInUse: ["iac"] }), catalogOf([c.tools[0]!])),
      "secrets-management",
    )!;
    expect(secrets.pick?.slug).toBe("iac");
    expect(secrets.pick?.isMainJob).toBe(false);
    expect(secrets.pick?.reasons[0]).toMatch(/does this on the side/);
  });
});

describe("keep what works", () => {
  const tracker = (slug: string, overrides: Partial<RecommenderTool> = {}) => tool(slug, overrides);

  test("a tool in use is kept against a slightly better challenger", () => {
    const c = catalogOf([
      tracker("paid", { isOpenSource: false, pricing: "paid" }),
      tracker("free", { integrations: ["x1", "x2"] }),
    ]);
    // Without the tool in use, the free one wins: the test can fail.
    expect(
      pickOf(recommend(profile(2, { licensePolicy: "prefer-open-source", budget: "large" }), c), "experiment-tracking"),
    ).toBe("free");
    const r = recommend(profile(2, { toolsInUse: ["paid"], licensePolicy: "prefer-open-source", budget: "large" }), c);
    expect(pickOf(r, "experiment-tracking")).toBe("paid");
    expect(itemOf(r, "experiment-tracking")?.change).toBe("keep");
    expect(r.warnings.filter((w) => w.kind === "replaced-tool")).toEqual([]);
  });

  test(`a replacement needs a lead above ${REPLACE_MARGIN} points, and states it with the migration effort`, () => {
    const c = catalogOf([
      tracker("heavy", {
        opsComplexity: 5,
        learningCurve: 5,
        stages: [4],
        status: "maintenance",
        pricing: "paid",
        isOpenSource: false,
      }),
      tracker("light", { opsComplexity: 1 }),
    ]);
    const item = itemOf(
      recommend(profile(1, { toolsInUse: ["heavy"], teamSize: "large", budget: "small" }), c),
      "experiment-tracking",
    )!;
    expect(item.change).toBe("replace");
    expect(item.pick?.slug).toBe("light");
    expect(item.replaces?.reason).toMatch(/points ahead on fit/);
    expect(item.replaces?.migration).toMatch(/plan/);
  });

  test("a retired tool in use gives way to its successor, with a warning", () => {
    const c = catalogOf([
      tracker("old", { status: "sunset", successor: "new" }),
      tracker("new"),
      tracker("other", { integrations: ["x1", "x2", "x3"] }),
    ]);
    const r = recommend(profile(2, { toolsInUse: ["old"] }), c);
    expect(pickOf(r, "experiment-tracking")).toBe("new");
    expect(itemOf(r, "experiment-tracking")?.replaces?.slug).toBe("old");
    expect(r.warnings.some((w) => w.kind === "retired-tool-in-use" && w.tools?.includes("old"))).toBe(true);
  });

  test("a tool far beyond what the team can run is flagged and not built upon", () => {
    const c = catalogOf([
      tool("platform", {
        opsComplexity: 5,
        capabilities: { primary: ["workflow-orchestration"], secondary: ["experiment-tracking"] },
      }),
      tool("light-orchestrator", { capabilities: { primary: ["workflow-orchestration"], secondary: [] } }),
      tool("tracker"),
    ]);
    const r = recommend(profile(1, { toolsInUse: ["platform"], teamSize: "solo" }), c);
    expect(r.warnings.some((w) => w.kind === "over-engineering" && w.tools?.includes("platform"))).toBe(true);
    expect(pickOf(r, "experiment-tracking")).toBe("tracker");
    expect(itemOf(r, "workflow-orchestration")?.replaces?.slug).toBe("platform");
  });
});

describe("now is small", () => {
  const many = catalogOf(
    CAPABILITIES.filter((cap) => cap.plan).map((cap) =>
      tool(`t-${cap.slug}`, { capabilities: { primary: [cap.slug], secondary: [] } }),
    ),
  );

  test("new tools now stay within the team's budget; what does not fit waits, with the reason", () => {
    const r = recommend(profile(3, { teamSize: "solo", regulated: true, modelsInProduction: "few" }), many);
    expect(r.toolCount.now).toBeLessThanOrEqual(r.nowBudget.limit);
    const deferred = r.items.filter((i) => i.deferred);
    expect(deferred.length).toBeGreaterThan(0);
    for (const item of deferred) {
      expect(item.horizon).toBe("next");
      expect(item.deferred).toMatch(/new ones at once|changes at once/);
    }
    // The most urgent go first: the regulated team's secrets and production monitoring are now.
    expect(itemOf(r, "secrets-management")?.horizon).toBe("now");
    expect(itemOf(r, "system-monitoring")?.horizon).toBe("now");
  });

  test("a tool already in the stack covers a due job before a new tool is added", () => {
    const c = catalogOf([
      tool("tracker", { capabilities: { primary: ["experiment-tracking"], secondary: ["workflow-orchestration"] } }),
      tool("orchestrator", {
        capabilities: { primary: ["workflow-orchestration"], secondary: [] },
        integrations: ["x1", "x2"],
      }),
    ]);
    const r = recommend(profile(3, { teamSize: "solo", toolsInUse: ["tracker", "a", "b", "c", "d"] }), c);
    expect(r.toolCount.now).toBeLessThanOrEqual(r.nowBudget.limit);
  });
});

describe("honest output", () => {
  test("two tools within the toss-up margin are shown as a choice, with when to choose which", () => {
    const c = catalogOf([tool("alpha", { hosting: ["self-hosted"] }), tool("beta", { hosting: ["managed-saas"] })]);
    const item = itemOf(recommend(profile(2), c), "experiment-tracking")!;
    expect(item.tossUp).toBeDefined();
    expect(item.tossUp?.chooseIf).not.toEqual(item.tossUp?.chooseOtherIf);
  });

  test("a clear winner is not a toss-up", () => {
    const c = catalogOf([
      tool("alpha", { integrations: ["x1", "x2", "x3"] }),
      tool("beta", { stages: [4], opsComplexity: 5 }),
    ]);
    expect(itemOf(recommend(profile(2), c), "experiment-tracking")?.tossUp).toBeUndefined();
  });

  test("unknown context answers are listed with the default used and what an answer could change", () => {
    const c = catalogOf([
      tool("saas", { hosting: ["managed-saas"], integrations: ["x1", "x2", "x3"] }),
      tool("self", { hosting: ["self-hosted"] }),
    ]);
    const r = recommend(profile(2, { unknown: ["hostingPreference"] }), c);
    expect(r.assumptions).toEqual([expect.objectContaining({ key: "hostingPreference", assumed: "no preference" })]);
    expect(r.assumptions[0]?.wouldChange).toMatch(/could change|would not change/);
  });
});

function arbitraryConstraints(): fc.Arbitrary<Constraints> {
  return fc.record({
    cloud: fc.constantFrom(...CONSTRAINT_VALUES.cloud),
    environments: fc.subarray([...CONSTRAINT_VALUES.environments]),
    airGapped: fc.boolean(),
    kubernetes: fc.constantFrom(...CONSTRAINT_VALUES.kubernetes),
    training: fc.constantFrom(...CONSTRAINT_VALUES.training),
    gpus: fc.constantFrom(...CONSTRAINT_VALUES.gpus),
    licensePolicy: fc.constantFrom(...CONSTRAINT_VALUES.licensePolicy),
    hostingPreference: fc.constantFrom(...CONSTRAINT_VALUES.hostingPreference),
    budget: fc.constantFrom(...CONSTRAINT_VALUES.budget),
    teamSize: fc.constantFrom(...CONSTRAINT_VALUES.teamSize),
    modelsInProduction: fc.constantFrom(...CONSTRAINT_VALUES.modelsInProduction),
    regulated: fc.boolean(),
    llmApplications: fc.constantFrom(...CONSTRAINT_VALUES.llmApplications),
    llmHosting: fc.constantFrom(...CONSTRAINT_VALUES.llmHosting),
    toolsInUse: fc.subarray(
      Array.from({ length: 12 }, (_, j) => `t${j}`),
      { maxLength: 4 },
    ),
    unknown: fc.constant([]),
  });
}

/** Random catalogs: every capability has a few tools with random facts and relations. */
function arbitraryCatalog() {
  const slugs = Array.from({ length: 12 }, (_, j) => `t${j}`);
  const arbitraryTool = (i: number) =>
    fc
      .record({
        needsKubernetes: fc.boolean(),
        isOpenSource: fc.boolean(),
        vendorSupport: fc.boolean(),
        hosting: fc.subarray([...HOSTING_OPTIONS], { minLength: 1 }),
        clouds: fc.constantFrom<RecommenderTool["clouds"]>(["any"], ["aws"], ["gcp"]),
        pricing: fc.constantFrom(...PRICING_MODELS),
        status: fc.constantFrom(...TOOL_STATUSES),
        stages: fc.subarray([1, 2, 3, 4] as MaturityStage[], { minLength: 1 }),
        opsComplexity: fc.integer({ min: 1, max: 5 }),
        primary: fc.subarray(
          CAPABILITIES.filter((c) => c.plan).map((c) => c.slug),
          { minLength: 1, maxLength: 2 },
        ),
        secondary: fc.subarray(
          CAPABILITIES.filter((c) => c.plan).map((c) => c.slug),
          { maxLength: 2 },
        ),
        integrations: fc.subarray(slugs, { maxLength: 4 }),
        requires: fc.subarray(slugs, { maxLength: 2 }),
        companions: fc.subarray(slugs, { maxLength: 1 }),
      })
      .map((r) =>
        tool(`t${i}`, {
          ...r,
          capabilities: { primary: r.primary, secondary: r.secondary.filter((s) => !r.primary.includes(s)) },
          integrations: r.integrations.filter((s) => s !== `t${i}`),
          successor: r.status === "active" || r.status === "maintenance" ? null : "t0",
          relations: {
            requires: r.requires.filter((s) => s !== `t${i}`).map((s) => [s]),
            implies: [],
            companions: r.companions.filter((s) => s !== `t${i}`),
            partOf: null,
          },
        }),
      );
  return fc.tuple(...Array.from({ length: 12 }, (_, i) => arbitraryTool(i))).map((tools) => catalogOf(tools));
}

describe("properties over random teams and catalogs", () => {
  const stage = fc.constantFrom<MaturityStage>(1, 2, 3, 4);

  test("deterministic; never violates a constraint or picks a retired tool; explains every pick; stays within the budget", () => {
    fc.assert(
      fc.property(arbitraryCatalog(), stage, arbitraryConstraints(), (catalog, s, constraints) => {
        const p = profile(s, constraints);
        const r = recommend(p, catalog);
        const c = normalizeConstraints(p.constraints);
        expect(recommend(p, catalog)).toEqual(r);
        const bySlug = new Map(catalog.tools.map((t) => [t.slug, t]));
        for (const item of r.items) {
          if (!item.pick) continue;
          const t = bySlug.get(item.pick.slug)!;
          if (!item.pick.inUse) expect(isEligible(t, c, item.horizon), `${t.slug} in ${item.capability}`).toBe(true);
          expect(["sunset", "deprecated", "renamed"]).not.toContain(t.status);
          expect(item.pick.breakdown.length).toBeGreaterThan(0);
          expect(item.pick.reasons.length).toBeGreaterThan(0);
        }
        expect(r.toolCount.now).toBe(r.nowBudget.used);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the what-if diff", () => {
  test("names the picks, horizons and stage that changed", () => {
    const c = catalogOf([
      tool("a", { needsKubernetes: true, opsComplexity: 1, integrations: ["x1", "x2"] }),
      tool("b"),
    ]);
    const before = recommend(profile(2, { kubernetes: "yes" }), c);
    const after = recommend(profile(3, { kubernetes: "no" }), c);
    const changes = diffRecommendations(before, after);
    expect(changes).toContainEqual({ kind: "stage", from: 2, to: 3 });
    expect(changes).toContainEqual({
      kind: "pick",
      capability: "experiment-tracking",
      capabilityName: "Experiment tracking",
      from: "A",
      to: "B",
    });
    expect(diffRecommendations(before, before)).toEqual([]);
  });
});
