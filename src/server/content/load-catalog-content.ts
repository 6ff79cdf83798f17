import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ZCapability, ZPhase, ZToolInput } from "@/domain/catalog/schema";
import {
  validateCatalogReferences,
  type CatalogContent,
  type ContentIssue,
} from "@/domain/catalog/validate-catalog";

export type LoadResult<T> = { ok: true; value: T } | { ok: false; issues: ContentIssue[] };

/** Reads a YAML file that must hold a list; syntax errors are reported with their line. */
export async function readYamlList(
  absolutePath: string,
  displayName: string,
): Promise<{ ok: true; items: unknown[] } | { ok: false; issues: ContentIssue[] }> {
  let text: string;
  try {
    text = await readFile(absolutePath, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : "file could not be read";
    return { ok: false, issues: [{ file: displayName, path: [], message: reason }] };
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const line = e.linePos?.[0]?.line;
        return { file: displayName, path: [], message: `YAML error${line ? ` at line ${line}` : ""}: ${e.message.split("\n")[0] ?? ""}` };
      }),
    };
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { ok: true, items: [] };
  if (!Array.isArray(data)) {
    return { ok: false, issues: [{ file: displayName, path: [], message: "must be a YAML list (each entry starts with '- ')" }] };
  }
  return { ok: true, items: data };
}

function describeEntry(item: unknown): string | undefined {
  if (item && typeof item === "object" && "slug" in item && typeof item.slug === "string") return item.slug;
  return undefined;
}

/** Validates each list item with the schema; issues carry the item index and, when known, its slug. */
export function parseItems<S extends z.ZodType>(
  schema: S,
  items: unknown[],
  file: string,
): { values: { index: number; value: z.infer<S> }[]; issues: ContentIssue[] } {
  const values: { index: number; value: z.infer<S> }[] = [];
  const issues: ContentIssue[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      values.push({ index, value: parsed.data });
      return;
    }
    const slug = describeEntry(item);
    for (const issue of parsed.error.issues) {
      issues.push({
        file,
        path: [index, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
        message: slug ? `${issue.message} (in "${slug}")` : issue.message,
      });
    }
  });
  return { values, issues };
}

/**
 * Loads and validates the whole catalog from a content directory: phases.yaml, capabilities.yaml and every
 * tools/*.yaml. Either every file is valid and consistent, or the result lists every issue found.
 */
export async function loadCatalogContent(contentDir: string): Promise<LoadResult<CatalogContent>> {
  const issues: ContentIssue[] = [];
  const content: CatalogContent = { phases: [], capabilities: [], tools: [] };

  const phaseFile = await readYamlList(path.join(contentDir, "phases.yaml"), "phases.yaml");
  if (phaseFile.ok) {
    const parsed = parseItems(ZPhase, phaseFile.items, "phases.yaml");
    issues.push(...parsed.issues);
    content.phases = parsed.values.map(({ index, value }) => ({ file: "phases.yaml", index, phase: value }));
  } else issues.push(...phaseFile.issues);

  const capabilityFile = await readYamlList(path.join(contentDir, "capabilities.yaml"), "capabilities.yaml");
  if (capabilityFile.ok) {
    const parsed = parseItems(ZCapability, capabilityFile.items, "capabilities.yaml");
    issues.push(...parsed.issues);
    content.capabilities = parsed.values.map(({ index, value }) => ({ file: "capabilities.yaml", index, capability: value }));
  } else issues.push(...capabilityFile.issues);

  let toolFiles: string[] = [];
  try {
    toolFiles = (await readdir(path.join(contentDir, "tools"))).filter((f) => f.endsWith(".yaml")).sort();
  } catch {
    issues.push({ file: "tools/", path: [], message: "directory not found" });
  }
  for (const name of toolFiles) {
    const display = `tools/${name}`;
    const file = await readYamlList(path.join(contentDir, "tools", name), display);
    if (!file.ok) {
      issues.push(...file.issues);
      continue;
    }
    const parsed = parseItems(ZToolInput, file.items, display);
    issues.push(...parsed.issues);
    content.tools.push(...parsed.values.map(({ index, value }) => ({ file: display, index, tool: value })));
  }

  // Cross-references are only meaningful once every entry parsed; otherwise a broken entry shows up twice.
  if (issues.length === 0) issues.push(...validateCatalogReferences(content));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: content };
}
