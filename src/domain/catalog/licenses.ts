/**
 * Licence facts the catalog and the recommender need: is an SPDX expression open source (OSI-approved), and is it a
 * licence id we know at all. "proprietary" stands for any closed licence.
 */

/** OSI-approved licences that appear in the MLOps landscape. */
const OSI_APPROVED = new Set([
  "Apache-2.0",
  "MIT",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "ISC",
  "MPL-2.0",
  "GPL-2.0-only",
  "GPL-2.0-or-later",
  "GPL-3.0-only",
  "GPL-3.0-or-later",
  "LGPL-2.1-only",
  "LGPL-2.1-or-later",
  "LGPL-3.0-only",
  "LGPL-3.0-or-later",
  "AGPL-3.0-only",
  "AGPL-3.0-or-later",
  "EPL-1.0",
  "EPL-2.0",
  "PostgreSQL",
  "Zlib",
  "Unlicense",
  "Artistic-2.0",
  "BSL-1.0",
  "CDDL-1.0",
  "MS-PL",
  "PSF-2.0",
  "Python-2.0",
  "OFL-1.1",
]);

/** SPDX exceptions that keep a licence open source (GPL with the linking exception used by OpenJDK and others). */
const KNOWN_EXCEPTIONS = new Set(["Classpath-exception-2.0", "LLVM-exception", "GCC-exception-3.1"]);

/** Source-available licences that are not open source (the relicensing wave of 2018–2024). */
const SOURCE_AVAILABLE = new Set([
  "BUSL-1.1",
  "SSPL-1.0",
  "Elastic-2.0",
  "Confluent-Community-1.0",
  "FSL-1.1-Apache-2.0",
]);

export const PROPRIETARY = "proprietary";

/** "GPL-2.0-only WITH Classpath-exception-2.0" → "GPL-2.0-only" when the exception is known; unknown → unchanged. */
function stripException(id: string): string {
  const [base, exception] = id.split(/\s+WITH\s+/);
  return exception !== undefined && base !== undefined && KNOWN_EXCEPTIONS.has(exception.trim()) ? base.trim() : id;
}

function splitExpression(expression: string): { operator: "AND" | "OR" | null; ids: string[] } {
  const { operator, ids } = splitOperands(expression);
  return { operator, ids: ids.map(stripException) };
}

function splitOperands(expression: string): { operator: "AND" | "OR" | null; ids: string[] } {
  const trimmed = expression.replace(/[()]/g, " ").trim();
  if (/\sOR\s/.test(trimmed)) return { operator: "OR", ids: trimmed.split(/\s+OR\s+/).map((s) => s.trim()) };
  if (/\sAND\s/.test(trimmed)) return { operator: "AND", ids: trimmed.split(/\s+AND\s+/).map((s) => s.trim()) };
  return { operator: null, ids: [trimmed] };
}

/** True when every id in the expression is an OSI licence, a known source-available licence, or "proprietary". */
export function isKnownLicense(expression: string): boolean {
  if (expression === PROPRIETARY) return true;
  const { ids } = splitExpression(expression);
  return ids.length > 0 && ids.every((id) => OSI_APPROVED.has(id) || SOURCE_AVAILABLE.has(id));
}

/**
 * True when a user may use the software under an OSI-approved licence: for "A OR B" one open option suffices, for
 * "A AND B" every part must be open.
 */
export function isOpenSourceLicense(expression: string): boolean {
  if (expression === PROPRIETARY) return false;
  const { operator, ids } = splitExpression(expression);
  return operator === "OR" ? ids.some((id) => OSI_APPROVED.has(id)) : ids.every((id) => OSI_APPROVED.has(id));
}
