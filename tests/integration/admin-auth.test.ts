import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type * as MaintainerActions from "../../src/features/admin/actions/maintainer-actions";
import type * as DalModule from "../../src/server/auth/current-maintainer";
import type * as MaintainerRepository from "../../src/server/repositories/maintainer-repository";
import { authRequest, browserHeaders, cookieHeader, signIn, type AuthRoute } from "../support/admin-auth";
import { MAX_THROTTLE_KEY_LENGTH, SIGN_IN_THROTTLE } from "../../src/domain/auth/sign-in-throttle";
import { loadRoute } from "../support/load-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** Sign-in, sessions and their end, through the real /api/auth route and the data access layer, on a real database. */

// Every sign-in and password check hashes with scrypt at 128 MiB (about a second on a quiet core, many on a busy one).
vi.setConfig({ testTimeout: 120_000 });

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(request.headers) }));

const PASSWORD = "correct horse battery staple";

let db: TestDatabase;
let auth: AuthRoute;
let dal: typeof DalModule;
let maintainers: typeof MaintainerRepository;
let accountActions: typeof MaintainerActions;
let hash: string;
const actor = { id: null, label: "test" };

async function createAccount(email: string, role: "admin" | "editor" = "editor") {
  const result = await maintainers.createMaintainer({ email, name: email, role, passwordHash: hash }, actor);
  if (!result.ok) throw new Error("account exists");
  return result.maintainer;
}

const whoIs = (cookie: string) => dal.maintainerFromHeaders(browserHeaders(cookie));

beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  await loadRoute(db.url, async () => {
    auth = await import("../../src/app/api/auth/[...all]/route");
    dal = await import("../../src/server/auth/current-maintainer");
    maintainers = await import("../../src/server/repositories/maintainer-repository");
    accountActions = await import("../../src/features/admin/actions/maintainer-actions");
    hash = await (await import("../../src/server/auth/password-hash")).hashPassword(PASSWORD);
  });
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db.dispose();
});

