"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { isQuestionVisible, type AnswerValue, type Answers } from "@/domain/assessment/answer-model";
import type { Question, Questionnaire } from "@/domain/assessment/questionnaire-schema";
import { useHydrated } from "@/components/use-hydrated";
import { QuestionField } from "./question-field";
import type { PickerTool } from "./tool-picker";

type Props = {
  questionnaire: Questionnaire;
  tools: PickerTool[];
  /** Answers to start from when editing a saved assessment. */
  initialAnswers?: Answers;
  parentId?: string;
};

type Draft = { version: string; answers: Answers; step: number; parentId?: string };

const draftKey = (version: string) => `assessment-draft:${version}`;

function isAnswered(value: AnswerValue | undefined): boolean {
  return value !== undefined && !(typeof value === "string" && value === "");
}

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
 * The questionnaire, one section per step. Answers autosave in this browser, so a reload resumes where the user
 * was; a failed submission keeps everything and points at the questions that need attention.
 */
export function AssessmentWizard({ questionnaire, tools, initialAnswers, parentId }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const sections = questionnaire.sections;
  const byId = useMemo(() => new Map(questionnaire.questions.map((q) => [q.id, q])), [questionnaire]);
  const [answers, setAnswers] = useState<Answers>(initialAnswers ?? {});
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [restored, setRestored] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = useRef(false);

  // Resume a draft once, after mount (localStorage is not available on the server).
  useEffect(() => {
    const draft = readDraft(questionnaire.version);
    if (draft && (initialAnswers === undefined || draft.parentId === parentId)) {
      setAnswers(draft.answers);
      setStep(Math.min(Math.max(0, draft.step), sections.length - 1));
      setRestored(Object.keys(draft.answers).length > 0);
    }
    loaded.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once on mount by design
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

  const visibleQuestions = (sectionSlug: string) =>
    questionnaire.questions.filter((q) => q.section === sectionSlug && isQuestionVisible(q, answers, byId));
  const allVisible = questionnaire.questions.filter((q) => isQuestionVisible(q, answers, byId));
  const answeredCount = allVisible.filter((q) => isAnswered(answers[q.id])).length;
  const progress = allVisible.length === 0 ? 0 : Math.round((answeredCount / allVisible.length) * 100);
  const section = sections[step];
  const isLast = step === sections.length - 1;

  function setAnswer(question: Question, value: AnswerValue | undefined) {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[question.id];
      else next[question.id] = value;
      return next;
    });
    setErrors(({ [question.id]: _removed, ...rest }) => rest);
  }

  function missingIn(sectionSlug: string): Question[] {
    return visibleQuestions(sectionSlug).filter((q) => q.required && !isAnswered(answers[q.id]));
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

  function next() {
    if (!section) return;
    const missing = missingIn(section.slug);
    if (missing.length > 0) {
      setErrors((current) => ({
        ...current,
        ...Object.fromEntries(missing.map((q) => [q.id, "Please answer this question (or choose “Don't know”)."])),
      }));
      setNotice(
        `${missing.length === 1 ? "One question needs" : `${missing.length} questions need`} an answer before you go on.`,
      );
      focusQuestion(missing[0]!.id);
      return;
    }
    goTo(step + 1);
  }

  async function submit() {
    const missing = sections.flatMap((s) => missingIn(s.slug));
    if (missing.length > 0) {
      setErrors(
        Object.fromEntries(missing.map((q) => [q.id, "Please answer this question (or choose “Don't know”)."])),
      );
      const first = missing[0]!;
      setStep(sections.findIndex((s) => s.slug === first.section));
      setNotice("Some questions still need an answer.");
      focusQuestion(first.id);
      return;
    }
    setSubmitting(true);
    setNotice(null);
    const visibleAnswers = Object.fromEntries(
      Object.entries(answers).filter(([id]) => allVisible.some((q) => q.id === id)),
    );
    try {
      const response = await fetch("/api/v1/assessments", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          answers: visibleAnswers,
          questionnaireVersion: questionnaire.version,
          ...(parentId ? { parentId } : {}),
        }),
      });
      const body = (await response.json()) as {
        id?: string;
        error?: { message: string; issues?: { path: string; message: string }[] };
      };
      if (response.status === 201 && body.id) {
        localStorage.removeItem(draftKey(questionnaire.version));
        router.push(`/r/${body.id}`);
        return;
      }
      const fieldErrors: Record<string, string> = {};
      for (const issue of body.error?.issues ?? []) {
        const [, questionId] = issue.path.split(".");
        if (questionId && byId.has(questionId))
          fieldErrors[questionId] = `This answer was not accepted: ${issue.message}.`;
      }
      setErrors(fieldErrors);
      const firstId = Object.keys(fieldErrors)[0];
      if (firstId) {
        const first = byId.get(firstId)!;
        setStep(sections.findIndex((s) => s.slug === first.section));
        focusQuestion(firstId);
      }
      setNotice(body.error?.message ?? "Your answers could not be saved. Nothing was lost; please try again.");
    } catch {
      setNotice("The server could not be reached. Your answers are kept in this browser; try again in a moment.");
    } finally {
      setSubmitting(false);
    }
  }

  if (!section) return null;
  const questions = visibleQuestions(section.slug);

  return (
    <div className="grid gap-8 lg:grid-cols-[15rem_1fr]">
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
          {sections.map((s, i) => {
            const sectionQuestions = visibleQuestions(s.slug);
            const done =
              sectionQuestions.length > 0 && sectionQuestions.every((q) => !q.required || isAnswered(answers[q.id]));
            return (
              <li key={s.slug}>
                <button
                  type="button"
                  onClick={() => goTo(i)}
                  disabled={!hydrated}
                  aria-current={i === step ? "step" : undefined}
                  className={`flex w-full items-center justify-between rounded-md px-2 py-1.5 text-left text-sm ${i === step ? "bg-accent-soft font-semibold text-accent" : "text-ink-muted hover:bg-surface-muted hover:text-ink"}`}
                >
                  <span>{s.title}</span>
                  {done ? <span aria-label="complete">✓</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <section aria-labelledby="section-heading">
        {restored ? (
          <div className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-surface-muted p-3 text-sm">
            <span>We restored the answers you gave earlier in this browser.</span>
            <button
              type="button"
              onClick={() => {
                setAnswers(initialAnswers ?? {});
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
        {notice ? (
          <p role="alert" className="mt-4 rounded-md border border-danger bg-danger-soft p-3 text-sm">
            {notice}
          </p>
        ) : null}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (isLast) void submit();
            else next();
          }}
          aria-busy={!hydrated}
          className="mt-6"
        >
          {/* Until React runs, answers given here would not reach the wizard's state: the form waits for it. */}
          <fieldset disabled={!hydrated} className="m-0 min-w-0 space-y-4 border-0 p-0">
            {questions.map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                value={answers[q.id]}
                error={errors[q.id]}
                onChange={(v) => setAnswer(q, v)}
                tools={tools}
              />
            ))}
            <div className="flex items-center justify-between gap-3 pt-2">
              <button
                type="button"
                onClick={() => goTo(step - 1)}
                disabled={step === 0}
                className="rounded-md border border-line px-4 py-2 font-medium hover:bg-surface-muted disabled:opacity-40"
              >
                Back
              </button>
              <button
                type="submit"
                disabled={submitting}
                className="rounded-md bg-accent px-5 py-2 font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60"
              >
                {isLast ? (submitting ? "Saving…" : "See my results") : "Next"}
              </button>
            </div>
          </fieldset>
        </form>
      </section>
    </div>
  );
}
