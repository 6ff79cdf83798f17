import { describe, expect, test } from "vitest";
import { makeTool } from "../../../tests/fixtures/catalog-builders";
import {
  addDays,
  daysBetween,
  entriesDueForReview,
  isOutOfDate,
  monthsBetween,
  outOfDateSlugs,
  relativeAge,
  repositorySignal,
  reviewContextOf,
  reviewDue,
  reviewInterval,
  undatedFacts,
  type ReviewInterval,
} from "./freshness";
import type { Freshness } from "./schema";
import type { CatalogTool } from "./types";

const context = reviewContextOf([
  { slug: "experiment-tracking", phase: "experimentation" },
  { slug: "llm-gateway", phase: "llmops" },
  { slug: "vector-database", phase: "llmops" },
]);

const INTERVAL_CASES: [string, Partial<CatalogTool>, number, ReviewInterval["basis"]][] = [
  ["an OSI open-source project without risks", {}, 365, "open-source"],
  ["an explicit interval on the entry wins over every rule", { reviewIntervalDays: 45, pricing: "paid" }, 45, "entry"],
  [
    "a retired tool, even an LLMOps one",
    {
      status: "sunset",
      successor: "x",
      statusNote: "gone",
      capabilities: { primary: ["llm-gateway"], secondary: [] },
    },
    365,
    "retired",
  ],
  [
    "an LLMOps tool (primary capability in the llmops phase), even open source",
    { capabilities: { primary: ["llm-gateway"], secondary: [] } },
    90,
    "llmops",
  ],
  [
    "an LLMOps capability only as secondary does not make an LLMOps tool",
    { capabilities: { primary: ["experiment-tracking"], secondary: ["vector-database"] } },
    365,
    "open-source",
  ],
  ["an acquired project", { risks: [{ kind: "acquired", note: "bought" }] }, 90, "risk"],
  ["a relicensed project", { risks: [{ kind: "relicensed", note: "BSL" }] }, 90, "risk"],
  [
    "a single-vendor risk alone is not volatile",
    { risks: [{ kind: "single-vendor", note: "one firm" }] },
    365,
    "open-source",
  ],
  ["a tool in maintenance mode", { status: "maintenance", statusNote: "slow" }, 90, "maintenance"],
  ["paid software", { pricing: "paid", license: "proprietary", isOpenSource: false }, 90, "commercial"],
  ["a freemium product", { pricing: "freemium", license: "proprietary", isOpenSource: false }, 90, "commercial"],
  ["a managed SaaS only", { pricing: "open-core", hosting: ["managed-saas"] }, 90, "saas-only"],
  ["open core with self-hosting", { pricing: "open-core", hosting: ["self-hosted", "managed-saas"] }, 180, "other"],
  [
    "a cloud service billed as you go",
    { pricing: "pay-as-you-go", license: "proprietary", hosting: ["cloud-service"], clouds: ["aws"] },
    180,
    "other",
  ],
  ["source-available under open-source pricing", { license: "BUSL-1.1", isOpenSource: false }, 180, "other"],
];

describe("reviewInterval", () => {
  test.each(INTERVAL_CASES)("%s: %i days", (_name, overrides, days, basis) => {
    const interval = reviewInterval(makeTool({ slug: "t", ...overrides }), context);
    expect(interval.days).toBe(days);
    expect(interval.basis).toBe(basis);
    expect(interval.reason.length).toBeGreaterThan(0);
  });
});

describe("reviewDue and isOutOfDate", () => {
  const llmTool = makeTool({
    slug: "gateway",
    lastReviewed: "2026-09-01",
    capabilities: { primary: ["llm-gateway"], secondary: [] },
  });
  test.each([
    ["2026-11-29", false, 0],
    ["2026-11-30", false, 0], // the due day itself is still current
    ["2026-12-01", true, 1],
    ["2027-03-01", true, 91],
  ])("reviewed 2026-09-01, every 90 days; on %s out of date: %s", (today, outOfDate, overdue) => {
    const due = reviewDue(llmTool, today, context);
    expect(due.dueOn).toBe("2026-11-30");
    expect(due.isOutOfDate).toBe(outOfDate);
    expect(due.daysOverdue).toBe(overdue);
    expect(isOutOfDate(llmTool, today, context)).toBe(outOfDate);
  });

  test("entries due for review come longest overdue first; current ones are left out", () => {
    const tools = [
      makeTool({ slug: "fresh-oss", lastReviewed: "2026-06-01" }), // 365 days: current
      makeTool({ slug: "old-oss", lastReviewed: "2025-06-01" }), // due 2026-06-01
      makeTool({ slug: "paid", lastReviewed: "2026-06-01", pricing: "paid", license: "proprietary" }), // due 2026-08-30
      makeTool({ slug: "b-paid", lastReviewed: "2026-06-01", pricing: "paid", license: "proprietary" }),
    ];
    const due = entriesDueForReview(tools, "2026-12-01", context);
    expect(due.map((d) => d.tool.slug)).toEqual(["old-oss", "b-paid", "paid"]);
    expect(due[0]?.review.dueOn).toBe("2026-06-01");
    expect([...outOfDateSlugs(tools, "2026-12-01", context)].sort()).toEqual(["b-paid", "old-oss", "paid"]);
  });
});

