import "server-only";
import path from "node:path";
import type { Questionnaire } from "@/domain/assessment/questionnaire-schema";
import { formatContentIssue } from "@/domain/catalog/validate-catalog";
import { loadQuestionnaires } from "../content/load-questionnaires";

/**
 * Questionnaire versions are read from content/questionnaires/ once per process: they are versioned files, not
 * database rows, and never change while the app runs.
 */
let loading: Promise<Questionnaire[]> | null = null;

export function getQuestionnaires(): Promise<Questionnaire[]> {
  loading ??= loadQuestionnaires(path.resolve("content")).then((result) => {
    if (!result.ok) {
      loading = null;
      throw new Error(`content/questionnaires is invalid:\n${result.issues.map(formatContentIssue).join("\n")}`);
    }
    return result.value;
  });
  return loading;
}

/** The newest version: what new assessments answer. */
export async function getCurrentQuestionnaire(): Promise<Questionnaire> {
  const all = await getQuestionnaires();
  const current = all.at(-1);
  if (!current) throw new Error("no questionnaire in content/questionnaires");
  return current;
}

export async function getQuestionnaire(version: string): Promise<Questionnaire | undefined> {
  return (await getQuestionnaires()).find((q) => q.version === version);
}
