import { describe, expect, test } from "vitest";
import { changePlanReport } from "../../../tests/fixtures/change-plan-report";
import { buildMarkdownReport } from "../report/markdown";
import { lintReport } from "./lint-report";

/** The editorial check over a rendered report: what only the text a client reads can get wrong. */
describe("the editorial check over rendered text", () => {
  const data = changePlanReport();
  const markdown = buildMarkdownReport(data, { origin: "https://advisor.example.com" });
  const renderedProblems = (texts: string[]) =>
    lintReport(data.profile, data.recommendation, texts).filter((p) => p.startsWith("rendered text"));

  test("the real Markdown of a report with unknowns, assumptions and high actions passes", () => {
    expect(renderedProblems([markdown])).toEqual([]);
  });

  test.each([
    [
      "a bare 0.0 for a dimension whose answers were all “don't know”",
      (md: string) => md.replace(/\| Monitoring +\| [^|]+\|/, "| Monitoring | 0.0 |"),
      /Monitoring has "don't know" answers but shows a bare 0\.0/,
    ],
    [
      "a bare overall level when answers behind it were unknown",
      (md: string) => md.replace(/Overall level \S+ of 4 \(\d+% unknown\)/, "Overall level 1.7 of 4"),
      /the overall level has "don't know" answers behind it but shows a bare 1\.7/,
    ],
    [
      "a summary count that differs from the sections",
      (md: string) => md.replace(/makes (\d+) changes now/, "makes 9 changes now"),
      /the summary counts 9 now, the plan lists 5/,
    ],
    [
      "a section table with a row missing",
      (md: string) => md.replace(/\n\| Model serving .*\n/, "\n"),
      /the "Now" table has 4 rows, the plan 5/,
    ],
    [
      "a high-priority action that points at nothing",
      (md: string) =>
        md.replace(/(\| Priority[^\n]*\n\|[^\n]*\n)/, "$1| high | Team | Write things down | See your answer |\n"),
      /a high-priority action names no "now" change/,
    ],
    [
      "a “find out” question listed as an action",
      (md: string) =>
        md.replace(
          /(\| Priority[^\n]*\n\|[^\n]*\n)/,
          "$1| medium | Monitoring | Find out: how you monitor | See your answer |\n",
        ),
      /a "find out" question is listed as an action/,
    ],
  ])("fails on %s", (_, mutate, problem) => {
    const broken = mutate(markdown);
    expect(broken).not.toBe(markdown);
    expect(renderedProblems([broken]).join("\n")).toMatch(problem);
  });

  test("a score with unknowns in a PDF's layout text is checked line by line, and ranges pass", () => {
    const monitoring = data.profile.dimensions.find((d) => d.slug === "monitoring")!;
    expect(renderedProblems([`Monitoring   (weakest)        ${monitoring.score.toFixed(1)}`])).toHaveLength(1);
    expect(renderedProblems([`Monitoring   1.0–4.0 (100% unknown)`, "Serving 1.9"])).toEqual([]);
  });

  test("data checks: a high action must point at a “now” change and never be a “find out” question", () => {
    const stale = {
      ...data.profile,
      actionItems: [
        { ...data.profile.actionItems.find((a) => a.closes === "data-validation")!, priority: "high" as const },
        { ...data.profile.actionItems.find((a) => a.isDiscovery)!, priority: "high" as const },
      ],
    };
    const problems = lintReport(stale, data.recommendation).join("\n");
    expect(problems).toMatch(/points at Data validation, which is not a "now" change/);
    expect(problems).toMatch(/is a "find out" question/);
    expect(problems).toMatch(/points at no change in the plan/);
  });
});
