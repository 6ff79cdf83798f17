/**
 * `npm run catalog:import -- <catalog.yaml | directory> [--apply]`: shows what importing the file (a bundle exported
 * from the admin) or directory (laid out like content/) would change in DATABASE_URL; with --apply, makes those
 * changes in one transaction. An invalid file changes nothing and lists every problem with entry and field.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { planCounts } from "../src/domain/admin/catalog-transfer";
import { describeValue } from "../src/domain/admin/entry-diff";
import { formatContentIssue } from "../src/domain/catalog/validate-catalog";
import { env } from "../src/env";
import { applyImport, dryRunImport, parseBundle, parseDirectory } from "../src/server/admin/catalog-transfer";
import { prisma } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrator";

const ACTOR = { id: null, label: "cli (catalog:import)" };
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { apply: { type: "boolean", default: false } },
});
const source = positionals[0];
if (!source) {
  console.error("usage: npm run catalog:import -- <catalog.yaml | directory> [--apply]");
  process.exit(2);
}

await migrate(env.DATABASE_URL);
try {
  const isDirectory = (await stat(source)).isDirectory();
  const parsed = isDirectory
    ? await parseDirectory(path.resolve(source))
    : parseBundle(await readFile(source, "utf8"), path.basename(source));
  const dryRun = parsed.ok ? await dryRunImport(parsed.incoming) : parsed;
  if (!dryRun.ok) {
    console.error(`${source} has ${dryRun.issues.length} problem(s); nothing was imported:`);
    for (const issue of dryRun.issues) console.error(`  ${formatContentIssue(issue)}`);
    process.exitCode = 1;
  } else {
    for (const entry of [...dryRun.plan.phases, ...dryRun.plan.capabilities, ...dryRun.plan.tools]) {
      if (entry.action === "unchanged") continue;
      console.log(`${entry.action === "create" ? "+ create" : "~ update"} ${entry.slug}`);
      for (const change of entry.changes)
        console.log(`    ${change.field}: ${describeValue(change.before)} → ${describeValue(change.after)}`);
    }
    const counts = planCounts(dryRun.plan);
    console.log(`${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged.`);
    if (values.apply && parsed.ok) {
      const result = await applyImport(parsed.incoming, ACTOR, path.basename(source), dryRun.revision);
      if (!result.ok) {
        console.error(
          result.reason === "stale"
            ? "The catalog changed while importing; nothing was written. Run again."
            : "Import refused; nothing was written.",
        );
        process.exitCode = 1;
      } else {
        console.log(`Applied: ${result.report.created.length} created, ${result.report.updated.length} updated.`);
      }
    } else if (counts.create + counts.update > 0) {
      console.log("Dry run: nothing was written. Add --apply to import.");
    }
  }
} finally {
  await prisma.$disconnect();
}
