import { describe, expect, test } from "vitest";
import { makeTool } from "../../../tests/fixtures/catalog-builders";
import { countByStatus, entriesDueForReview, monthsBefore, retiredButStillIntegrated } from "./dashboard";

describe("monthsBefore", () => {
  test.each([
    ["2026-11-23", 6, "2026-05-23"],
    ["2026-08-31", 6, "2026-02-28"],
    ["2026-03-15", 6, "2025-09-15"],
  ])("%s minus %i months is %s", (now, months, expected) => {
    expect(monthsBefore(new Date(`${now}T12:00:00Z`), months)).toBe(expected);
  });
});

describe("dashboard lists", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  test("entries last reviewed more than six months ago are due, oldest first; the boundary day is not", () => {
    const tools = [
      makeTool({ slug: "fresh", lastReviewed: "2026-11-01" }),
      makeTool({ slug: "boundary", lastReviewed: "2026-05-23" }),
      makeTool({ slug: "old", lastReviewed: "2026-05-22" }),
      makeTool({ slug: "older", lastReviewed: "2025-01-01" }),
    ];
    expect(entriesDueForReview(tools, now).map((t) => t.slug)).toEqual(["older", "old"]);
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
