import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { buildLifecycleDiagram, countToolNodes } from "../../src/domain/report/mermaid";
import { hostileReport } from "../fixtures/hostile-report";
import { expectAccessible } from "./support/axe";

type Question = { id: string; kind: string; constraint?: string; options: { value: string; level?: number }[] };

/** A stage-2 team (small, no Kubernetes) or a stage-4 one (large, regulated, LLM work, Kubernetes). */
async function createAssessment(request: APIRequestContext, stage: 2 | 4 = 2): Promise<string> {
  const questionnaire = (await (await request.get("/api/v1/questionnaire")).json()) as {
    data: { questions: Question[] };
  };
  const level = stage === 2 ? 2 : 4;
  const context: Record<string, string> =
    stage === 2
      ? {
          kubernetes: "no",
          teamSize: "small",
          budget: "small",
          environments: "aws",
          licensePolicy: "any",
          training: "yes",
        }
      : {
          kubernetes: "yes",
          teamSize: "large",
          budget: "large",
          regulated: "yes",
          llmApplications: "yes",
          environments: "on-premises",
          training: "yes",
        };
  const answers: Record<string, unknown> = {};
  for (const q of questionnaire.data.questions) {
    if (q.kind === "tools") continue;
    if (q.constraint) {
      const wanted = context[q.constraint];
      const value = q.options.find((o) => o.value === wanted)?.value ?? q.options.at(-1)!.value;
      // A multi-choice context question (where the stack runs) takes a list.
      answers[q.id] = q.kind === "multi" ? [value] : value;
    } else if (q.kind === "scale") answers[q.id] = level;
    else if (q.kind === "multi") answers[q.id] = q.options.slice(0, level).map((o) => o.value);
    else
      answers[q.id] = [...q.options].sort(
        (a, b) => Math.abs((a.level ?? 0) - level) - Math.abs((b.level ?? 0) - level),
      )[0]!.value;
  }
  const response = await request.post("/api/v1/assessments", { data: { answers } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), "advisor-report-"));

async function drawnDiagram(page: Page) {
  const figure = page.locator("figure[data-diagram-state]");
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute("data-diagram-state", "ready", { timeout: 30_000 });
  return figure;
}

/** The drawing's size on screen, its label size (Mermaid draws 14-px labels at scale 1) and its columns, left to right. */
function measure(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector("figure[data-diagram-state] svg") as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const columns = [...svg.querySelectorAll("g.cluster")]
      .map((g) => ({
        x: g.getBoundingClientRect().x,
        y: g.getBoundingClientRect().y,
        text: g.textContent?.trim() ?? "",
      }))
      .filter((c) => c.text !== "");
    return {
      width: box.width,
      height: box.height,
      labelPx: 14 * scale,
      columns,
      pageWidth: document.documentElement.scrollWidth,
      scroller: (() => {
        const s = svg.closest(".diagram-scroll")!;
        return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth };
      })(),
    };
  });
}

