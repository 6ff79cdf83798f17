import { expect, test } from "vitest";
import { CHROMIUM_ARGS, serverChromiumArgs } from "./chromium-args";

test("the server's Chromium keeps its sandbox unless the server runs as root, where Chromium cannot have it", () => {
  const unprivileged = serverChromiumArgs(1000);
  expect(unprivileged.sandboxed).toBe(true);
  expect(unprivileged.args).not.toContain("--no-sandbox");
  expect(serverChromiumArgs(undefined).sandboxed).toBe(true);
  const root = serverChromiumArgs(0);
  expect(root.sandboxed).toBe(false);
  expect(root.args).toContain("--no-sandbox");
  // Tests and benchmarks keep the unsandboxed flags they need as root in CI.
  expect(CHROMIUM_ARGS).toContain("--no-sandbox");
});
