import path from "node:path";
import { build } from "esbuild";
import { expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * On a fresh clone `npm start` runs before the Prisma clients exist (it generates them). Node resolves every static
 * import of scripts/start.ts before the first line runs, so none of them may lead to src/generated; the modules that
 * need the clients are imported dynamically, after generation. This walks the static import graph as esbuild sees it.
 */
test("npm start's static imports never reach the generated Prisma client", async () => {
  const result = await build({
    entryPoints: [path.join(ROOT, "scripts/start.ts")],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "silent",
    alias: { "@": path.join(ROOT, "src") },
    plugins: [
      {
        name: "generated-is-external",
        setup(b) {
          b.onResolve({ filter: /generated\/prisma/ }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
  });
  const inputs = result.metafile.inputs;
  const staticImports = (file: string) =>
    (inputs[file]?.imports ?? []).filter((i) => i.kind === "import-statement" || i.kind === "require-call");

  const reached = new Set<string>();
  const queue = ["scripts/start.ts"];
  const generatedImporters: string[] = [];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const imported of staticImports(file)) {
      if (/generated\/prisma/.test(imported.path)) generatedImporters.push(file);
      else if (!imported.external) queue.push(imported.path);
    }
  }
  // The graph is real: the server, imported dynamically after generation, is in it, but not among the static imports.
  expect(Object.keys(inputs)).toContain("src/server/http/production-server.ts");
  expect(reached.has("src/server/http/production-server.ts")).toBe(false);
  expect(reached.has("src/server/db/prisma.ts")).toBe(false);
  expect(generatedImporters).toEqual([]);
});
