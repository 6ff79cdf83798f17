import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Questionnaire } from "../../src/domain/assessment/questionnaire-schema";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { loadRoute } from "../support/load-route";
import { answerAll } from "../support/questionnaire-answers";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** Real responses of every JSON endpoint, validated against the OpenAPI document the API publishes. */
type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: object;
};
let db: TestDatabase;
let doc: Doc;
let ajv: Ajv2020;
const routes: Record<string, (...args: never[]) => Promise<Response>> = {};

beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  await seedFromContent(db.prisma);
  const openapi = await loadRoute(db.url, () => import("../../src/app/api/v1/openapi.json/route"));
  doc = (await (await openapi.GET(new Request("http://localhost/api/v1/openapi.json"))).json()) as Doc;
  routes.tools = (await import("../../src/app/api/v1/tools/route")).GET;
  routes.tool = (await import("../../src/app/api/v1/tools/[slug]/route")).GET;
  routes.capabilities = (await import("../../src/app/api/v1/capabilities/route")).GET;
  routes.questionnaire = (await import("../../src/app/api/v1/questionnaire/route")).GET;
  routes.post = (await import("../../src/app/api/v1/assessments/route")).POST;
  routes.assessment = (await import("../../src/app/api/v1/assessments/[id]/route")).GET;
  routes.health = (await import("../../src/app/api/health/route")).GET;
  routes.radar = (await import("../../src/app/r/[id]/radar.json/route")).GET;
  routes.backstage = (await import("../../src/app/r/[id]/backstage-radar.json/route")).GET;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db.dispose();
});

async function expectValid(path: string, method: string, response: Response) {
  const spec = doc.paths[path]?.[method]?.responses[String(response.status)];
  expect(spec, `${method} ${path} ${response.status} is documented`).toBeDefined();
  const schema = spec?.content?.["application/json"]?.schema;
  expect(schema, "documented as JSON").toBeDefined();
  const validate = ajv.compile({ ...schema, components: doc.components });
  const body: unknown = await response.json();
  expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return body;
}

const call = (fn: (...args: never[]) => Promise<Response>, ...args: unknown[]) =>
  (fn as (...a: unknown[]) => Promise<Response>)(...args);

describe("the OpenAPI document", () => {
  test("is OpenAPI 3.1 and documents every endpoint", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/health",
        "/api/v1/assessments",
        "/api/v1/assessments/{id}",
        "/api/v1/capabilities",
        "/api/v1/questionnaire",
        "/api/v1/tools",
        "/api/v1/tools/{slug}",
        "/r/{id}/backstage-radar.json",
        "/r/{id}/radar.csv",
        "/r/{id}/radar.json",
        "/r/{id}/report.json",
        "/r/{id}/report.md",
        "/r/{id}/report.pdf",
      ].sort(),
    );
  });

  test("documents each tool's sources, freshness and review as named schemas", () => {
    const schemas = (doc.components as { schemas: Record<string, { properties?: Record<string, unknown> }> }).schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["Tool", "Source", "Freshness", "ToolReview"]));
    expect(Object.keys(schemas.Freshness?.properties ?? {}).sort()).toEqual(
      ["archived", "checked", "lastActivity", "latestRelease"].sort(),
    );
    expect(Object.keys(schemas.Tool?.properties ?? {})).toEqual(
      expect.arrayContaining(["sources", "lastReviewed", "reviewIntervalDays", "freshness", "review"]),
    );
  });

  test("real responses of every JSON endpoint match it", async () => {
    await expectValid(
      "/api/v1/tools",
      "get",
      await call(routes.tools!, new Request("http://localhost/api/v1/tools?limit=500")),
    );
    await expectValid(
      "/api/v1/tools",
      "get",
      await call(routes.tools!, new Request("http://localhost/api/v1/tools?cloud=mars")),
    );
    await expectValid(
      "/api/v1/tools/{slug}",
      "get",
      await call(routes.tool!, new Request("http://localhost/api/v1/tools/mlflow"), {
        params: Promise.resolve({ slug: "mlflow" }),
      }),
    );
    await expectValid(
      "/api/v1/tools/{slug}",
      "get",
      await call(routes.tool!, new Request("http://localhost/api/v1/tools/x"), {
        params: Promise.resolve({ slug: "x" }),
      }),
    );
    await expectValid(
      "/api/v1/capabilities",
      "get",
      await call(routes.capabilities!, new Request("http://localhost/api/v1/capabilities")),
    );
    const questionnaire = (await expectValid(
      "/api/v1/questionnaire",
      "get",
      await call(routes.questionnaire!, new Request("http://localhost/api/v1/questionnaire")),
    )) as { data: Questionnaire };
    const post = (body: unknown) =>
      call(
        routes.post!,
        new Request("http://localhost/api/v1/assessments", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    const created = (await expectValid(
      "/api/v1/assessments",
      "post",
      await post({ answers: answerAll(questionnaire.data, 2, {}, ["mlflow"]) }),
    )) as { id: string };
    await expectValid("/api/v1/assessments", "post", await post({ answers: { nope: 1 } }));
    await expectValid(
      "/api/v1/assessments/{id}",
      "get",
      await call(routes.assessment!, new Request("http://x"), { params: Promise.resolve({ id: created.id }) }),
    );
    await expectValid(
      "/api/v1/assessments/{id}",
      "get",
      await call(routes.assessment!, new Request("http://x"), { params: Promise.resolve({ id: "nope" }) }),
    );
    for (const [path, route] of [
      ["/r/{id}/radar.json", routes.radar!],
      ["/r/{id}/backstage-radar.json", routes.backstage!],
    ] as const) {
      await expectValid(
        path,
        "get",
        await call(route, new Request("http://x"), { params: Promise.resolve({ id: created.id }) }),
      );
      await expectValid(
        path,
        "get",
        await call(route, new Request("http://x"), { params: Promise.resolve({ id: "nope" }) }),
      );
    }
    await expectValid("/api/health", "get", await call(routes.health!, new Request("http://localhost/api/health")));
  });
});
