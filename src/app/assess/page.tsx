import type { Metadata } from "next";
import Link from "next/link";
import {
  RESERVED_FIELD_NAMES,
  WIZARD_FIELDS,
  resolveWizardStep,
  toWizardQuestionnaire,
} from "@/domain/assessment/answer-form";
import type { Answers } from "@/domain/assessment/answer-model";
import { AssessmentWizard } from "@/features/assessment/assessment-wizard";
import { loadAssessment } from "@/server/assessments/assessment-service";
import { getCurrentQuestionnaire } from "@/server/assessments/questionnaires";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";

export async function generateMetadata(): Promise<Metadata> {
  const questionnaire = await getCurrentQuestionnaire();
  return {
    title: "Assess your MLOps maturity",
    description: `${questionnaire.questions.length} questions on how your team handles ML, plus your constraints. Takes about ten minutes.`,
  };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The questionnaire. Its URL carries a step submitted without JavaScript (see AssessmentWizard): the section it was
 * on, where to go, and every answer so far; the server checks the step and shows the next one (or the same one with
 * its messages). `?from=<id>` starts from the answers of a saved assessment.
 */
export default async function AssessPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const entries = Object.entries(params).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => [name, v] as const),
  );
  const field = (name: string) => entries.find(([n]) => n === name)?.[1];
  const from = field(WIZARD_FIELDS.from);
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
  const ids = new Set(questionnaire.questions.map((q) => q.id));
  // A step submitted from the page (without JavaScript) brings its answers in the URL.
  const isSubmittedStep = entries.some(
    ([name]) => ids.has(name) || (RESERVED_FIELD_NAMES.has(name) && name !== WIZARD_FIELDS.from),
  );
  const step = resolveWizardStep(questionnaire, entries);
  // Answers carried over from an edited assessment: only those the current questions still ask.
  const previousAnswers: Answers = previous
    ? Object.fromEntries(Object.entries(previous.assessment.answers).filter(([id]) => ids.has(id)))
    : {};
  const initial = isSubmittedStep ? step : { index: 0, answers: previousAnswers, errors: {} };
  const toolFilter = field(WIZARD_FIELDS.toolFilter)?.trim().slice(0, 80) || undefined;

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
          questionnaire={toWizardQuestionnaire(questionnaire)}
          tools={tools}
          initial={initial}
          answersInUrl={isSubmittedStep}
          parentId={previous?.assessment.id}
          toolFilter={toolFilter}
        />
      </div>
    </div>
  );
}
