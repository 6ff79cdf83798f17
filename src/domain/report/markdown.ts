import type {
  BlockContent,
  Heading,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
} from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import type { RecommendationItem } from "../recommender/types";
import { buildLifecycleDiagram } from "./mermaid";
import {
  actionTargetText,
  DISCOVERY_INTRO,
  DISCOVERY_TITLE,
  discoveryOf,
  inPlaceText,
  OTHER_UNKNOWNS_INTRO,
  OTHER_UNKNOWNS_TITLE,
  PLAN_SECTION_INTROS,
  PLAN_SECTION_TITLES,
  PLAN_SECTIONS,
  planBySection,
  plannedActions,
  planSummaryText,
  tossUpsOf,
  tossUpText,
  questionText,
  type Unknown,
  whenText,
} from "./plan";
import { toPlainPiece } from "./plain-text";
import type { ReportData } from "./report-data";
import { reportLinks, type ReportLinks } from "./links";
import { answerLevelText, hasUnknownScores, overallScoreInput, scoreText } from "./score-text";
import { sinceLastLines } from "./since-last-text";
import { describeWeakestAreas } from "./weakest-areas";

/**
 * The report as GitHub-flavoured Markdown, to paste into a repository, wiki or ADR. Built as an mdast tree and written
 * by mdast-util-to-markdown with its GFM extensions, which escape exactly what GFM needs where it needs it: catalog
 * and answer text can never become a link, emphasis, HTML, a table cell break or a code fence, while ordinary text
 * ("CI/CD", "2026.11.1", "Team & process") stays as it is. Links are ours only: the report's permalink and each tool's
 * page, absolute from the public origin.
 */

// ---------------------------------------------------------------------------------------------------------------
// Tree helpers. Every string passes through toPlainPiece: one line, no control characters.
const text = (value: string): PhrasingContent => ({ type: "text", value: toPlainPiece(value) });
const strong = (...children: PhrasingContent[]): PhrasingContent => ({ type: "strong", children });
const emphasis = (...children: PhrasingContent[]): PhrasingContent => ({ type: "emphasis", children });
const link = (url: string, ...children: PhrasingContent[]): Link => ({ type: "link", url, children });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: "paragraph", children });
const heading = (depth: 1 | 2 | 3, ...children: PhrasingContent[]): Heading => ({ type: "heading", depth, children });
const listItem = (...children: BlockContent[]): ListItem => ({ type: "listItem", spread: false, children });
const list = (items: PhrasingContent[][]): List => ({
  type: "list",
  ordered: false,
  spread: false,
  children: items.map((children) => listItem(paragraph(...children))),
});
const cell = (...children: PhrasingContent[]): TableCell => ({ type: "tableCell", children });
function table(header: string[], rows: PhrasingContent[][][]): Table {
  return {
    type: "table",
    align: header.map(() => null),
    children: [
      { type: "tableRow", children: header.map((h) => cell(text(h))) },
      ...rows.map((row) => ({ type: "tableRow" as const, children: row.map((c) => cell(...c)) })),
    ],
  };
}
/**
 * A link to one of our pages with a catalog name as its text. GFM parsers turn URL-looking text into a second link
 * even inside a link's text, and mdast-util-to-markdown leaves such text unescaped there; a name that looks like a URL
 * or an e-mail address is therefore written as plain (escaped) text, without the link.
 */
const LINK_LIKE = /:\/\/|www\.|@/i;
const namedLink = (url: string, name: string): PhrasingContent =>
  LINK_LIKE.test(name) ? text(name) : link(url, text(name));

/** A sentence as parts: strings are text; { strong } parts are bold. */
const joinParts = (parts: (string | PhrasingContent)[]): PhrasingContent[] =>
  parts.filter((p) => p !== "").map((p) => (typeof p === "string" ? text(p) : p));

