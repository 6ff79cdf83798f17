import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { loadRoute } from "../support/load-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let list: (request: Request) => Promise<Response>;
let one: (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;

beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  await seedFromContent(db.prisma);
  list = (await loadRoute(db.url, () => import("../../src/app/api/v1/tools/route"))).GET;
  one = (await import("../../src/app/api/v1/tools/[slug]/route")).GET;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db.dispose();
});

type ToolsBody = {
  data: { slug: string; capabilities: { primary: string[] }; integrations: string[]; clouds: string[] }[];
  meta: { total: number; limit: number; offset: number };
  links: { next: string | null };
};

const get = async (path: string) => {
  const response = await list(new Request(`http://localhost${path}`));
  return {
    response,
    body: (await response.json()) as ToolsBody & { error?: { code: string; issues: { path: string }[] } },
  };
};

describe("GET /api/v1/tools", () => {
  test("lists every tool with all its fields, capabilities and integrations as slugs, cacheable", async () => {
    const { response, body } = await get("/api/v1/tools?limit=500");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(body.meta.total).toBe(await db.prisma.tool.count());
    expect(body.data).toHaveLength(body.meta.total);
    const mlflow = body.data.find((t) => t.slug === "mlflow");
    expect(mlflow?.capabilities.primary).toContain("experiment-tracking");
    expect(mlflow?.integrations.length).toBeGreaterThan(3);
    expect(mlflow).not.toHaveProperty("id");
  });

  test("applies the catalog filters from the query string", async () => {
    const { body } = await get("/api/v1/tools?cap=feature-store&cloud=aws&limit=500");
    expect(body.data.length).toBeGreaterThan(0);
    for (const tool of body.data) {
      expect(
        tool.capabilities.primary.concat(
          (tool as unknown as { capabilities: { secondary: string[] } }).capabilities.secondary,
        ),
      ).toContain("feature-store");
      expect(tool.clouds.some((c) => c === "aws" || c === "any")).toBe(true);
    }
  });

  test("paginates with limit and offset and links to the next page", async () => {
    const first = await get("/api/v1/tools?limit=10");
    expect(first.body.data).toHaveLength(10);
    expect(first.body.links.next).toBe("/api/v1/tools?limit=10&offset=10");
    const second = await get(first.body.links.next!);
    expect(second.body.data[0]?.slug).not.toBe(first.body.data[0]?.slug);
    expect(second.body.meta.offset).toBe(10);
  });

  test.each([
    ["/api/v1/tools?cloud=mars", "cloud"],
    ["/api/v1/tools?stage=7", "stage"],
    ["/api/v1/tools?limit=abc", "limit"],
    ["/api/v1/tools?limit=0", "limit"],
    ["/api/v1/tools?sort=chaos", "sort"],
  ])("%s is a 400 naming the parameter", async (path, param) => {
    const { response, body } = await get(path);
    expect(response.status).toBe(400);
    expect(body.error?.code).toBe("invalid_query");
    expect(body.error?.issues.map((i) => i.path)).toContain(param);
  });
});

describe("GET /api/v1/tools/{slug}", () => {
  test("returns one tool, or a JSON 404", async () => {
    const found = await one(new Request("http://localhost/api/v1/tools/kserve"), {
      params: Promise.resolve({ slug: "kserve" }),
    });
    expect(found.status).toBe(200);
    expect(((await found.json()) as { data: { name: string } }).data.name).toBe("KServe");
    const missing = await one(new Request("http://localhost/api/v1/tools/nope"), {
      params: Promise.resolve({ slug: "nope" }),
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: 'No tool with slug "nope".' } });
  });

  test("carries its dated sources, its freshness and how current it is today", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-03T12:00:00Z"), toFake: ["Date"] });
    try {
      const tool = await db.prisma.tool.findUniqueOrThrow({ where: { slug: "kserve" } });
      const freshness = {
        checked: "2026-12-01",
        latestRelease: { version: "v0.16.0", date: "2026-10-02" },
        lastActivity: "2026-11-30",
        archived: false,
      };
      await db.prisma.tool.update({
        where: { id: tool.id },
        data: { freshness, lastReviewed: new Date("2025-06-01T00:00:00Z"), reviewIntervalDays: null },
      });
      // A new revision, as every catalog write records, so the route's catalog cache reloads.
      await db.prisma.auditLog.create({
        data: { actorLabel: "test", action: "update", entityType: "tool", entityId: tool.id, summary: "test" },
      });
      const response = await one(new Request("http://localhost/api/v1/tools/kserve"), {
        params: Promise.resolve({ slug: "kserve" }),
      });
      const { data } = (await response.json()) as {
        data: { sources: unknown[]; freshness: unknown; review: Record<string, unknown> };
      };
      expect(Array.isArray(data.sources)).toBe(true);
      expect(data.freshness).toEqual(freshness);
      expect(data.review).toMatchObject({ dueOn: expect.stringMatching(/^2026-/) as string, isOutOfDate: true });
      expect(data.review.undatedFacts).toEqual(expect.any(Array));
    } finally {
      vi.useRealTimers();
    }
  });
});