test.describe("the lifecycle diagram", () => {
  for (const stage of [2, 4] as const) {
    test(`reads left to right and fits one screen at 1366 × 900 (stage-${stage} stack)`, async ({ page, request }) => {
      const id = await createAssessment(request, stage);
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`/r/${id}`);
      await drawnDiagram(page);
      const m = await measure(page);
      expect(m.height).toBeLessThanOrEqual(900);
      expect(m.width).toBeGreaterThanOrEqual(m.height);
      expect(m.labelPx).toBeGreaterThanOrEqual(12);
      expect(m.pageWidth).toBe(1366);
      // The lifecycle columns appear in lifecycle order, left to right on one row.
      const order = ["Data & features", "Experimentation", "Model management", "CI/CD/CT", "Serving", "Monitoring"];
      const lifecycle = order.map((name) => m.columns.find((c) => c.text.startsWith(name)));
      const present = lifecycle.filter((c): c is NonNullable<typeof c> => c !== undefined);
      expect(present.length).toBeGreaterThanOrEqual(5);
      expect(present.map((c) => c.x)).toEqual([...present.map((c) => c.x)].sort((a, b) => a - b));
      // Governance & security sits in a band under them.
      const governance = m.columns.find((c) => c.text.startsWith("Governance"));
      if (governance) expect(governance.y).toBeGreaterThan(Math.max(...present.map((c) => c.y)));
    });
  }

  test("on a phone it scrolls sideways at a readable size, opens full size, and reads in dark mode", async ({
    browser,
    request,
  }) => {
    const id = await createAssessment(request, 4);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`/r/${id}`);
    const figure = await drawnDiagram(page);
    const m = await measure(page);
    expect(m.labelPx).toBeGreaterThanOrEqual(12);
    expect(m.pageWidth).toBe(390); // the page itself does not scroll sideways
    expect(m.scroller.scrollWidth).toBeGreaterThan(m.scroller.clientWidth); // the drawing does
    // Dark mode: no white slab; frames take the page's colours.
    const colours = await page.evaluate(() => ({
      figure: getComputedStyle(document.querySelector("figure[data-diagram-state]")!).backgroundColor,
      frame: getComputedStyle(document.querySelector("figure[data-diagram-state] g.cluster rect")!).fill,
    }));
    expect(colours.figure).not.toBe("rgb(255, 255, 255)");
    expect(colours.frame).not.toBe("rgb(255, 255, 255)");
    await figure.getByRole("button", { name: "Open full size" }).click();
    const dialog = page.getByRole("dialog", { name: "Lifecycle diagram, full size" });
    await expect(dialog.locator("svg")).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(figure.locator("svg")).toBeVisible();
    await context.close();
  });

  test("draws one node per tool and job group, plus the legend, and the page stays accessible", async ({
    page,
    request,
  }) => {
    const id = await createAssessment(request, 2);
    await page.goto(`/r/${id}`);
    const figure = await drawnDiagram(page);
    const source = await figure.locator("pre").textContent();
    const legend = (source!.match(/^ {6}l\d\[/gm) ?? []).length;
    expect(await figure.locator("g.node").count()).toBe(countToolNodes(source!) + legend);
    await expectAccessible(page);
  });
});

