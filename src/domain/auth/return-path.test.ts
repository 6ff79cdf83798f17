import { describe, expect, test } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  test.each([
    ["/admin", "/admin"],
    ["/admin/tools", "/admin/tools"],
    ["/admin/tools/mlflow?tab=history#v3", "/admin/tools/mlflow?tab=history#v3"],
    ["/admin/tools/./mlflow", "/admin/tools/mlflow"],
    ["/admin/tools/../audit", "/admin/audit"],
    ["/admin/tools/%2e%2e/audit", "/admin/audit"],
  ])("keeps the admin path %s as %s", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  test.each([
    // The audit's finding: resolves to //evil.example, a protocol-relative URL.
    "/admin/../..//evil.example",
    "/admin/..//evil.example",
    "//evil.example",
    "//evil.example/admin",
    "/\\evil.example",
    "/admin/\\..\\..\\\\evil.example",
    "\\\\evil.example",
    "/admin/%2e%2e/%2e%2e//evil.example",
    "/admin/%2E%2E/%2e%2E/%2fevil.example",
    "/admin/%2f%2fevil.example",
    "/admin/..%2f..%2f%2fevil.example",
    "/admin/%5cevil.example",
    "/admin/.%2e/.%2e/catalog",
    "/admin/../catalog",
    "/administrator",
    "/catalog",
    "https://evil.example/admin",
    "http:/evil.example/admin",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    " /admin",
    "/admin\t/tools",
    "/admin\n//evil.example",
    "",
    `/admin/${"a".repeat(600)}`,
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
  });

  test.each([undefined, null, 42, ["/admin/tools", "/admin/audit"]])(
    "refuses a value that is not one string: %j",
    (v) => {
      expect(safeReturnPath(v)).toBe(DEFAULT_RETURN_PATH);
    },
  );

  test("whatever it returns resolves to this origin, under /admin", () => {
    const hostile = ["/admin/../..//evil.example", "/admin/%2e%2e//x", "/admin/tools", "/\\x", "//x"];
    for (const value of hostile) {
      const resolved = new URL(safeReturnPath(value), "https://advisor.example");
      expect(resolved.origin).toBe("https://advisor.example");
      expect(resolved.pathname.startsWith("/admin")).toBe(true);
    }
  });
});
