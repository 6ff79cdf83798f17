import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { isAlias, LineCounter, parseDocument, stringify, visit } from "yaml";
import {
  catalogToBundle,
  planImport,
  toolFileGroups,
  type ImportPlan,
  type IncomingCatalog,
} from "@/domain/admin/catalog-transfer";
import { ZCapability, ZPhase, ZToolInput } from "@/domain/catalog/schema";
import type { Catalog } from "@/domain/catalog/types";
import type { ContentIssue } from "@/domain/catalog/validate-catalog";
import { loadCatalogContent, parseItems } from "../content/load-catalog-content";
import { applyCatalogImport, type Actor, type ImportResult } from "../catalog/catalog-service";
import { getCatalog, getCatalogRevision } from "../repositories/catalog-repository";

/**
 * Export and import in the content/ format. One file ("bundle": `phases:`, `capabilities:`, `tools:`, each a list of
 * content entries) for downloads and uploads; a directory laid out like content/ for the command line.
 */

const YAML_OPTIONS = { lineWidth: 0, indent: 2 } as const;

export function bundleYaml(catalog: Catalog, generatedAt: Date): string {
  const header = `# MLOps Stack Advisor catalog, exported ${generatedAt.toISOString()}.\n# Format: content/ entries (docs/catalog-content.md). Import with the admin page or npm run catalog:import.\n`;
  return header + stringify(catalogToBundle(catalog), YAML_OPTIONS);
}

/** Writes phases.yaml, capabilities.yaml and tools/<phase>.yaml, as content/ is laid out. */
export async function exportToDirectory(catalog: Catalog, dir: string): Promise<string[]> {
  const bundle = catalogToBundle(catalog);
  await mkdir(path.join(dir, "tools"), { recursive: true });
  const files: [string, unknown][] = [
    ["phases.yaml", bundle.phases],
    ["capabilities.yaml", bundle.capabilities],
    ...[...toolFileGroups(catalog)].map(([file, tools]): [string, unknown] => [path.join("tools", file), tools]),
  ];
  for (const [file, data] of files) await writeFile(path.join(dir, file), stringify(data, YAML_OPTIONS));
  return files.map(([file]) => file);
}

export type ParsedImport = { ok: true; incoming: IncomingCatalog } | { ok: false; issues: ContentIssue[] };

const SECTIONS = ["phases", "capabilities", "tools"] as const;
/** Aliases a file may expand: the catalog needs none; a few are harmless; thousands are an attack on memory. */
const MAX_ALIAS_COUNT = 100;

/** Parses a bundle file: YAML syntax, then every entry with its schema. Issues name the section, entry and field. */
export function parseBundle(text: string, fileName: string): ParsedImport {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file: fileName,
        path: [],
        message: `YAML error${e.linePos?.[0] ? ` at line ${e.linePos[0].line}` : ""}: ${e.message.split("\n")[0] ?? ""}`,
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml package refuses to expand aliases past maxAliasCount (an "alias bomb" that would take all memory).
    if (!(error instanceof ReferenceError)) throw error;
    const first: { line?: number } = {};
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node) && node.range) first.line = lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    return {
      ok: false,
      issues: [
        {
          file: fileName,
          path: [],
          message: `YAML error${first.line ? ` at line ${first.line}` : ""}: aliases (*name) expand to too many entries; write the entries out in full`,
        },
      ],
    };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return {
      ok: false,
      issues: [
        { file: fileName, path: [], message: "must be a mapping with phases:, capabilities: and/or tools: lists" },
      ],
    };
  }
  const record = data as Record<string, unknown>;
  const issues: ContentIssue[] = [];
  for (const key of Object.keys(record)) {
    if (!(SECTIONS as readonly string[]).includes(key))
      issues.push({ file: fileName, path: [key], message: `unknown section (expected ${SECTIONS.join(", ")})` });
  }
  const list = (key: (typeof SECTIONS)[number]): unknown[] => {
    const value = record[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      issues.push({ file: fileName, path: [key], message: "must be a list (each entry starts with '- ')" });
      return [];
    }
    return value;
  };
  const located =
    (section: string) =>
    (issue: ContentIssue): ContentIssue => ({ ...issue, path: [section, ...issue.path] });
  const phases = parseItems(ZPhase, list("phases"), fileName);
  const capabilities = parseItems(ZCapability, list("capabilities"), fileName);
  const tools = parseItems(ZToolInput, list("tools"), fileName);
  issues.push(
    ...phases.issues.map(located("phases")),
    ...capabilities.issues.map(located("capabilities")),
    ...tools.issues.map(located("tools")),
  );
  if (issues.length > 0) return { ok: false, issues };
  const file = (section: string) => `${fileName} ${section}`;
  return {
    ok: true,
    incoming: {
      phases: phases.values.map(({ index, value }) => ({ file: file("phases"), index, phase: value })),
      capabilities: capabilities.values.map(({ index, value }) => ({
        file: file("capabilities"),
        index,
        capability: value,
      })),
      tools: tools.values.map(({ index, value }) => ({ file: file("tools"), index, tool: value })),
    },
  };
}

/** Reads a directory laid out like content/ (the command line's import source). */
export async function parseDirectory(dir: string): Promise<ParsedImport> {
  const loaded = await loadCatalogContent(dir);
  return loaded.ok ? { ok: true, incoming: loaded.value } : { ok: false, issues: loaded.issues };
}

export type DryRun = { ok: true; plan: ImportPlan; revision: number } | { ok: false; issues: ContentIssue[] };

/** What an import would change, without writing anything. */
export async function dryRunImport(incoming: IncomingCatalog): Promise<DryRun> {
  const revision = await getCatalogRevision();
  const plan = planImport(await getCatalog(), incoming);
  return plan.issues.length > 0 ? { ok: false, issues: plan.issues } : { ok: true, plan, revision };
}

/** Applies an import in one transaction (refused whole if anything is invalid, or stale against `expectedRevision`). */
export async function applyImport(
  incoming: IncomingCatalog,
  actor: Actor,
  source: string,
  expectedRevision?: number,
): Promise<ImportResult> {
  return applyCatalogImport((catalog) => planImport(catalog, incoming), actor, source, expectedRevision);
}
