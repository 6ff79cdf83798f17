/** What the reliability scenarios measure and check, and how the runner prints it. */

export type Figures = {
  scenario: string;
  backend: string;
  requests?: number;
  ok2xx?: number;
  c4xx?: number;
  c5xx?: number;
  /** Connection errors and timeouts (no HTTP answer at all). */
  errors?: number;
  seconds?: number;
  rps?: number;
  p50Ms?: number;
  p99Ms?: number;
  stored?: number;
  /** Free-form measured values: recovery times, counts. */
  notes?: string;
};

export type Check = { scenario: string; backend: string; name: string; ok: boolean; detail: string };

export class Results {
  readonly figures: Figures[] = [];
  readonly checks: Check[] = [];

  figure(f: Figures): void {
    this.figures.push(f);
  }

  check(scenario: string, backend: string, name: string, ok: boolean, detail = ""): boolean {
    this.checks.push({ scenario, backend, name, ok, detail });
    console.log(`  ${ok ? "PASS" : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`);
    return ok;
  }

  get failed(): number {
    return this.checks.filter((c) => !c.ok).length;
  }
}

function cell(value: number | string | undefined, digits = 0): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return digits > 0 ? value.toFixed(digits) : String(Math.round(value));
}

export function renderTable(figures: Figures[]): string {
  const header = [
    "scenario",
    "backend",
    "requests",
    "2xx",
    "4xx",
    "5xx",
    "errors",
    "s",
    "req/s",
    "p50 ms",
    "p99 ms",
    "stored",
    "notes",
  ];
  const rows = figures.map((f) => [
    f.scenario,
    f.backend,
    cell(f.requests),
    cell(f.ok2xx),
    cell(f.c4xx),
    cell(f.c5xx),
    cell(f.errors),
    cell(f.seconds, 1),
    cell(f.rps, 1),
    cell(f.p50Ms),
    cell(f.p99Ms),
    cell(f.stored),
    f.notes ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 2 && i <= 11 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i >= 2 && i <= 11 ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
