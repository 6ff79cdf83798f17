import type { Metadata } from "next";
import Link from "next/link";
import type { Answers } from "@/domain/assessment/answer-model";
import { AssessmentWizard } from "@/features/assessment/assessment-wizard";
import { loadAssessment } from "@/server/assessments/assessment-service";
import { getCurrentQuestionnaire } from "@/server/assessments/questionnaires";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";

export const metadata: Metadata = {
  title: "Assess your MLOps maturity",
  description: "About 40 questions on how your team handles ML, plus your constraints. Takes about ten minutes.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AssessPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const from = typeof params.from === "string" ? params.from : undefined;
  const [questionnaire, snapshot, previous] = await Promise.all([
    getCurrentQuestionnaire(),
    getCatalogSnapshot(),
    from ? loadAssessment(from) : Promise.resolve(null),
  ]);
  const capabilityName = new Map(snapshot.catalog.capabilities.map((c) => [c.slug, c.name]));
  const tools = snapshot.catalog.tools.map((t) => ({
    slug: t.slug,
    name: t.name,
    category: capabilityName.get(t.capabilities.primary[0] ?? "") ?? "",
  }));
  // Answers carried over from an edited assessment: only those the current questions still ask.
  const ids = new Set(questionnaire.questions.map((q) => q.id));
  const initialAnswers: Answers | undefined = previous
    ? Object.fromEntries(Object.entries(previous.assessment.answers).filter(([id]) => ids.has(id)))
    : undefined;

  return (
    <div className="page-width py-10">
      <h1 className="text-3xl font-bold tracking-tight">
        {previous ? "Edit your answers" : "Assess your MLOps maturity"}
      </h1>
      <p className="mt-2 max-w-3xl text-ink-muted">
        {previous ? (
          <>
            You are editing the answers of{" "}
            <Link href={`/r/${previous.assessment.id}`} className="text-accent underline">
              an earlier assessment
            </Link>
            . Saving creates a new assessment; the earlier link keeps working.
          </>
        ) : (
          <>
            {questionnaire.questions.length} questions in {questionnaire.sections.length} short steps, about ten
            minutes. Answer for how your team works today, not how it should. Your answers stay in this browser until
            you ask for your results.
          </>
        )}
      </p>
      {from && !previous ? (
        <p role="alert" className="mt-4 rounded-md border border-warn bg-warn-soft p-3 text-sm">
          We could not find the assessment you wanted to edit, so this is a fresh questionnaire.
        </p>
      ) : null}
      <div className="mt-8">
        <AssessmentWizard
          questionnaire={questionnaire}
          tools={tools}
          initialAnswers={initialAnswers}
          parentId={previous?.assessment.id}
        />
      </div>
    </div>
  );
}