describe("signing in", () => {
  test("sets an HttpOnly, SameSite=Lax session cookie, starts a new session each time, and never returns the token", async () => {
    const account = await createAccount("cookie@example.com");
    const first = await signIn(auth, "cookie@example.com", PASSWORD);
    expect(first.response.status).toBe(200);
    const setCookie = first.response.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(await first.response.json()).toEqual({ ok: true });
    const second = await signIn(auth, "cookie@example.com", PASSWORD);
    expect(second.cookie).not.toBe(first.cookie);
    expect(await db.prisma.session.count({ where: { userId: account.id } })).toBe(2);
    expect((await whoIs(first.cookie))?.email).toBe("cookie@example.com");
    // better-auth's own per-address limiter keeps its counts in the database, shared by every instance.
    expect(await db.prisma.rateLimit.count()).toBeGreaterThan(0);
  });

  test("answers an unknown email, a wrong password and a disabled account with the same message", async () => {
    const disabled = await createAccount("gone@example.com");
    await maintainers.updateMaintainer(disabled.id, { disabled: true }, actor, new Date());
    await createAccount("right@example.com");
    const answers = await Promise.all([
      signIn(auth, "nobody@example.com", PASSWORD, "10.2.0.1"),
      signIn(auth, "right@example.com", "wrong password entirely", "10.2.0.2"),
      signIn(auth, "gone@example.com", PASSWORD, "10.2.0.3"),
    ]);
    const bodies = await Promise.all(
      answers.map(async ({ response }) => ({ status: response.status, body: (await response.json()) as unknown })),
    );
    expect(bodies[0]).toEqual({
      status: 401,
      body: { error: { code: "invalid_credentials", message: "Invalid email or password." } },
    });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(answers.every((a) => a.cookie === "")).toBe(true);
  });

  test("repeated failures get 429 with Retry-After, even for the right password, and the delay grows", async () => {
    await createAccount("target@example.com");
    for (let i = 0; i < 5; i += 1) {
      const { response } = await signIn(auth, "target@example.com", `wrong-${i}-password`, "10.3.0.1");
      expect(response.status).toBe(401);
    }
    const locked = await signIn(auth, "target@example.com", PASSWORD, "10.3.0.1");
    expect(locked.response.status).toBe(429);
    const firstWait = Number(locked.response.headers.get("retry-after"));
    expect(firstWait).toBeGreaterThanOrEqual(1);
    expect(locked.cookie).toBe("");
    // Let the lock pass, then fail once more: the next lock is longer.
    await db.prisma.signInThrottle.updateMany({
      where: { key: "email:target@example.com" },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect((await signIn(auth, "target@example.com", "still-wrong-password", "10.3.0.2")).response.status).toBe(401);
    const again = await signIn(auth, "target@example.com", PASSWORD, "10.3.0.2");
    expect(again.response.status).toBe(429);
    expect(Number(again.response.headers.get("retry-after"))).toBeGreaterThan(firstWait);
  });

  test("a success clears the account's failure count", async () => {
    await createAccount("typo@example.com");
    for (let i = 0; i < 3; i += 1) await signIn(auth, "typo@example.com", "wrong password here", "10.4.0.1");
    expect((await signIn(auth, "typo@example.com", PASSWORD, "10.4.0.1")).response.status).toBe(200);
    expect(await db.prisma.signInThrottle.count({ where: { key: "email:typo@example.com" } })).toBe(0);
  });

  test("30 concurrent wrong passwords against one account: only the free allowance and one more are checked", async () => {
    await createAccount("burst@example.com");
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(auth, "burst@example.com", `wrong-${i}-password`, `10.7.0.${i + 1}`)),
    );
    const statuses = answers.map((a) => a.response.status);
    // 4 failures are free, the 5th must take the lock; everything else waits without a password check.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(SIGN_IN_THROTTLE.freeFailures.email);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - SIGN_IN_THROTTLE.freeFailures.email);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const row = await db.prisma.signInThrottle.findUniqueOrThrow({ where: { key: "email:burst@example.com" } });
    // Refused attempts were given back: the count is the number of passwords actually checked.
    expect(row.failures).toBe(statuses.filter((s) => s === 401).length);
    expect(row.lockedUntil).not.toBeNull();
  });

  test("a client-supplied X-Forwarded-For does not change the address a failure counts against", async () => {
    const free = SIGN_IN_THROTTLE.freeFailures.ip;
    const statuses: number[] = [];
    for (let i = 0; i < free + 4; i += 1) {
      const response = await auth.POST(
        authRequest("/sign-in/email", {
          body: { email: `spray-${i}@example.com`, password: "Spring2026!!" },
          ip: "10.8.0.1",
          forwardedFor: `198.51.100.${i}, ${"x".repeat(i * 300)}`,
        }),
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, free - 1).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(free)).toContain(429);
    const keys = await db.prisma.signInThrottle.findMany({ select: { key: true } });
    expect(keys.map((k) => k.key).filter((k) => k.startsWith("ip:") && k.includes("198.51.100"))).toEqual([]);
    expect(Math.max(...keys.map((k) => k.key.length))).toBeLessThanOrEqual(MAX_THROTTLE_KEY_LENGTH);
  }, 90_000);

  test("an email or address of the wrong shape is never stored as a key", async () => {
    const long = "x".repeat(8003);
    const response = await auth.POST(
      authRequest("/sign-in/email", { body: { email: `${long.slice(0, 300)}`, password: "irrelevant" }, ip: long }),
    );
    expect(response.status).toBe(401);
    expect(await db.prisma.signInThrottle.count({ where: { key: { contains: "xxxx" } } })).toBe(0);
  });

  test("counters quiet for longer than the forget period are deleted", async () => {
    const old = new Date(Date.now() - (SIGN_IN_THROTTLE.forgetAfterSeconds + 60) * 1000);
    await db.prisma.signInThrottle.create({
      data: { key: "email:long-gone@example.com", failures: 3, lastFailureAt: old, lockedUntil: null },
    });
    await signIn(auth, "nobody-at-all@example.com", "wrong password here", "10.8.1.1");
    expect(await db.prisma.signInThrottle.count({ where: { key: "email:long-gone@example.com" } })).toBe(0);
  });

  test("refuses a sign-in posted from another site, and every endpoint outside the allow-list", async () => {
    await createAccount("csrf@example.com");
    const crossSite = await auth.POST(
      authRequest("/sign-in/email", {
        body: { email: "csrf@example.com", password: PASSWORD },
        origin: "https://evil.example",
      }),
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.getSetCookie()).toEqual([]);
    const signUp = await auth.POST(
      authRequest("/sign-up/email", { body: { email: "x@example.com", password: PASSWORD, name: "x" } }),
    );
    expect(signUp.status).toBe(404);
    expect(await db.prisma.user.count({ where: { email: "x@example.com" } })).toBe(0);
    const reset = await auth.POST(authRequest("/request-password-reset", { body: { email: "csrf@example.com" } }));
    expect(reset.status).toBe(404);
    const { cookie } = await signIn(auth, "csrf@example.com", PASSWORD, "10.6.0.1");
    const session = await auth.GET(authRequest("/get-session", { cookie }));
    expect(session.status).toBe(404);
    expect(await session.text()).not.toContain("token");
  });
});