// ---------------------------------------------------------------------------------------------------------------
function toolCell(item: RecommendationItem, links: ReportLinks): PhrasingContent[] {
  if (!item.pick) return [emphasis(text(item.change === "keep" ? "practice in place" : "none fits"))];
  const parts: PhrasingContent[] = [namedLink(links.tool(item.pick.slug), item.pick.name)];
  for (const companion of item.pick.companions)
    parts.push(text(" + "), namedLink(links.tool(companion.slug), companion.name));
  return parts;
}

function whyText(item: RecommendationItem): string {
  if (!item.pick) return item.uncoveredReason ?? "";
  return item.pick.reasons.slice(0, 2).join("; ");
}

function summary(data: ReportData, links: ReportLinks): RootContent[] {
  const { profile, recommendation } = data;
  const plan = planBySection(recommendation);
  const out: RootContent[] = [heading(2, text("Summary"))];
  const overall = scoreText(overallScoreInput(profile), { outOf: 4 });
  out.push(
    paragraph(
      strong(text(`Stage ${profile.stage}: ${profile.stageName}.`)),
      text(
        ` Overall level ${overall}` +
          (hasUnknownScores(profile) ? ". " : ` (average ${profile.overall.mean.toFixed(1)}). `),
      ),
      ...joinParts(describeWeakestAreas(profile).map((p) => (typeof p === "string" ? p : strong(text(p.name))))),
    ),
  );
  out.push(paragraph(text(planSummaryText(recommendation))));
  const unknownLine = (u: Unknown): PhrasingContent[] => [
    text(questionText(u)),
    text(u.assumed ? ` Planned as: ${u.assumed}.` : ""),
    text(` ${u.wouldChange}`),
  ];
  const discovery = discoveryOf(profile, recommendation);
  if (discovery.first.length > 0) {
    out.push(paragraph(strong(text(`${DISCOVERY_TITLE}.`)), text(` ${DISCOVERY_INTRO}`)));
    out.push(list(discovery.first.map(unknownLine)));
  }
  if (plan.now.length > 0) {
    out.push(paragraph(strong(text("Changes now"))));
    out.push(
      list(
        plan.now.map((item) => [
          strong(text(item.capabilityName)),
          text(": "),
          ...toolCell(item, links),
          text(item.change === "replace" && item.replaces ? `, replacing ${item.replaces.name}` : ""),
          text(item.triggerMet ? ` — ${item.triggerMet}` : ""),
        ]),
      ),
    );
  }
  const actions = plannedActions(profile, recommendation).top;
  if (actions.length > 0) {
    out.push(paragraph(strong(text("Top actions"))));
    out.push(list(actions.map((a) => [text(a.text), text(` — ${actionTargetText(a.target)}`)])));
  }
  if (discovery.rest.length > 0) {
    out.push(paragraph(strong(text(`${OTHER_UNKNOWNS_TITLE}.`)), text(` ${OTHER_UNKNOWNS_INTRO}`)));
    out.push(list(discovery.rest.map(unknownLine)));
  }
  const tossUps = tossUpsOf(recommendation);
  if (tossUps.length > 0) {
    out.push(paragraph(strong(text("Toss-ups")), text(" — two tools too close to call; choose by what you know.")));
    out.push(list(tossUps.map((item) => [strong(text(item.capabilityName)), text(`: ${tossUpText(item) ?? ""}`)])));
  }
  if (recommendation.constraintNotes.length > 0) {
    out.push(paragraph(strong(text("Constraints"))));
    out.push(list(recommendation.constraintNotes.map((n) => [text(n)])));
  }
  out.push(
    paragraph(
      text(
        `Reference models: Microsoft MLOps maturity level ${profile.microsoftLevel.level} (${profile.microsoftLevel.name}); ` +
          `Google MLOps level ${profile.googleLevel.level} (${profile.googleLevel.name}).`,
      ),
    ),
  );
  return out;
}

