import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { SERVER_COMMAND } from "./server-command";

test("npm start runs the server exactly as the tests and benchmarks start it", () => {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts.start).toBe(SERVER_COMMAND);
  expect(SERVER_COMMAND).toBe(
    "MALLOC_ARENA_MAX=1 node --max-semi-space-size=4 --conditions=react-server --import tsx scripts/start.ts",
  );
});