test.describe("an architect takes the report away", () => {
  test("the page has jump links, at most five top actions that link to what closes them, and the exports", async ({
    page,
    request,
  }) => {
    const id = await createAssessment(request, 2);
    await page.goto(`/r/${id}`);
    const toc = page.getByRole("navigation", { name: "On this page" });
    for (const name of ["Summary", "Change plan", "Diagram", "Answers"])
      await expect(toc.getByRole("link", { name })).toBeVisible();
    await toc.getByRole("link", { name: "Change plan" }).click();
    await expect(page).toHaveURL(/#plan$/);
    const top = page.locator("#top-actions li");
    expect(await top.count()).toBeLessThanOrEqual(5);
    for (const link of await page.locator("#top-actions li a").all())
      expect(await link.getAttribute("href")).toMatch(/^#(plan|answer)-/);
    const exports = page.getByRole("navigation", { name: "Export" });
    for (const name of ["Markdown", "PDF (A4)", "PDF (Letter)", "JSON"])
      await expect(exports.getByRole("link", { name })).toBeVisible();
    await exports.getByText("Tech radar", { exact: true }).click();
    await expect(exports.getByRole("link", { name: "Build Your Own Radar (CSV)" })).toBeVisible();
  });

  test("the page shows progress while a PDF is prepared, then saves it", async ({ page, request }) => {
    const id = await createAssessment(request, 2);
    await page.goto(`/r/${id}`);
    const download = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("navigation", { name: "Export" }).getByRole("link", { name: "PDF (A4)" }).click();
    await expect(page.locator("[data-export-status]")).toContainText("Preparing the PDF (A4)");
    const file = await download;
    expect(file.suggestedFilename()).toBe(`mlops-stack-${id}-a4.pdf`);
    await expect(page.locator("[data-export-status]")).not.toContainText("Preparing");
  });

  test("exports Markdown with a Mermaid block, the permalink and tool links, from the download button", async ({
    page,
    request,
    baseURL,
  }) => {
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
    expect(markdown).toContain(`](${baseURL}/r/${id})`);
    expect(markdown).toMatch(new RegExp(`\\]\\(${baseURL!.replace(/[.:/]/g, "\\$&")}/catalog/[a-z0-9-]+\\)`));
    const lines = markdown.split("\n");
    expect(lines.filter((l) => /\\[!-/:-@[-`{-~]/.test(l)).length / lines.length).toBeLessThan(0.02);
    const response = await request.get(`/r/${id}/report.md`);
    expect(response.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(response.headers()["content-disposition"]).toContain("filename*=UTF-8''");
  });

  for (const [format, portrait, landscape] of [
    ["a4", /^59[45]\.\d+ x 841\.\d+/, /^841\.\d+ x 59[45]\.\d+/],
    ["letter", /^612 x 792/, /^792 x 612/],
  ] as const) {
    test(`exports a ${format} PDF: summary first, the diagram on a landscape page, no blank or heading-only page`, async ({
      request,
    }) => {
      const id = await createAssessment(request, 2);
      const response = await request.get(`/r/${id}/report.pdf?format=${format}`, { timeout: 60_000 });
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      const dir = tmp();
      const pdf = path.join(dir, "report.pdf");
      writeFileSync(pdf, await response.body());
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "40", pdf], { encoding: "utf8" });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeLessThanOrEqual(12);
      expect(info).toMatch(/Title:\s+MLOps stack recommendation — Stage 2/);
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(readFileSync(pdf).includes("/Outlines")).toBe(true);
      const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([^(]+)/g)].map((m) => m[2]!.trim());
      expect(sizes).toHaveLength(pages);

      /** Every heading the print document writes above a block (plan item headings stay inside their block). */
      const heading =
        /^(MLOps stack recommendation|Executive summary|Since the last assessment.*|Changes now|Find out first \(\d+\)|Top actions|Other unknowns \(\d+\)|Toss-ups|Constraints applied|Lifecycle diagram|Appendix: .*|(In place — keep|Now|Next|Later) \(\d+\)|Warnings|Tools left out|Action items|Answers)$/;
      let diagramPage = 0;
      for (let n = 1; n <= pages; n++) {
        const text = execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], {
          encoding: "utf8",
        });
        const lines = text
          .split("\n")
          .map((l) => l.trim())
          .filter((l) => l !== "" && !/^MLOps Stack Advisor\s+Page \d+ of \d+$/.test(l));
        // No blank page, no page that is only a heading, and no page that ends on a heading.
        expect(lines.length, `page ${n} has content`).toBeGreaterThan(3);
        expect(heading.test(lines.at(-1)!), `page ${n} ends on a heading: ${lines.at(-1)}`).toBe(false);
        expect(text).toContain(`Page ${n} of ${pages}`);
        if (lines[0] === "Lifecycle diagram") diagramPage = n;
      }
      // The executive summary takes at most two pages; the diagram has its own landscape page.
      expect(diagramPage).toBeGreaterThanOrEqual(2);
      expect(diagramPage).toBeLessThanOrEqual(3);
      expect(sizes[diagramPage - 1]).toMatch(landscape);
      expect(sizes[0]).toMatch(portrait);
      const diagramText = execFileSync("pdftotext", ["-f", String(diagramPage), "-l", String(diagramPage), pdf, "-"], {
        encoding: "utf8",
      });
      // Drawn as vector text by the server's renderer, with its legend.
      expect(diagramText).toMatch(/Legend[\s\S]*(Now|In place)/);
      expect(diagramText).not.toContain("could not be drawn");
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "50",
        "-f",
        String(diagramPage),
        "-l",
        String(diagramPage),
        "-singlefile",
        pdf,
        path.join(dir, "diagram-page"),
      ]);
      // -singlefile: one page, one name (pdftoppm otherwise pads the page number to the document's page count).
      const image = path.join(dir, "diagram-page.png");
      expect(statSync(image).size).toBeGreaterThan(5_000);
    });
  }

  test("JSON, radar exports and a wrong PDF format are answered properly", async ({ request, baseURL }) => {
    const id = await createAssessment(request);
    const json = await request.get(`/r/${id}/report.json`);
    expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(((await json.json()) as { $schema: string }).$schema).toBe(`${baseURL}/schemas/report.schema.json`);
    expect((await request.get("/schemas/report.schema.json")).ok()).toBe(true);
    const csv = await request.get(`/r/${id}/radar.csv`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n")[0]).toBe("name,ring,quadrant,isNew,description");
    const byor = (await (await request.get(`/r/${id}/radar.json`)).json()) as { ring: string }[];
    expect(byor.length).toBeGreaterThan(0);
    const backstage = (await (await request.get(`/r/${id}/backstage-radar.json`)).json()) as { quadrants: unknown[] };
    expect(backstage.quadrants).toHaveLength(4);
    expect((await request.get(`/r/${id}/report.pdf?format=tabloid`)).status()).toBe(400);
    expect((await request.get(`/r/${"A".repeat(24)}/radar.csv`)).status()).toBe(404);
  });
});

test("hostile tool names cannot change the diagram or inject markup when Mermaid renders it in Chromium", async ({
  page,
}) => {
  const data = hostileReport();
  const source = buildLifecycleDiagram(data.recommendation, data.phases, { layoutHints: true });
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
  const legend = (source.match(/^ {6}l\d\[/gm) ?? []).length;
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
