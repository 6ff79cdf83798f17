import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Role } from "../../src/domain/auth/roles";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { browserHeaders, signIn } from "../support/admin-auth";
import { loadRoute } from "../support/load-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Every admin server action and every admin route handler, found by listing the files (a new one cannot slip past),
 * refuses an anonymous caller, refuses an editor where only admins may act, and refuses a cross-site request, before
 * it reads its input or touches the database.
 */

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: () => Promise.resolve(request.headers),
  cookies: () =>
    Promise.resolve({
      get: () => undefined,
      getAll: () => [],
      has: () => false,
      set: () => undefined,
      delete: () => undefined,
    }),
}));

const ACTION_MODULES = import.meta.glob<Record<string, unknown>>("../../src/features/admin/actions/*-actions.ts");
const ROUTE_MODULES = import.meta.glob<Record<string, unknown>>("../../src/app/api/admin/**/route.ts");

/** The role each action needs. A new action must be added here, or the completeness test fails. */
const ACTION_ROLES: Record<string, Role> = {
  "tool-actions.createToolAction": "editor",
  "tool-actions.updateToolAction": "editor",
  "tool-actions.retireToolAction": "editor",
  "tool-actions.deleteToolAction": "editor",
  "tool-actions.restoreVersionAction": "editor",
  "category-actions.savePhaseAction": "editor",
  "category-actions.deletePhaseAction": "editor",
  "category-actions.saveCapabilityAction": "editor",
  "category-actions.deleteCapabilityAction": "editor",
  "import-actions.previewImportAction": "editor",
  "import-actions.applyImportAction": "editor",
  "audit-actions.auditDiffAction": "editor",
  "maintainer-actions.changeOwnPasswordAction": "editor",
  "maintainer-actions.createMaintainerAction": "admin",
  "maintainer-actions.changeRoleAction": "admin",
  "maintainer-actions.setDisabledAction": "admin",
  "maintainer-actions.resetPasswordAction": "admin",
};

/** The role each route handler (file + method) needs. */
const ROUTE_ROLES: Record<string, Role> = {
  "export GET": "editor",
};

type Action = (input: unknown) => Promise<{ ok: boolean; code?: string }>;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let db: TestDatabase;
let actions: Map<string, Action>;
let routes: Map<string, Handler>;
let editorCookie: string;
let adminCookie: string;
let editorId: string;
let adminId: string;

/** Valid input for admin-only actions, so a refusal cannot be a validation error in disguise. */
function validInput(name: string): unknown {
  switch (name) {
    case "maintainer-actions.createMaintainerAction":
      return { email: "new-person@example.com", name: "New Person", role: "admin" };
    case "maintainer-actions.changeRoleAction":
      return { id: editorId, role: "admin" };
    case "maintainer-actions.setDisabledAction":
      return { id: adminId, disabled: "true" };
    case "maintainer-actions.resetPasswordAction":
      return { id: adminId };
    default:
      return {};
  }
}

async function databaseState() {
  const [audit, users, sessions, accounts] = await Promise.all([
    db.prisma.auditLog.count(),
    db.prisma.user.findMany({ select: { id: true, role: true, disabledAt: true }, orderBy: { id: "asc" } }),
    db.prisma.session.count(),
    db.prisma.account.findMany({ select: { password: true }, orderBy: { id: "asc" } }),
  ]);
  return { audit, users, sessions, accounts };
}

beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  await seedFromContent(db.prisma, path.resolve("content"));
  const loaded = await loadRoute(db.url, async () => {
    const actionEntries: [string, Action][] = [];
    for (const [file, load] of Object.entries(ACTION_MODULES)) {
      const exports = await load();
      const base = path.basename(file, ".ts");
      for (const [name, value] of Object.entries(exports))
        if (typeof value === "function") actionEntries.push([`${base}.${name}`, value as Action]);
    }
    const routeEntries: [string, Handler][] = [];
    for (const [file, load] of Object.entries(ROUTE_MODULES)) {
      const exports = await load();
      const name = path.dirname(file).split("/api/admin/")[1]!;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof exports[method] === "function") routeEntries.push([`${name} ${method}`, exports[method] as Handler]);
      }
    }
    return {
      actions: new Map(actionEntries),
      routes: new Map(routeEntries),
      auth: await import("../../src/app/api/auth/[...all]/route"),
      maintainers: await import("../../src/server/repositories/maintainer-repository"),
      passwords: await import("../../src/server/auth/password-hash"),
    };
  });
  actions = loaded.actions;
  routes = loaded.routes;
  const actor = { id: null, label: "test" };
  const hash = await loaded.passwords.hashPassword("correct horse battery staple");
  const editor = await loaded.maintainers.createMaintainer(
    { email: "editor@example.com", name: "Ed", role: "editor", passwordHash: hash },
    actor,
  );
  const admin = await loaded.maintainers.createMaintainer(
    { email: "admin@example.com", name: "Ada", role: "admin", passwordHash: hash },
    actor,
  );
  if (!editor.ok || !admin.ok) throw new Error("could not create test maintainers");
  editorId = editor.maintainer.id;
  adminId = admin.maintainer.id;
  editorCookie = (await signIn(loaded.auth, "editor@example.com", "correct horse battery staple")).cookie;
  adminCookie = (await signIn(loaded.auth, "admin@example.com", "correct horse battery staple")).cookie;
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db.dispose();
});

describe("the list of admin entry points", () => {
  test("every exported action and route handler has a stated role (and nothing stated is missing)", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTION_ROLES).sort());
    expect([...routes.keys()].sort()).toEqual(Object.keys(ROUTE_ROLES).sort());
    expect(editorCookie).toMatch(/session_token=/);
    expect(adminCookie).toMatch(/session_token=/);
  });
});

describe("server actions", () => {
  test.each(Object.keys(ACTION_ROLES))("%s refuses an anonymous caller and changes nothing", async (name) => {
    const before = await databaseState();
    request.headers = browserHeaders();
    const result = await actions.get(name)!(validInput(name));
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await databaseState()).toEqual(before);
  });

  test.each(Object.keys(ACTION_ROLES))(
    "%s refuses a forged cross-site request even with a valid session",
    async (name) => {
      const before = await databaseState();
      request.headers = browserHeaders(adminCookie, "https://evil.example");
      const result = await actions.get(name)!(validInput(name));
      expect(result).toMatchObject({ ok: false, code: "cross_site" });
      expect(await databaseState()).toEqual(before);
    },
  );

  const adminOnly = Object.entries(ACTION_ROLES)
    .filter(([, role]) => role === "admin")
    .map(([name]) => name);
  test.each(adminOnly)("%s refuses an editor, even with valid input", async (name) => {
    const before = await databaseState();
    request.headers = browserHeaders(editorCookie);
    const result = await actions.get(name)!(validInput(name));
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await databaseState()).toEqual(before);
  });

  const editorActions = Object.entries(ACTION_ROLES)
    .filter(([, role]) => role === "editor")
    .map(([name]) => name);
  test.each(editorActions)("%s lets an editor through to input validation", async (name) => {
    request.headers = browserHeaders(editorCookie);
    const result = await actions.get(name)!({});
    expect(result).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("route handlers", () => {
  const call = (key: string, cookie?: string, origin?: string) => {
    const [name, method] = key.split(" ") as [string, string];
    const headers = browserHeaders(cookie, origin);
    return routes.get(key)!(new Request(`http://localhost:3000/api/admin/${name}`, { method, headers }), {
      params: Promise.resolve({}),
    });
  };

  test.each(Object.keys(ROUTE_ROLES))("%s answers 401 to an anonymous caller", async (key) => {
    const response = await call(key);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  test.each(Object.entries(ROUTE_ROLES))("%s lets the right role through (needs %s)", async (key, role) => {
    const response = await call(key, role === "admin" ? adminCookie : editorCookie);
    expect(response.status).toBe(200);
  });

  test("a cookie that is not a session is anonymous", async () => {
    const response = await call("export GET", "advisor.session_token=forged.value");
    expect(response.status).toBe(401);
  });
});
