import "server-only";
import { randomBytes } from "node:crypto";
import type { Answers } from "@/domain/assessment/answers";
import { prisma } from "../db/client";

/** 144 random bits, URL-safe: the id is the only key to an assessment, so it must not be guessable. */
const ASSESSMENT_ID_BYTES = 18;
export const ASSESSMENT_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function newAssessmentId(): string {
  return randomBytes(ASSESSMENT_ID_BYTES).toString("base64url");
}

export type StoredAssessment = {
  id: string;
  questionnaireVersion: string;
  answers: Answers;
  parentId: string | null;
  createdAt: Date;
};

export async function createAssessment(input: {
  questionnaireVersion: string;
  answers: Answers;
  parentId: string | null;
}): Promise<StoredAssessment> {
  const row = await prisma.assessment.create({
    data: {
      id: newAssessmentId(),
      questionnaireVersion: input.questionnaireVersion,
      answers: input.answers,
      parentId: input.parentId,
    },
  });
  return { ...row, answers: row.answers as Answers };
}

export async function findAssessment(id: string): Promise<StoredAssessment | null> {
  if (!ASSESSMENT_ID_PATTERN.test(id)) return null;
  const row = await prisma.assessment.findUnique({ where: { id } });
  return row ? { ...row, answers: row.answers as Answers } : null;
}

export async function assessmentExists(id: string): Promise<boolean> {
  if (!ASSESSMENT_ID_PATTERN.test(id)) return false;
  return (await prisma.assessment.count({ where: { id } })) > 0;
}