function changePlan(data: ReportData, links: ReportLinks): RootContent[] {
  const plan = planBySection(data.recommendation);
  const out: RootContent[] = [heading(2, text("Change plan"))];
  for (const section of PLAN_SECTIONS) {
    const items = plan[section];
    if (items.length === 0) continue;
    out.push(heading(3, text(PLAN_SECTION_TITLES[section])), paragraph(text(PLAN_SECTION_INTROS[section])));
    if (section === "inPlace") {
      out.push(
        table(
          ["Capability", "Tool or practice", "Note"],
          items.map((i) => [[text(i.capabilityName)], toolCell(i, links), [text(i.pick ? "In use" : inPlaceText(i))]]),
        ),
      );
      continue;
    }
    out.push(
      table(
        ["Capability", "Tool", "Why", "When"],
        items.map((i) => [
          [text(i.capabilityName)],
          [
            ...toolCell(i, links),
            ...(i.change === "replace" && i.replaces ? [text(` (replaces ${i.replaces.name})`)] : []),
            ...(i.tossUp ? [text(` or ${i.tossUp.name}`)] : []),
          ],
          [text(whyText(i))],
          [text(i.deferred ? `${whenText(i)} (waits: ${i.deferred})` : whenText(i))],
        ]),
      ),
    );
  }
  return out;
}

function pickDetails(data: ReportData, links: ReportLinks): RootContent[] {
  const out: RootContent[] = [heading(2, text("Why each pick"))];
  for (const item of data.recommendation.items) {
    if (!item.pick) continue;
    const pick = item.pick;
    out.push(heading(3, text(`${item.capabilityName}: `), namedLink(links.tool(pick.slug), pick.name)));
    const lines: PhrasingContent[][] = pick.reasons.map((r) => [text(r)]);
    lines.push([text(`Decided by: ${item.drivers.join("; ")}`)]);
    lines.push([text(`Cost: ${pick.cost}. Running it: ${pick.effort}.`)]);
    if (!pick.isMainJob) lines.push([text("Does this job on the side; it is in the stack for its main job.")]);
    lines.push([text(`When: ${whenText(item)}`)]);
    if (item.deferred) lines.push([text(`Waits: ${item.deferred}`)]);
    if (item.replaces)
      lines.push([
        text(`Replaces ${item.replaces.name}: ${item.replaces.reason}. Migration: ${item.replaces.migration}.`),
      ]);
    const tossUp = tossUpText(item);
    if (tossUp) lines.push([strong(text("Toss-up")), text(`: ${tossUp}`)]);
    for (const alt of item.alternatives)
      lines.push([text("Why not "), namedLink(links.tool(alt.slug), alt.name), text(`: ${alt.whyNot}`)]);
    out.push(list(lines));
  }
  return out;
}

export type MarkdownOptions = {
  /** Public origin for absolute links (https://advisor.example.com). */
  origin: string;
};

