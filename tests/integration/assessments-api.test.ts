import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Questionnaire } from "../../src/domain/assessment/questionnaire-schema";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { loadRoute } from "../support/load-route";
import { answerAll } from "../support/questionnaire-answers";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let post: (request: Request) => Promise<Response>;
let getOne: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let questionnaire: Questionnaire;

beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  await seedFromContent(db.prisma);
  post = (await loadRoute(db.url, () => import("../../src/app/api/v1/assessments/route"))).POST;
  getOne = (await import("../../src/app/api/v1/assessments/[id]/route")).GET;
  const qRoute = (await import("../../src/app/api/v1/questionnaire/route")).GET;
  questionnaire = (
    (await (await qRoute(new Request("http://localhost/api/v1/questionnaire"))).json()) as { data: Questionnaire }
  ).data;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db.dispose();
});

const submit = (body: unknown, headers: Record<string, string> = {}) =>
  post(
    new Request("http://localhost/api/v1/assessments", {
      method: "POST",
      headers: { "Content-Type": "application/json", host: "localhost", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

type Created = {
  id: string;
  url: string;
  questionnaireVersion: string;
  profile: { stage: number; dimensions: { slug: string; score: number }[] };
};
type ErrorBody = { error: { code: string; issues?: { path: string; message: string }[] } };

describe("POST /api/v1/assessments", () => {
  test("saves valid answers and answers 201 with Location, an unguessable id and the scores", async () => {
    const response = await submit({ answers: answerAll(questionnaire, 2, {}, ["jenkins"]) });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Created;
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{24}$/); // 144 random bits
    expect(response.headers.get("location")).toBe(`/api/v1/assessments/${body.id}`);
    expect(body.url).toBe(`/r/${body.id}`);
    expect(body.questionnaireVersion).toBe(questionnaire.version);
    expect(body.profile.stage).toBe(2);
    // The stack is not stored, so the write does not compute it: GET Location does.
    expect(body).not.toHaveProperty("recommendation");
    expect(await db.prisma.assessment.count({ where: { id: body.id } })).toBe(1);
  });

  test.each<[string, unknown, number, string]>([
    ["an unknown question", { answers: { ...{}, "made-up": "x" } }, 400, "answers.made-up"],
    ["a wrong option", { answers: { ownership: "everyone" } }, 400, "answers.ownership"],
    ["an extra top-level field", { answers: {}, admin: true }, 400, ""],
    ["an old questionnaire version", { answers: {}, questionnaireVersion: "2020.01.1" }, 422, "questionnaireVersion"],
    ["a parent that does not exist", { answers: {}, parentId: "AAAAAAAAAAAAAAAAAAAAAAAA" }, 422, "parentId"],
  ])("rejects %s with a path, and stores nothing", async (_label, body, status, path) => {
    const before = await db.prisma.assessment.count();
    const response = await submit(body);
    expect(response.status).toBe(status);
    const error = (await response.json()) as ErrorBody;
    expect(error.error.issues?.map((i) => i.path)).toContain(path);
    expect(JSON.stringify(error)).not.toMatch(/at .*\.ts|node_modules|prisma/i);
    expect(await db.prisma.assessment.count()).toBe(before);
  });

  test("a missing required answer is reported at that question", async () => {
    const answers = answerAll(questionnaire, 3);
    delete answers["data-versioning"];
    const response = await submit({ answers });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.issues).toEqual([
      { path: "answers.data-versioning", message: "is required" },
    ]);
  });

  test.each<[string, () => Promise<Response>, number, string]>([
    ["malformed JSON", () => submit("{not json"), 400, "invalid_json"],
    [
      "a non-JSON content type",
      () =>
        post(
          new Request("http://localhost/api/v1/assessments", {
            method: "POST",
            headers: { "Content-Type": "text/plain" },
            body: "{}",
          }),
        ),
      415,
      "unsupported_media_type",
    ],
    ["an oversized body", () => submit({ answers: { x: "y".repeat(70_000) } }), 413, "payload_too_large"],
    [
      "a cross-site browser request",
      () => submit({ answers: {} }, { origin: "https://evil.example" }),
      403,
      "cross_site",
    ],
  ])("refuses %s", async (_label, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(((await response.json()) as ErrorBody).error.code).toBe(code);
  });
});

describe("GET /api/v1/assessments/{id}", () => {
  test("returns the saved answers, scores and the recommended stack, privately", async () => {
    const created = (await (await submit({ answers: answerAll(questionnaire, 4) })).json()) as Created;
    const response = await getOne(new Request(`http://localhost/api/v1/assessments/${created.id}`), {
      params: Promise.resolve({ id: created.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as Created & {
      answers: Record<string, unknown>;
      recommendation: { stage: number; items: unknown[] };
    };
    expect(body.profile).toEqual(created.profile);
    expect(body.answers.ownership).toBeDefined();
    expect(body.recommendation.stage).toBe(created.profile.stage);
    expect(body.recommendation.items.length).toBeGreaterThan(0);
  });

  test("an edited assessment records its parent, and the parent stays readable", async () => {
    const parent = (await (await submit({ answers: answerAll(questionnaire, 1) })).json()) as Created;
    const child = (await (
      await submit({ answers: answerAll(questionnaire, 3), parentId: parent.id })
    ).json()) as Created & { parentId: string };
    expect(child.parentId).toBe(parent.id);
    const again = await getOne(new Request("http://x"), { params: Promise.resolve({ id: parent.id }) });
    expect(((await again.json()) as Created).profile.stage).toBe(parent.profile.stage);
  });

  test.each(["nope", "AAAAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd"])("%s is a JSON 404", async (id) => {
    const response = await getOne(new Request("http://x"), { params: Promise.resolve({ id }) });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe("not_found");
  });
});
