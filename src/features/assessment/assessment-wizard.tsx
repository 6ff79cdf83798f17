"use client";

import { useActionState, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from "react";
import {
  WIZARD_FIELDS,
  answersFromForm,
  fieldsForAnswer,
  isAnswered,
  isSectionComplete,
  missingAnswerMessage,
  missingAnswers,
  missingAnswersNotice,
  visibleQuestionsIn,
  type WizardQuestion,
  type WizardQuestionnaire,
} from "@/domain/assessment/answer-form";
import type { AnswerValue, Answers } from "@/domain/assessment/answer-model";
import { submitAssessmentForm, type SubmitState } from "./actions";
import { QuestionField } from "./question-field";
import type { PickerTool } from "./tool-picker";

type Props = {
  questionnaire: WizardQuestionnaire;
  tools: PickerTool[];
  /** The step, answers and messages the server worked out from the URL (a step submitted without JavaScript). */
  initial: { index: number; answers: Answers; errors: Record<string, string> };
  /** True when the URL carried answers: they win over a draft kept in this browser. */
  answersInUrl: boolean;
  /** The saved assessment being edited. */
  parentId?: string;
  /** Tool finder text submitted without JavaScript. */
  toolFilter?: string;
};

type Draft = { version: string; answers: Answers; step: number; parentId?: string };

const FORM_ID = "assessment-form";
const draftKey = (version: string) => `assessment-draft:${version}`;

function readDraft(version: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(version));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return draft.version === version && typeof draft.answers === "object" ? draft : null;
  } catch {
    return null;
  }
}

/**
 * The questionnaire, one section per step, as a plain HTML form that works before and without JavaScript: each
 * step is a GET to /assess carrying every answer (the server checks the step and shows the next one, see
 * resolveWizardStep), and "See my results" posts them to a server action that saves the assessment and opens its
 * report. Once React runs it takes over: steps change in place, answers are checked as they are given, and they
 * autosave in this browser so a reload resumes where the user was. Answers given before React ran are read from the
 * form when it takes over, so nothing typed early is lost.
 */
