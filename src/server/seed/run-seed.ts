import path from "node:path";
import { formatContentIssue, type ContentIssue } from "@/domain/catalog/validate-catalog";
import { loadCatalogContent } from "../content/load-catalog-content";
import type { DbClient } from "../db/prisma";
import { seedCatalog, type SeedReport } from "../catalog/catalog-service";

export class ContentError extends Error {
  override name = "ContentError";
  constructor(readonly issues: ContentIssue[]) {
    super(
      `content/ has ${issues.length} problem(s); nothing was written:\n${issues.map((i) => `  ${formatContentIssue(i)}`).join("\n")}`,
    );
  }
}

/** Validates everything in content/ first; only a fully valid catalog reaches the database. */
export async function seedFromContent(prisma: DbClient, contentDir = path.resolve("content")): Promise<SeedReport> {
  const loaded = await loadCatalogContent(contentDir);
  if (!loaded.ok) throw new ContentError(loaded.issues);
  return seedCatalog(prisma, loaded.value);
}
