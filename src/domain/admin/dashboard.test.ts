import { describe, expect, test } from "vitest";
import { makeTool } from "../../../tests/fixtures/catalog-builders";
import { archivedButUsable, countByStatus, entriesLackingSources, retiredButStillIntegrated } from "./dashboard";

const source = (supports: ("status" | "license" | "pricing")[]) => ({
  url: "https://example.com",
  supports,
  checked: "2026-11-01",
});
const freshness = (archived: boolean) => ({ checked: "2026-12-01", latestRelease: null, lastActivity: null, archived });

describe("dashboard lists", () => {
  test("entries without a dated source for status, licence or pricing, most missing first", () => {
    const tools = [
      makeTool({ slug: "complete", sources: [source(["status", "license", "pricing"])] }),
      makeTool({ slug: "no-pricing", sources: [source(["status", "license"])] }),
      makeTool({ slug: "bare", sources: [] }),
    ];
    expect(entriesLackingSources(tools).map((e) => [e.tool.slug, e.missing])).toEqual([
      ["bare", ["status", "license", "pricing"]],
      ["no-pricing", ["pricing"]],
    ]);
  });

  test("archived repositories of entries still marked usable", () => {
    const tools = [
      makeTool({ slug: "archived-active", freshness: freshness(true) }),
      makeTool({
        slug: "archived-sunset",
        status: "sunset",
        successor: "x",
        statusNote: "gone",
        freshness: freshness(true),
      }),
      makeTool({ slug: "alive", freshness: freshness(false) }),
      makeTool({ slug: "unknown" }),
    ];
    expect(archivedButUsable(tools).map((t) => t.slug)).toEqual(["archived-active"]);
  });

  test("only retired entries that still have integrations are flagged", () => {
    const tools = [
      makeTool({ slug: "dead-linked", status: "sunset", successor: "x", statusNote: "gone", integrations: ["a"] }),
      makeTool({ slug: "dead-alone", status: "deprecated", successor: "x", statusNote: "gone", integrations: [] }),
      makeTool({ slug: "alive", status: "active", integrations: ["a"] }),
      makeTool({ slug: "quiet", status: "maintenance", statusNote: "slow", integrations: ["a"] }),
    ];
    expect(retiredButStillIntegrated(tools).map((t) => t.slug)).toEqual(["dead-linked"]);
    expect(countByStatus(tools)).toEqual({ active: 1, maintenance: 1, sunset: 1, deprecated: 1, renamed: 0 });
  });
});