/** Anything a GFM renderer turns into a link by itself: URLs, www. addresses, e-mail addresses. */
const AUTOLINK_LIKE = /(https?:\/\/[^\s|`<>]+|www\.[^\s|`<>]+|[^\s|`<>@]+@[^\s|`<>@]+\.[^\s|`<>]+)/gi;

/**
 * GFM autolinks URL-looking text after parsing, even when it was escaped (GitHub's cmark-gfm and remark-gfm alike),
 * so such text in catalog or answer data is shown as inline code instead, where nothing is a link.
 */
function neutraliseAutolinks(node: Root | RootContent): void {
  if (!("children" in node) || node.type === "link") return;
  const children: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    // A fresh, non-global copy: a /g pattern's test() would carry its position over to the next text.
    if (child.type !== "text" || !new RegExp(AUTOLINK_LIKE.source, "i").test(child.value)) {
      neutraliseAutolinks(child);
      children.push(child);
      continue;
    }
    child.value.split(AUTOLINK_LIKE).forEach((part, i) => {
      if (part === "") return;
      children.push(i % 2 === 1 ? { type: "inlineCode", value: part } : { type: "text", value: part });
    });
  }
  (node as { children: RootContent[] }).children = children;
}

/** The report as GitHub-flavoured Markdown (one trailing newline). */
export function buildMarkdownReport(data: ReportData, options: MarkdownOptions): string {
  const { assessment, profile, recommendation } = data;
  const links = reportLinks(options.origin, assessment.id);
  const root: Root = { type: "root", children: [] };
  const push = (...nodes: RootContent[]) => root.children.push(...nodes);

  push(heading(1, text("MLOps stack recommendation")));
  push(
    paragraph(
      text("Assessment "),
      link(links.report, text(assessment.id)),
      text(
        ` · ${assessment.createdAt.slice(0, 10)} · questionnaire ${assessment.questionnaireVersion} · engine ${recommendation.engineVersion}` +
          (assessment.catalogRevision != null ? ` · catalog revision ${assessment.catalogRevision}` : ""),
      ),
    ),
  );
  if (data.catalogNotice) {
    push({
      type: "blockquote",
      children: [
        paragraph(
          strong(text("The catalog changed since this report was made.")),
          text(" It is shown as it was made; these picks are affected:"),
        ),
        list(data.catalogNotice.changes.map((c) => [namedLink(links.tool(c.slug), c.name), text(`: ${c.detail}`)])),
        paragraph(
          text("Re-run it with the same answers on today's catalog from "),
          link(links.report, text("the report page")),
          text("."),
        ),
      ],
    });
  }
  push(...summary(data, links));

  if (data.sinceLast) {
    push(heading(2, text("Since your last assessment")));
    push(
      paragraph(
        text(data.sinceLast.reason === "rerun" ? "Re-run on today's catalog of " : "Edited from "),
        link(links.other(data.sinceLast.parent.id), text(`assessment ${data.sinceLast.parent.id}`)),
        text(` (${data.sinceLast.parent.createdAt.slice(0, 10)}).`),
      ),
    );
    push(list(sinceLastLines(data.sinceLast).map((line) => [text(line)])));
  }
  if (data.followUps && data.followUps.length > 0) {
    push(
      paragraph(
        strong(text("Later assessments made from this one")),
        text(": "),
        ...data.followUps.flatMap((f, i) => [
          ...(i > 0 ? [text(", ")] : []),
          link(links.other(f.id), text(`${f.id} (${f.createdAt.slice(0, 10)})`)),
        ]),
      ),
    );
  }

  push(heading(2, text("Maturity by dimension")));
  push(
    table(
      ["Dimension", "Score (0–4)"],
      profile.dimensions.map((d) => [[text(d.name)], [text(scoreText(d))]]),
    ),
  );

  push(...changePlan(data, links));

  push(heading(2, text("Lifecycle diagram")));
  push({ type: "code", lang: "mermaid", value: buildLifecycleDiagram(recommendation, data.phases) });

  push(...pickDetails(data, links));

  if (recommendation.warnings.length > 0) {
    push(heading(2, text("Warnings")), list(recommendation.warnings.map((w) => [text(w.message)])));
  }
  if (recommendation.excluded.length > 0) {
    push(heading(2, text("Tools left out")));
    push(
      table(
        ["Tool", "Reason"],
        recommendation.excluded.map((e) => [
          [namedLink(links.tool(e.slug), e.name)],
          [
            text(e.reasons.join(" ")),
            ...(e.successor
              ? [text(" Use "), namedLink(links.tool(e.successor.slug), e.successor.name), text(".")]
              : []),
          ],
        ]),
      ),
    );
  }
  const actions = plannedActions(profile, recommendation);
  const allActions = [...actions.high, ...actions.medium, ...actions.low];
  if (allActions.length > 0) {
    push(heading(2, text("Action items")));
    push(
      table(
        ["Priority", "Dimension", "Action", "Closed by"],
        allActions.map((a) => [
          [text(a.priority)],
          [text(a.dimensionName)],
          [text(a.text)],
          [text(actionTargetText(a.target))],
        ]),
      ),
    );
  }
  push(heading(2, text("Answers")));
  push(
    table(
      ["Dimension", "Question", "Answer", "Level"],
      profile.dimensions.flatMap((d) =>
        d.drivers.map((q) => [[text(d.name)], [text(q.prompt)], [text(q.answer)], [text(answerLevelText(q))]]),
      ),
    ),
  );
  neutraliseAutolinks(root);
  return toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: "-", rule: "-" });
}
