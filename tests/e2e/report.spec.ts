import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { buildLifecycleDiagram, countToolNodes } from "../../src/domain/report/mermaid";
import { hostileReport } from "../fixtures/hostile-report";
import { expectAccessible } from "./support/axe";

type Question = { id: string; kind: string; constraint?: string; options: { value: string }[] };

async function createAssessment(request: APIRequestContext): Promise<string> {
  const questionnaire = (await (await request.get("/api/v1/questionnaire")).json()) as {
    data: { questions: Question[] };
  };
  const answers: Record<string, unknown> = {};
  for (const q of questionnaire.data.questions) {
    if (q.kind === "tools") continue;
    if (q.kind === "scale") answers[q.id] = 3;
    else if (q.kind === "multi") answers[q.id] = q.options.slice(0, 3).map((o) => o.value);
    else answers[q.id] = q.constraint === "kubernetes" ? "yes" : q.options[Math.min(3, q.options.length - 1)]!.value;
  }
  const response = await request.post("/api/v1/assessments", { data: { answers } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), "advisor-report-"));

test.describe("an architect takes the report away", () => {
  test("the report page draws the lifecycle diagram with one node per tool", async ({ page, request }) => {
    const id = await createAssessment(request);
    const json = (await (await request.get(`/r/${id}/report.json`)).json()) as {
      recommendation: { items: { pick: { slug: string; companions: { slug: string }[] } | null }[] };
    };
    const tools = new Set(
      json.recommendation.items.flatMap((i) => (i.pick ? [i.pick.slug, ...i.pick.companions.map((c) => c.slug)] : [])),
    );
    await page.goto(`/r/${id}`);
    const figure = page.locator("figure[data-diagram-state]");
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute("data-diagram-state", "ready", { timeout: 20_000 });
    // Tool nodes plus the legend's entries.
    const legend = await figure
      .locator("g.node")
      .filter({ hasText: /^(Adopt now|Next stage|Later)$/ })
      .count();
    expect(await figure.locator("g.node").count()).toBe(tools.size + legend);
    await expectAccessible(page);
  });

  test("exports Markdown with a Mermaid block, from the download button", async ({ page, request }) => {
    const id = await createAssessment(request);
    await page.goto(`/r/${id}`);
    const download = page.waitForEvent("download");
    await page.getByRole("navigation", { name: "Export" }).getByRole("link", { name: "Markdown" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`mlops-stack-${id}.md`);
    const target = path.join(tmp(), "report.md");
    await file.saveAs(target);
    const markdown = readFileSync(target, "utf8");
    expect(markdown).toMatch(/^# MLOps stack recommendation\n/);
    expect(markdown).toMatch(/\n```mermaid\nflowchart TB\n/);
    const response = await request.get(`/r/${id}/report.md`);
    expect(response.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(response.headers()["content-disposition"]).toContain("filename*=UTF-8''");
  });

  for (const [format, size] of [
    ["a4", /595\.\d+ x 841\.\d+|595\.\d+ x 842\.\d+/],
    ["letter", /612 x 792/],
  ] as const) {
    test(`exports a ${format} PDF with selectable text, page numbers and the diagram as vector graphics`, async ({
      request,
    }) => {
      const id = await createAssessment(request);
      const response = await request.get(`/r/${id}/report.pdf?format=${format}`, { timeout: 60_000 });
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      const dir = tmp();
      const pdf = path.join(dir, "report.pdf");
      writeFileSync(pdf, await response.body());
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(info).toMatch(size);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      for (const section of [
        "MLOps stack recommendation",
        "Summary",
        "Roadmap",
        "Lifecycle diagram",
        "Why each pick",
        "Action items",
        "Answers",
      ]) {
        expect(text).toContain(section);
      }
      expect(text).toContain(`Page 1 of ${pages}`);
      expect(text).toContain("Kubernetes");
      // The diagram's labels are text in the PDF, so it is vector, not a picture.
      expect(text).toMatch(/Adopt now[\s\S]*Next stage|Legend/);
      // Drawn by the server's diagram renderer into the print page's slot.
      expect(text).not.toContain("could not be drawn");
      execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", pdf, path.join(dir, "page")]);
      expect(statSync(path.join(dir, "page-01.png")).size).toBeGreaterThan(5_000);
    });
  }

  test("a JSON export and a wrong PDF format are answered properly", async ({ request }) => {
    const id = await createAssessment(request);
    const json = await request.get(`/r/${id}/report.json`);
    expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(((await json.json()) as { $schema: string }).$schema).toBe("/schemas/report.schema.json");
    const schema = await request.get("/schemas/report.schema.json");
    expect(schema.ok()).toBe(true);
    const bad = await request.get(`/r/${id}/report.pdf?format=tabloid`);
    expect(bad.status()).toBe(400);
  });
});

test("hostile tool names cannot change the diagram or inject markup when Mermaid renders it in Chromium", async ({
  page,
}) => {
  const data = hostileReport();
  const source = buildLifecycleDiagram(data.recommendation, data.phases);
  await page.setContent("<!doctype html><html><body><div id='out'></div></body></html>");
  await page.addScriptTag({ path: path.resolve("node_modules/mermaid/dist/mermaid.min.js") });
  const result = await page.evaluate(async (src) => {
    const mermaid = (
      window as unknown as {
        mermaid: {
          initialize: (c: object) => void;
          parse: (s: string) => Promise<unknown>;
          render: (id: string, s: string) => Promise<{ svg: string }>;
        };
      }
    ).mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    const parsed = await mermaid.parse(src);
    const { svg } = await mermaid.render("hostile", src);
    const out = document.getElementById("out")!;
    out.innerHTML = svg;
    const all = [...out.querySelectorAll("*")];
    return {
      parsed: Boolean(parsed),
      nodes: out.querySelectorAll("g.node").length,
      injected: out.querySelectorAll("img, script, iframe, object, embed, a, b, style:not(svg > style)").length,
      handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length,
      text: out.textContent ?? "",
    };
  }, source);
  expect(result.parsed).toBe(true);
  expect(result.injected).toBe(0);
  expect(result.handlers).toBe(0);
  const legend = (source.match(/^ {4}l\d\[/gm) ?? []).length;
  expect(result.nodes).toBe(countToolNodes(source) + legend);
  expect(result.text).toContain("<img src=x onerror=alert(1)>");
  expect(result.text).toContain("%%{init:");
});

test("Mermaid is not loaded on pages without a diagram", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() === "script") scripts.push(await response.text().catch(() => ""));
  });
  for (const url of ["/", "/catalog", "/assess", "/catalog/mlflow"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.some((s) => s.includes("flowchart-v2") || s.includes("mermaid-svg"))).toBe(false);
});