describe("ending sessions", () => {
  test("sign-out deletes the session: the old cookie no longer works", async () => {
    await createAccount("out@example.com");
    const { cookie } = await signIn(auth, "out@example.com", PASSWORD);
    expect(await whoIs(cookie)).not.toBeNull();
    const response = await auth.POST(authRequest("/sign-out", { body: {}, cookie }));
    expect(response.status).toBe(200);
    expect(cookieHeader(response)).toBe("");
    expect(await whoIs(cookie)).toBeNull();
  });

  test("a sign-out from another site is refused and the session survives", async () => {
    await createAccount("keep@example.com");
    const { cookie } = await signIn(auth, "keep@example.com", PASSWORD);
    const response = await auth.POST(authRequest("/sign-out", { body: {}, cookie, origin: "https://evil.example" }));
    expect(response.status).toBe(403);
    expect(await whoIs(cookie)).not.toBeNull();
  });

  test("an idle session ends, and so does one past its absolute lifetime", async () => {
    const account = await createAccount("idle@example.com");
    const idle = await signIn(auth, "idle@example.com", PASSWORD);
    const old = await signIn(auth, "idle@example.com", PASSWORD);
    const [a, b] = await db.prisma.session.findMany({ where: { userId: account.id }, orderBy: { createdAt: "asc" } });
    await db.prisma.session.update({ where: { id: a!.id }, data: { updatedAt: new Date(Date.now() - 61 * 60_000) } });
    await db.prisma.session.update({ where: { id: b!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await whoIs(idle.cookie)).toBeNull();
    expect(await whoIs(old.cookie)).toBeNull();
    expect(await db.prisma.session.count({ where: { userId: account.id } })).toBe(0);
  });

  test("use keeps a session alive: the idle clock restarts", async () => {
    const account = await createAccount("busy@example.com");
    const { cookie } = await signIn(auth, "busy@example.com", PASSWORD);
    await db.prisma.session.updateMany({
      where: { userId: account.id },
      data: { updatedAt: new Date(Date.now() - 50 * 60_000) },
    });
    expect(await whoIs(cookie)).not.toBeNull();
    const row = await db.prisma.session.findFirstOrThrow({ where: { userId: account.id } });
    expect(Date.now() - row.updatedAt.getTime()).toBeLessThan(60_000);
  });

  test("changing your password ends every session of the account, this one included", async () => {
    await createAccount("pw@example.com");
    const here = await signIn(auth, "pw@example.com", PASSWORD);
    const elsewhere = await signIn(auth, "pw@example.com", PASSWORD);
    request.headers = browserHeaders(here.cookie);
    const wrong = await accountActions.changeOwnPasswordAction({
      currentPassword: "not it at all",
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(wrong).toMatchObject({ ok: false, code: "invalid", fieldErrors: { currentPassword: ["is not right"] } });
    expect(await whoIs(elsewhere.cookie)).not.toBeNull();
    const result = await accountActions.changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(result.ok).toBe(true);
    expect(await whoIs(here.cookie)).toBeNull();
    expect(await whoIs(elsewhere.cookie)).toBeNull();
    expect((await signIn(auth, "pw@example.com", PASSWORD, "10.5.0.1")).response.status).toBe(401);
    expect((await signIn(auth, "pw@example.com", "a brand new passphrase", "10.5.0.1")).response.status).toBe(200);
  });

  test("wrong current passwords earn growing delays on a password change too", async () => {
    await createAccount("pwguess@example.com");
    request.headers = browserHeaders((await signIn(auth, "pwguess@example.com", PASSWORD, "10.5.1.1")).cookie);
    const attempt = () =>
      accountActions.changeOwnPasswordAction({
        currentPassword: "a wrong guess here",
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      });
    for (let i = 0; i < SIGN_IN_THROTTLE.freeFailures.password; i += 1) {
      expect(await attempt()).toMatchObject({ ok: false, code: "invalid" });
    }
    const refused = await attempt();
    expect(refused).toMatchObject({ ok: false, code: "refused" });
    expect(refused.ok ? [] : refused.fieldErrors?.currentPassword).toEqual([
      expect.stringMatching(/^was wrong too often; try again in \d+ seconds?$/),
    ]);
    // Even the right password waits while the lock holds.
    const right = await accountActions.changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(right).toMatchObject({ ok: false, code: "refused" });
  });

  test.each([
    ["aaaaaaaaaaaa", /^is too easy to guess \(repeated characters/],
    ["password1234", /^is too easy to guess \(this is similar to a commonly used password\)/],
    ["pwweak@example.com", /^is too easy to guess/],
    ["short", /^must be at least 12 characters$/],
  ])("a new password %j is refused, naming the field", async (newPassword, message) => {
    const email = "pwweak@example.com";
    if (!(await db.prisma.user.findUnique({ where: { email } }))) await createAccount(email);
    request.headers = browserHeaders((await signIn(auth, email, PASSWORD, "10.5.2.1")).cookie);
    const result = await accountActions.changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.ok ? [] : result.fieldErrors?.newPassword).toEqual([expect.stringMatching(message)]);
    expect((await signIn(auth, email, PASSWORD, "10.5.2.1")).response.status).toBe(200);
  });

  test("disabling an account or changing its role signs it out at once; the last admin cannot be removed", async () => {
    const admin = await createAccount("boss@example.com", "admin");
    const editor = await createAccount("worker@example.com");
    const { cookie } = await signIn(auth, "worker@example.com", PASSWORD);
    request.headers = browserHeaders((await signIn(auth, "boss@example.com", PASSWORD)).cookie);
    expect(await accountActions.changeRoleAction({ id: editor.id, role: "admin" })).toMatchObject({ ok: true });
    expect(await whoIs(cookie)).toBeNull();
    const again = await signIn(auth, "worker@example.com", PASSWORD);
    expect((await whoIs(again.cookie))?.role).toBe("admin");
    expect(await accountActions.setDisabledAction({ id: editor.id, disabled: "true" })).toMatchObject({ ok: true });
    expect(await whoIs(again.cookie)).toBeNull();
    expect(await accountActions.setDisabledAction({ id: admin.id, disabled: "true" })).toMatchObject({
      ok: false,
      code: "refused",
    });
    const audit = await db.prisma.auditLog.findMany({
      where: { entityType: "maintainer", entityId: editor.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "disable"]);
    expect(JSON.stringify(audit)).not.toMatch(/scrypt\$/);
  });
});

describe("local development over http", () => {
  test("the session cookie has no prefix and no Secure flag, so a browser on http://localhost keeps it", async () => {
    await createAccount("local@example.com");
    const { response } = await signIn(auth, "local@example.com", PASSWORD, "10.9.1.1");
    const setCookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(setCookie).toMatch(/^advisor\.session_token=/);
    expect(setCookie).not.toMatch(/; Secure/i);
  });
});

describe("production cookies", () => {
  test("are Secure and carry the __Host- prefix: Path=/, no Domain", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("BETTER_AUTH_SECRET", "a-test-secret-that-is-long-enough-0123456789");
    vi.stubEnv("BETTER_AUTH_URL", "https://advisor.example");
    delete (globalThis as { advisorAuth?: unknown }).advisorAuth;
    const prod = await loadRoute(db.url, async () => ({
      auth: await import("../../src/app/api/auth/[...all]/route"),
      repo: await import("../../src/server/repositories/maintainer-repository"),
    }));
    await prod.repo.createMaintainer(
      { email: "secure@example.com", name: "S", role: "editor", passwordHash: hash },
      actor,
    );
    const { response } = await signIn(prod.auth, "secure@example.com", PASSWORD, "10.9.0.1");
    expect(response.status, await response.clone().text()).toBe(200);
    const setCookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(setCookie).toMatch(/^__Host-advisor\.session_token=/);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; Path=\/(;|$)/);
    expect(setCookie).not.toMatch(/Domain=/i);
    // The __Host- cookie is the one the data access layer reads back.
    const cookie = cookieHeader(response);
    const prodDal = await import("../../src/server/auth/current-maintainer");
    expect((await prodDal.maintainerFromHeaders(browserHeaders(cookie)))?.email).toBe("secure@example.com");
    delete (globalThis as { advisorAuth?: unknown }).advisorAuth;
  });
});
