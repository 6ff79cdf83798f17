/**
 * `npm run catalog:export -- [--out <dir>] [--file <catalog.yaml>]`: writes the catalog in DATABASE_URL in the
 * content/ format, as a directory laid out like content/ (default `data/export/`) or as one bundle file.
 */
import path from "node:path";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { env } from "../src/env";
import { migrate } from "../src/server/db/migrator";
import { prisma } from "../src/server/db/client";
import { bundleYaml, exportToDirectory } from "../src/server/admin/catalog-transfer";
import { getCatalog } from "../src/server/repositories/catalog-repository";

const { values } = parseArgs({ options: { out: { type: "string" }, file: { type: "string" } } });
await migrate(env.DATABASE_URL);
try {
  const catalog = await getCatalog();
  if (values.file) {
    await writeFile(values.file, bundleYaml(catalog, new Date()));
    console.log(
      `Wrote ${catalog.tools.length} tools, ${catalog.capabilities.length} capabilities and ${catalog.phases.length} phases to ${values.file}`,
    );
  } else {
    const dir = path.resolve(values.out ?? "data/export");
    const files = await exportToDirectory(catalog, dir);
    console.log(`Wrote ${files.length} files to ${dir} (${catalog.tools.length} tools)`);
  }
} finally {
  await prisma.$disconnect();
}
