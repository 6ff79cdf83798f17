import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { ZQuestionnaire, type Questionnaire } from "@/domain/assessment/questionnaire-schema";
import type { ContentIssue } from "@/domain/catalog/validate-catalog";
import type { LoadResult } from "./load-catalog-content";

/**
 * Loads every questionnaire version from content/questionnaires/*.yaml. All versions stay loadable so that an
 * assessment answered years ago is still scored with the questions it answered. Sorted oldest first.
 */
export async function loadQuestionnaires(contentDir: string): Promise<LoadResult<Questionnaire[]>> {
  const dir = path.join(contentDir, "questionnaires");
  const issues: ContentIssue[] = [];
  const versions: Questionnaire[] = [];
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".yaml")).sort();
  } catch {
    return { ok: false, issues: [{ file: "questionnaires/", path: [], message: "directory not found" }] };
  }
  for (const name of files) {
    const file = `questionnaires/${name}`;
    const doc = parseDocument(await readFile(path.join(dir, name), "utf8"), { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      issues.push(...doc.errors.map((e) => ({ file, path: [], message: `YAML error at line ${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0] ?? ""}` })));
      continue;
    }
    const parsed = ZQuestionnaire.safeParse(doc.toJS());
    if (!parsed.success) {
      issues.push(...parsed.error.issues.map((i) => ({ file, path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message })));
      continue;
    }
    versions.push(parsed.data);
  }
  const byVersion = new Map<string, number>();
  versions.forEach((v) => byVersion.set(v.version, (byVersion.get(v.version) ?? 0) + 1));
  for (const [version, count] of byVersion) if (count > 1) issues.push({ file: "questionnaires/", path: [], message: `version ${version} is defined ${count} times` });
  if (versions.length === 0 && issues.length === 0) issues.push({ file: "questionnaires/", path: [], message: "no questionnaire found" });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: versions.sort((a, b) => compareVersions(a.version, b.version)) };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
