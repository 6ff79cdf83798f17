import "server-only";
import { randomBytes } from "node:crypto";
import type { Answers } from "@/domain/assessment/answers";
import { prisma } from "../db/client";

/** 144 random bits, URL-safe: the id is the only key to an assessment, so it must not be guessable. */
const ASSESSMENT_ID_BYTES = 18;
export const ASSESSMENT_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/** Later assessments listed on a report: enough for any real history, bounded for a hostile one. */
const MAX_FOLLOW_UPS = 20;

export function newAssessmentId(): string {
  return randomBytes(ASSESSMENT_ID_BYTES).toString("base64url");
}

export type StoredAssessment = {
  id: string;
  questionnaireVersion: string;
  answers: Answers;
  parentId: string | null;
  createdAt: Date;
  /** Catalog revision when the answers were saved (null before revisions were kept). */
  catalogRevision: number | null;
  /** The report as first shown, deflated JSON (see assessment-service's snapshot functions); null until then. */
  snapshot: Uint8Array | null;
};

type Row = Omit<StoredAssessment, "answers"> & { answers: unknown };
const toStored = (row: Row): StoredAssessment => ({ ...row, answers: row.answers as Answers });

export async function createAssessment(input: {
  questionnaireVersion: string;
  answers: Answers;
  parentId: string | null;
  catalogRevision: number | null;
}): Promise<StoredAssessment> {
  const row = await prisma.assessment.create({
    data: {
      id: newAssessmentId(),
      questionnaireVersion: input.questionnaireVersion,
      answers: input.answers,
      parentId: input.parentId,
      catalogRevision: input.catalogRevision,
    },
  });
  return toStored(row);
}

export async function findAssessment(id: string): Promise<StoredAssessment | null> {
  if (!ASSESSMENT_ID_PATTERN.test(id)) return null;
  const row = await prisma.assessment.findUnique({ where: { id } });
  return row ? toStored(row) : null;
}

export async function assessmentExists(id: string): Promise<boolean> {
  if (!ASSESSMENT_ID_PATTERN.test(id)) return false;
  return (await prisma.assessment.count({ where: { id } })) > 0;
}

/**
 * Stores the report's snapshot and the revision it was made on, once: a snapshot already written (by another
 * request or instance, from the same data) is kept.
 */
export async function saveSnapshot(id: string, catalogRevision: number, snapshot: Uint8Array): Promise<void> {
  await prisma.assessment.updateMany({
    where: { id, snapshot: null },
    data: { snapshot: Buffer.from(snapshot), catalogRevision },
  });
}

/** Assessments made from this one (edits and re-runs), oldest first. */
export async function findFollowUps(
  parentId: string,
): Promise<{ id: string; createdAt: Date; catalogRevision: number | null; answers: Answers }[]> {
  const rows = await prisma.assessment.findMany({
    where: { parentId },
    select: { id: true, createdAt: true, catalogRevision: true, answers: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_FOLLOW_UPS,
  });
  return rows.map((r) => ({ ...r, answers: r.answers as Answers }));
}