export function AssessmentWizard({ questionnaire, tools, initial, answersInUrl, parentId, toolFilter }: Props) {
  const { sections, questions } = questionnaire;
  const [state, submit, submitting] = useActionState<SubmitState, FormData>(submitAssessmentForm, null);
  const [answers, setAnswers] = useState<Answers>(() => state?.answers ?? initial.answers);
  const [step, setStep] = useState(() => state?.index ?? initial.index);
  const [errors, setErrors] = useState<Record<string, string>>(() => state?.errors ?? initial.errors);
  const [notice, setNotice] = useState<string | null>(() => state?.notice ?? null);
  const [restored, setRestored] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const loaded = useRef(false);
  const byId = useMemo(() => new Map(questions.map((q) => [q.id, q])), [questions]);

  // Taking over from the server's HTML: a draft from this browser (unless the URL brought answers), then anything
  // answered on this page before React ran (the form holds it; React keeps what the user ticked while hydrating).
  useLayoutEffect(() => {
    let next = answers;
    const draft = answersInUrl || state ? null : readDraft(questionnaire.version);
    if (draft && (parentId === undefined || draft.parentId === parentId) && Object.keys(draft.answers).length > 0) {
      next = draft.answers;
      setStep(Math.min(Math.max(0, draft.step), sections.length - 1));
      setRestored(true);
    }
    if (formRef.current) {
      const onPage = visibleQuestionsIn(questions, sections[step]!.slug, answers);
      const typed = answersFromForm(onPage, new FormData(formRef.current)).answers;
      if (Object.keys(typed).length > 0) next = { ...next, ...typed };
    }
    if (next !== answers) setAnswers(next);
    loaded.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, when React takes over the server's form
  }, []);

  useEffect(() => {
    if (!loaded.current) return;
    try {
      localStorage.setItem(
        draftKey(questionnaire.version),
        JSON.stringify({ version: questionnaire.version, answers, step, parentId } satisfies Draft),
      );
    } catch {
      // storage full or disabled: answers still live in this page
    }
  }, [answers, step, parentId, questionnaire.version]);

  // A submission the server refused: show its messages at the questions, on the first step that has one.
  useEffect(() => {
    if (!state || !loaded.current) return;
    setErrors(state.errors);
    setNotice(state.notice);
    if (state.index !== undefined && state.index !== step) setStep(state.index);
    const first = Object.keys(state.errors)[0];
    if (first) focusQuestion(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new server answer triggers this
  }, [state]);

  const section = sections[step]!;
  const shown = visibleQuestionsIn(questions, section.slug, answers);
  const allVisible = sections.flatMap((s) => visibleQuestionsIn(questions, s.slug, answers));
  const answeredCount = allVisible.filter((q) => isAnswered(q, answers[q.id])).length;
  const progress = allVisible.length === 0 ? 0 : Math.round((answeredCount / allVisible.length) * 100);
  const isLast = step === sections.length - 1;
  // The banner counts what is still missing here, so it goes away as the questions are answered.
  const stepErrors = shown.filter((q) => errors[q.id]).length;
  const banner = stepErrors > 0 ? (notice ?? missingAnswersNotice(stepErrors)) : notice;

  function setAnswer(question: WizardQuestion, value: AnswerValue | undefined) {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[question.id];
      else next[question.id] = value;
      return next;
    });
    setErrors(({ [question.id]: _removed, ...rest }) => rest);
    setNotice(null);
  }

  function focusQuestion(id: string) {
    requestAnimationFrame(() => {
      const element = document.getElementById(`q-${id}`);
      element?.scrollIntoView({ block: "center" });
      element?.querySelector<HTMLElement>("input, button")?.focus();
    });
  }

  function goTo(index: number) {
    setStep(index);
    setNotice(null);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  function errorsFor(missing: WizardQuestion[]) {
    return Object.fromEntries(missing.map((q) => [q.id, missingAnswerMessage(q)]));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.dataset.final !== undefined) {
      const missing = missingAnswers(questions, answers);
      if (missing.length > 0) {
        event.preventDefault();
        setErrors(errorsFor(missing));
        const first = missing[0]!;
        setStep(sections.findIndex((s) => s.slug === first.section));
        setNotice("Some questions still need an answer.");
        focusQuestion(first.id);
        return;
      }
      // Valid: React posts the form to the server action, which opens the report.
      setNotice(null);
      return;
    }
    event.preventDefault();
    const to = submitter?.value ?? (isLast ? section.slug : "next");
    if (to === "next") {
      const missing = missingAnswers(questions, answers, section.slug);
      if (missing.length > 0) {
        setErrors((current) => ({ ...current, ...errorsFor(missing) }));
        focusQuestion(missing[0]!.id);
        return;
      }
      goTo(Math.min(step + 1, sections.length - 1));
    } else if (to === "back") goTo(Math.max(0, step - 1));
    else {
      const index = sections.findIndex((s) => s.slug === to);
      if (index >= 0 && index !== step) goTo(index);
    }
  }

  // Answers of the other steps ride along as hidden fields, so every submission carries all of them.
  const carried = questions.flatMap((q) =>
    q.section === section.slug || answers[q.id] === undefined ? [] : fieldsForAnswer(q, answers[q.id]!),
  );

  return (
    <div className="grid gap-8 lg:grid-cols-[15rem_1fr]">
      {/*
        The form's default button (Enter in a field without JavaScript): the first submit button in the document
        that belongs to the form. "Next" on every step; on the last one it stays there (and runs the tool finder),
        so Enter never sends the assessment.
      */}
      <button type="submit" form={FORM_ID} name={WIZARD_FIELDS.to} value={isLast ? section.slug : "next"} hidden />
      <nav aria-label="Assessment sections" className="lg:sticky lg:top-6 lg:self-start">
        <div className="mb-4">
          <div className="flex justify-between text-sm">
            <span className="font-medium">
              Step {step + 1} of {sections.length}
            </span>
            <span className="text-ink-muted">{progress}% answered</span>
          </div>
          <div
            role="progressbar"
            aria-label="Questions answered"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            className="mt-2 h-2 overflow-hidden rounded-full bg-surface-muted"
          >
            <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${progress}%` }} />
          </div>
        </div>
        <ol className="hidden space-y-1 lg:block">
          {sections.map((s, i) => (
            <li key={s.slug}>
              <button
                type="submit"
                form={FORM_ID}
                name={WIZARD_FIELDS.to}
                value={s.slug}
                aria-current={i === step ? "step" : undefined}
                className={`flex w-full items-center justify-between rounded-md px-2 py-1.5 text-left text-sm ${i === step ? "bg-accent-soft font-semibold text-accent" : "text-ink-muted hover:bg-surface-muted hover:text-ink"}`}
              >
                <span>{s.title}</span>
                {isSectionComplete(questions, answers, s.slug) ? (
                  <>
                    <span className="sr-only"> (complete)</span>
                    <span aria-hidden="true">✓</span>
                  </>
                ) : null}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="section-heading">
        {restored ? (
          <div className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-surface-muted p-3 text-sm">
            <span>We restored the answers you gave earlier in this browser.</span>
            <button
              type="button"
              onClick={() => {
                setAnswers(parentId ? initial.answers : {});
                setErrors({});
                setRestored(false);
                goTo(0);
              }}
              className="font-medium text-accent hover:underline"
            >
              Start over
            </button>
          </div>
        ) : null}
        <h2
          id="section-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-2xl font-bold tracking-tight outline-none"
        >
          {section.title}
        </h2>
        <p className="mt-1 text-ink-muted">{section.intro}</p>
        {banner ? (
          <p role="alert" className="mt-4 rounded-md border border-danger bg-danger-soft p-3 text-sm">
            {banner}
          </p>
        ) : null}
        <form
          id={FORM_ID}
          ref={formRef}
          method="get"
          action="/assess"
          noValidate
          onSubmit={onSubmit}
          className="mt-6 space-y-4"
        >
          <input type="hidden" name={WIZARD_FIELDS.step} value={section.slug} />
          {parentId ? <input type="hidden" name={WIZARD_FIELDS.from} value={parentId} /> : null}
          {carried.map(([name, value]) => (
            <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
          ))}
          {shown.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              value={answers[q.id]}
              error={errors[q.id]}
              onChange={(v) => setAnswer(byId.get(q.id)!, v)}
              tools={tools}
              toolFilter={toolFilter}
            />
          ))}
          <div className="flex items-center justify-between gap-3 pt-2">
            <button
              type="submit"
              name={WIZARD_FIELDS.to}
              value="back"
              disabled={step === 0}
              className="rounded-md border border-line px-4 py-2 font-medium hover:bg-surface-muted disabled:opacity-40"
            >
              Back
            </button>
            {isLast ? (
              <button
                type="submit"
                formAction={submit}
                data-final=""
                disabled={submitting}
                className="rounded-md bg-accent px-5 py-2 font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60"
              >
                {submitting ? "Saving…" : "See my results"}
              </button>
            ) : (
              <button
                type="submit"
                name={WIZARD_FIELDS.to}
                value="next"
                className="rounded-md bg-accent px-5 py-2 font-semibold text-accent-ink hover:opacity-90"
              >
                Next
              </button>
            )}
          </div>
        </form>
      </section>
    </div>
  );
}
