/**
 * `npm run catalog:refresh -- [--apply] [--only slug,slug]`: reads latest release, last push and the archived flag of
 * every catalog tool with a GitHub repository (GITHUB_TOKEN optional), shows what would change in DATABASE_URL, and
 * with --apply writes it through the audited import path. Offline: one line, nothing changed (exit 0 for a dry run,
 * 1 with --apply). See src/server/catalog/catalog-refresh.ts and docs/decisions/016-catalog-refresh.md.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { env } from "../src/env";
import { runCatalogRefresh } from "../src/server/catalog/catalog-refresh";
import { prisma } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrator";

const { values } = parseArgs({
  options: { apply: { type: "boolean", default: false }, only: { type: "string" } },
});

await migrate(env.DATABASE_URL);
try {
  process.exitCode = await runCatalogRefresh({
    apply: values.apply,
    only: values.only
      ? values.only
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : null,
    fetch: (url, init) => fetch(url, init),
    token: env.GITHUB_TOKEN,
    now: () => new Date(),
    sleep: (ms) => sleep(ms),
    log: (line) => console.log(line),
    warn: (line) => console.error(line),
  });
} finally {
  await prisma.$disconnect();
}
