/** Writes public/schemas/report.schema.json from the zod schema of the JSON export. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ZReportJson } from "../src/domain/report/report-schema";

export function reportJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(ZReportJson, { target: "draft-2020-12" }), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  writeFileSync(path.resolve(import.meta.dirname, "../public/schemas/report.schema.json"), reportJsonSchema());
  console.log("wrote public/schemas/report.schema.json");
}