describe("calendar arithmetic", () => {
  test.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2028-02-28", 1, "2028-02-29"], // leap year
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
  ])("%s + %i days is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  test.each([
    ["2026-01-15", "2026-04-15", 3],
    ["2026-01-15", "2026-04-14", 2],
    ["2026-01-31", "2026-02-28", 0],
    ["2025-12-01", "2026-12-01", 12],
    ["2026-05-01", "2026-03-01", -2],
  ])("months from %s to %s: %i", (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });
});

describe("relativeAge", () => {
  test.each([
    ["2026-12-01", "today"],
    ["2026-12-05", "today"], // a date after today (another time zone) is not "in the future"
    ["2026-11-30", "yesterday"],
    ["2026-11-26", "5 days ago"],
    ["2026-11-18", "13 days ago"],
    ["2026-11-17", "2 weeks ago"],
    ["2026-10-02", "8 weeks ago"],
    ["2026-10-01", "2 months ago"],
    ["2026-09-01", "3 months ago"],
    ["2025-12-02", "11 months ago"],
    ["2025-12-01", "12 months ago"],
    ["2024-12-02", "23 months ago"],
    ["2024-12-01", "2 years ago"],
    ["2021-06-30", "5 years ago"],
  ])("%s, seen on 2026-12-01: %s", (date, expected) => {
    expect(relativeAge(date, "2026-12-01")).toBe(expected);
  });
});

describe("undatedFacts", () => {
  const source = (supports: ("status" | "license" | "pricing" | "capabilities")[]) => ({
    url: "https://example.com",
    supports,
    checked: "2026-12-01",
  });
  test.each([
    ["no sources", [], ["status", "license", "pricing"]],
    ["one source for everything", [source(["status", "license", "pricing"])], []],
    ["sources split over facts", [source(["license"]), source(["pricing", "status"])], []],
    ["capabilities only", [source(["capabilities"])], ["status", "license", "pricing"]],
    ["pricing missing", [source(["status", "license", "capabilities"])], ["pricing"]],
  ] as const)("%s → %j", (_name, sources, expected) => {
    expect(undatedFacts({ sources: sources.map((s) => ({ ...s, supports: [...s.supports] })) })).toEqual(expected);
  });
});

describe("repositorySignal", () => {
  const fresh = (overrides: Partial<Freshness>): Freshness => ({
    checked: "2026-12-01",
    latestRelease: { version: "v1.0.0", date: "2026-10-01" },
    lastActivity: "2026-11-30",
    archived: false,
    ...overrides,
  });
  test.each([
    ["nothing known", null, null],
    ["a recent release", fresh({}), null],
    ["archived, whatever the release", fresh({ archived: true }), { kind: "archived" }],
    [
      "the last release 12 months before the check",
      fresh({ latestRelease: { version: "0.9", date: "2025-12-01" } }),
      { kind: "no-recent-release", since: "2025-12-01" },
    ],
    ["a release 11 months before the check", fresh({ latestRelease: { version: "0.9", date: "2025-12-02" } }), null],
    ["no releases but recent pushes", fresh({ latestRelease: null }), null],
    [
      "no releases and no push for a year",
      fresh({ latestRelease: null, lastActivity: "2025-11-01" }),
      { kind: "no-recent-activity", since: "2025-11-01" },
    ],
  ] as const)("%s", (_name, freshness, expected) => {
    expect(repositorySignal(freshness)).toEqual(expected);
  });
});
