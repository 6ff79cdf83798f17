/**
 * Field-by-field differences between two versions of a catalog entry (or any JSON object), for the audit trail,
 * conflict messages and import previews. Pure and deterministic; values are compared as JSON.
 */

export type FieldChange = { field: string; before: unknown; after: unknown };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Fields ignored by default: bookkeeping that changes with every write. */
export const BOOKKEEPING_FIELDS = ["version", "seededVersion", "updatedAt", "createdAt", "id"] as const;

/**
 * The top-level fields whose values differ. Either side may be null (a created or deleted entry): then every
 * non-empty field of the other side is a change. Fields come out in a stable order: `before`'s keys, then new ones.
 */
export function diffEntries(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = BOOKKEEPING_FIELDS,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !ignore.includes(k),
  );
  return keys
    .filter((field) => !same(before?.[field], after?.[field]))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
}

/** A short human description of a value for tables and summaries. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number"))
    return value.join(", ") || "—";
  return JSON.stringify(value, null, 2);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
