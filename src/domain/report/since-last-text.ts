import type { SinceLast, SinceLastPick } from "./since-last";

/** "Since your last assessment" as plain sentences, the same in every format. */

const fmt = (n: number) => n.toFixed(1);

function pickLine(p: SinceLastPick): string {
  switch (p.kind) {
    case "added":
      return `Added — ${p.capabilityName}: ${p.to ?? "no tool fits yet"}${p.horizonTo ? ` (${p.horizonTo})` : ""}. Why: ${p.why}`;
    case "removed":
      return `Removed — ${p.capabilityName}${p.from ? `: ${p.from}` : ""}. Why: ${p.why}`;
    case "replaced":
      return `Replaced — ${p.capabilityName}: ${p.from ?? "nothing"} → ${p.to ?? "nothing fits"}. Why: ${p.why}`;
    case "moved":
      return `Moved — ${p.capabilityName}${p.to ? ` (${p.to})` : ""}: ${p.horizonFrom} → ${p.horizonTo}. Why: ${p.why}`;
  }
}

export function sinceLastLines(since: SinceLast): string[] {
  if (since.isUnchanged) return ["Nothing changed: the same stage, scores and stack."];
  const lines: string[] = [];
  lines.push(
    since.stage
      ? `Stage ${since.stage.from} → ${since.stage.to}; overall level ${fmt(since.overall.from)} → ${fmt(since.overall.to)}.`
      : `Stage unchanged; overall level ${fmt(since.overall.from)} → ${fmt(since.overall.to)}.`,
  );
  for (const d of since.dimensions) lines.push(`${d.name}: ${fmt(d.from)} → ${fmt(d.to)}.`);
  for (const a of since.answers) lines.push(`Answer changed — ${a.prompt} ${a.from} → ${a.to}.`);
  for (const p of since.picks) lines.push(pickLine(p));
  if (since.picks.length === 0) lines.push("The stack is the same.");
  return lines;
}
