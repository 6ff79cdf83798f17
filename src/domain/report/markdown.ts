import type { MaturityProfile } from "../assessment/score";
import type { Horizon } from "../recommender/types";
import { buildLifecycleDiagram } from "./mermaid";
import { toPlainLine } from "./plain-text";
import type { ReportData } from "./report-data";
import { weakestAreasSentence } from "./weakest-areas";

/**
 * The report as GitHub-flavoured Markdown, to paste into a repository, wiki or ADR. Every piece of catalog or answer
 * text goes through `mdText`: whitespace is flattened (a table row stays one line) and every ASCII punctuation mark
 * is backslash-escaped, so no text can become a link, emphasis, HTML, a table cell break or a code fence.
 */

/** Anything a GFM renderer would turn into a link on its own: URLs, www. addresses, e-mail addresses. */
const LINK_LIKE = /(https?:\/\/[^\s|`<>]+|www\.[^\s|`<>]+|[^\s|`<>@]+@[^\s|`<>@]+\.[^\s|`<>]+)/gi;

export function mdText(text: string): string {
  const flat = toPlainLine(text);
  // GitHub (like remark) turns URL-looking text into links even when it is escaped, so such text is shown as code
  // (it has no backtick or pipe, by the pattern); everything else gets every ASCII punctuation mark escaped.
  return flat
    .split(LINK_LIKE)
    .map((part, i) => (i % 2 === 1 ? `\`${part}\`` : part.replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`)))
    .join("");
}

/** A fence longer than any backtick run inside the block, so the block cannot be closed early. */
export function fenceFor(body: string): string {
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

const HORIZON_HEADINGS: Record<Horizon, string> = { now: "Adopt now", next: "Next stage", later: "Later" };

function summary(profile: MaturityProfile): string {
  return [
    `**Stage ${profile.stage}: ${mdText(profile.stageName)}.** Overall level ${profile.overall.level.toFixed(1)} of 4 ` +
      `(average ${profile.overall.mean.toFixed(1)}). ${weakestAreasSentence(profile, mdText)}`,
    "",
    `Reference models: Microsoft MLOps maturity level ${profile.microsoftLevel.level} (${mdText(profile.microsoftLevel.name)}); ` +
      `Google MLOps level ${profile.googleLevel.level} (${mdText(profile.googleLevel.name)}).`,
  ].join("\n");
}

export function buildMarkdownReport(data: ReportData): string {
  const { assessment, profile, recommendation } = data;
  const out: string[] = [];
  out.push("# MLOps stack recommendation", "");
  out.push(
    `Assessment ${mdText(assessment.id)} · ${assessment.createdAt.slice(0, 10)} · questionnaire ${mdText(assessment.questionnaireVersion)} · engine ${mdText(recommendation.engineVersion)}`,
    "",
  );
  out.push("## Summary", "", summary(profile), "");
  out.push(
    `Tools: ${recommendation.toolCount.now} to adopt now, ${recommendation.toolCount.next} at the next stage, ${recommendation.toolCount.later} later.`,
    "",
  );

  out.push("## Maturity by dimension", "");
  out.push(
    table(
      ["Dimension", "Score (0–4)"],
      profile.dimensions.map((d) => [mdText(d.name), d.score.toFixed(1)]),
    ),
    "",
  );

  out.push("## Roadmap", "");
  for (const horizon of ["now", "next", "later"] as const) {
    const items = recommendation.items.filter((i) => i.horizon === horizon);
    if (items.length === 0) continue;
    out.push(`### ${HORIZON_HEADINGS[horizon]}`, "");
    out.push(
      table(
        ["Capability", "Tool", "Why", "Adopt when"],
        items.map((i) => [
          mdText(i.capabilityName),
          i.pick ? mdText([i.pick.name, ...i.pick.companions.map((c) => c.name)].join(" + ")) : "_none fits_",
          i.pick ? mdText(i.pick.reasons.slice(0, 2).join("; ")) : mdText(i.uncoveredReason ?? ""),
          mdText(i.trigger),
        ]),
      ),
      "",
    );
  }

  const diagram = buildLifecycleDiagram(recommendation, data.phases);
  const fence = fenceFor(diagram);
  out.push("## Lifecycle diagram", "", `${fence}mermaid`, diagram, fence, "");

  out.push("## Why each pick", "");
  for (const item of recommendation.items) {
    if (!item.pick) continue;
    out.push(`### ${mdText(item.capabilityName)}: ${mdText(item.pick.name)}`, "");
    for (const reason of item.pick.reasons) out.push(`- ${mdText(reason)}`);
    out.push(`- Decided by: ${mdText(item.drivers.join("; "))}`);
    for (const alt of item.alternatives) out.push(`- Why not ${mdText(alt.name)}: ${mdText(alt.whyNot)}`);
    out.push("");
  }

  if (recommendation.warnings.length > 0) {
    out.push("## Warnings", "");
    for (const w of recommendation.warnings) out.push(`- ${mdText(w.message)}`);
    out.push("");
  }
  out.push("## Constraints applied", "");
  for (const note of recommendation.constraintNotes) out.push(`- ${mdText(note)}`);
  out.push("");
  if (recommendation.excluded.length > 0) {
    out.push("## Tools left out", "");
    out.push(
      table(
        ["Tool", "Reason"],
        recommendation.excluded.map((e) => [
          mdText(e.name),
          mdText(e.reasons.join(" ") + (e.successor ? ` Use ${e.successor.name}.` : "")),
        ]),
      ),
      "",
    );
  }
  if (profile.actionItems.length > 0) {
    out.push("## Action items", "");
    out.push(
      table(
        ["Priority", "Dimension", "Action"],
        profile.actionItems.map((a) => [a.priority, mdText(a.dimensionName), mdText(a.text)]),
      ),
      "",
    );
  }
  out.push("## Answers", "");
  out.push(
    table(
      ["Dimension", "Question", "Answer", "Level"],
      profile.dimensions.flatMap((d) =>
        d.drivers.map((q) => [mdText(d.name), mdText(q.prompt), mdText(q.answer), String(q.level)]),
      ),
    ),
    "",
  );
  return `${out.join("\n").trimEnd()}\n`;
}
