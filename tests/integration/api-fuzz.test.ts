import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Questionnaire } from "../../src/domain/assessment/questionnaire-schema";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { loadRoute } from "../support/load-route";
import { answerAll } from "../support/questionnaire-answers";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Property-based fuzzing of every API endpoint, in process against a real seeded database: whatever arrives, the
 * answer is 2xx or 4xx, errors are JSON with a code and no stack trace, and a rejected write stores nothing.
 */
const RUNS = 1000;
type Handler = (request: Request, context?: unknown) => Promise<Response>;
let db: TestDatabase;
let questionnaire: Questionnaire;
const h: Record<string, Handler> = {};

beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  await seedFromContent(db.prisma);
  vi.stubEnv("RATE_LIMIT_WRITES_PER_MINUTE", "0");
  vi.stubEnv("RATE_LIMIT_EXPORTS_PER_MINUTE", "0");
  h.tools = (await loadRoute(db.url, () => import("../../src/app/api/v1/tools/route"))).GET;
  h.tool = (await import("../../src/app/api/v1/tools/[slug]/route")).GET as Handler;
  h.post = (await import("../../src/app/api/v1/assessments/route")).POST;
  h.assessment = (await import("../../src/app/api/v1/assessments/[id]/route")).GET as Handler;
  h.md = (await import("../../src/app/r/[id]/report.md/route")).GET as Handler;
  h.json = (await import("../../src/app/r/[id]/report.json/route")).GET as Handler;
  const q = (await import("../../src/app/api/v1/questionnaire/route")).GET;
  questionnaire = ((await (await q(new Request("http://localhost/q"))).json()) as { data: Questionnaire }).data;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db.dispose();
});

async function expectSafe(response: Response) {
  expect(response.status, "never a 5xx").toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await response.text();
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    expect(typeof body.error?.code).toBe("string");
    expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|prisma|sqlite|Error:/i);
  }
}

const paramName = fc.oneof(
  fc.constantFrom(
    "q",
    "phase",
    "cap",
    "license",
    "pricing",
    "hosting",
    "cloud",
    "k8s",
    "stage",
    "status",
    "sort",
    "limit",
    "offset",
  ),
  fc.string({ maxLength: 8 }),
);
const paramValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("aws", "1,2", "-1", "99999999999", "open-source", "%00", "../", "<script>", "name", "😀"),
);

describe("fuzzing the API", () => {
  test(`GET /api/v1/tools with ${RUNS} random query strings`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(paramName, paramValue), { maxLength: 6 }), async (pairs) => {
        const url = new URL("http://localhost/api/v1/tools");
        for (const [k, v] of pairs) url.searchParams.append(k, v);
        await expectSafe(await h.tools!(new Request(url)));
      }),
      { numRuns: RUNS },
    );
  });

  test(`GET one tool, one assessment and its exports with ${RUNS} random ids`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (id) => {
        await expectSafe(await h.tool!(new Request("http://localhost/t"), { params: Promise.resolve({ slug: id }) }));
        await expectSafe(await h.assessment!(new Request("http://localhost/a"), { params: Promise.resolve({ id }) }));
        await expectSafe(await h.md!(new Request("http://localhost/m"), { params: Promise.resolve({ id }) }));
        await expectSafe(await h.json!(new Request("http://localhost/j"), { params: Promise.resolve({ id }) }));
      }),
      { numRuns: RUNS },
    );
  });

  test(`POST /api/v1/assessments with ${RUNS} random bodies: rejected ones store nothing`, async () => {
    const questionIds = questionnaire.questions.map((q) => q.id);
    const valid = answerAll(questionnaire, 2);
    const body = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
      // Mostly-valid answer sets with one field mutated: the interesting boundary.
      fc
        .tuple(fc.constantFrom(...questionIds), fc.jsonValue())
        .map(([id, value]) => JSON.stringify({ answers: { ...valid, [id]: value } })),
      fc
        .dictionary(fc.oneof(fc.constantFrom(...questionIds), fc.string({ maxLength: 10 })), fc.jsonValue(), {
          maxKeys: 8,
        })
        .map((answers) => JSON.stringify({ answers })),
      fc
        .record(
          {
            answers: fc.constant(valid),
            parentId: fc.string({ maxLength: 30 }),
            questionnaireVersion: fc.string({ maxLength: 12 }),
          },
          { requiredKeys: ["answers"] },
        )
        .map((b) => JSON.stringify(b)),
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-8"),
        async (text, type) => {
          const before = await db.prisma.assessment.count();
          const response = await h.post!(
            new Request("http://localhost/api/v1/assessments", {
              method: "POST",
              headers: { "Content-Type": type },
              body: text,
            }),
          );
          const status = response.status;
          await expectSafe(response);
          const after = await db.prisma.assessment.count();
          expect(after - before).toBe(status === 201 ? 1 : 0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
