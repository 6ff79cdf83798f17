"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Combobox } from "@/components/combobox";
import { DONT_KNOW, isQuestionVisible, type AnswerValue, type Answers } from "@/domain/assessment/answer-model";
import type { Question, Questionnaire } from "@/domain/assessment/questionnaire-schema";
import { scoreAnswers } from "@/domain/assessment/score";
import { toRecommenderProfile } from "@/domain/recommender/from-profile";
import { recommend } from "@/domain/recommender/recommend";
import type { RecommenderCatalog } from "@/domain/recommender/types";
import { describeStackChanges } from "./stack-changes";

type Loaded = { questionnaire: Questionnaire; answers: Answers; catalog: RecommenderCatalog };

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

const isSame = (a: AnswerValue | undefined, b: AnswerValue | undefined) =>
  JSON.stringify(Array.isArray(a) ? [...a].sort() : a) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b);

const CONTROL_CLASS = "mt-1 w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

/**
 * Re-runs scoring and the recommender in the browser on every change and shows what changes in the stack, next to
 * the answers on a wide screen (and kept in view while scrolling) and above them on a phone, with a bar at the bottom
 * of the screen that keeps the count in sight. Every kind of question can be changed. Nothing is saved until asked:
 * saving makes a new assessment linked to this one.
 */
export function WhatIfPanel({ assessmentId, onClose }: { assessmentId: string; onClose: () => void }) {
  const router = useRouter();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLElement>(null);
  const [isSummaryInView, setIsSummaryInView] = useState(true);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      fetchJson<{ data: Questionnaire }>("/api/v1/questionnaire"),
      fetchJson<{ answers: Answers }>(`/api/v1/assessments/${assessmentId}`),
      fetchJson<{ data: RecommenderCatalog }>("/api/v1/recommender/catalog"),
    ])
      .then(([q, a, c]) => {
        if (cancelled) return;
        const ids = new Set(q.data.questions.map((question) => question.id));
        const carried = Object.fromEntries(Object.entries(a.answers).filter(([id]) => ids.has(id)));
        setLoaded({ questionnaire: q.data, answers: carried, catalog: c.data });
        setAnswers(carried);
      })
      .catch(() => !cancelled && setError("The what-if panel could not load. Reload the page to try again."));
    return () => {
      cancelled = true;
    };
  }, [assessmentId]);

  useEffect(() => {
    const summary = summaryRef.current;
    if (!summary) return;
    const observer = new IntersectionObserver(([entry]) => setIsSummaryInView(entry?.isIntersecting ?? true));
    observer.observe(summary);
    return () => observer.disconnect();
  }, [loaded]);

  const baseline = useMemo(
    () =>
      loaded
        ? recommend(toRecommenderProfile(scoreAnswers(loaded.questionnaire, loaded.answers)), loaded.catalog)
        : null,
    [loaded],
  );
  const current = useMemo(
    () =>
      loaded ? recommend(toRecommenderProfile(scoreAnswers(loaded.questionnaire, answers)), loaded.catalog) : null,
    [loaded, answers],
  );
  const changes = useMemo(
    () => (baseline && current ? describeStackChanges(baseline, current) : []),
    [baseline, current],
  );
  const toolOptions = useMemo(() => {
    if (!loaded) return [];
    const capabilityName = new Map(loaded.catalog.capabilities.map((c) => [c.slug, c.name]));
    return loaded.catalog.tools.map((t) => ({
      value: t.slug,
      label: t.name,
      detail: t.capabilities.primary.map((c) => capabilityName.get(c) ?? c).join(", "),
      keywords: [...t.capabilities.primary, ...t.capabilities.secondary].map((c) => capabilityName.get(c)).join(" "),
    }));
  }, [loaded]);

  if (error)
    return (
      <p role="alert" className="text-sm text-danger">
        {error}
      </p>
    );
  if (!loaded || !current || !baseline) return <p className="text-sm text-ink-muted">Loading the recommender…</p>;

  const { questionnaire } = loaded;
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const visible = questionnaire.questions.filter((q) => isQuestionVisible(q, answers, byId));
  const context = visible.filter((q) => q.constraint && q.kind !== "tools");
  const toolQuestions = visible.filter((q) => q.kind === "tools");
  const sections = questionnaire.sections
    .map((section) => ({ section, questions: visible.filter((q) => q.dimension && q.section === section.slug) }))
    .filter((s) => s.questions.length > 0);
  const changedAnswers = questionnaire.questions.filter((q) => !isSame(answers[q.id], loaded.answers[q.id])).length;
  const set = (question: Question, value: AnswerValue | undefined) =>
    setAnswers((a) => {
      const next = { ...a };
      if (value === undefined) delete next[question.id];
      else next[question.id] = value;
      return next;
    });

  async function save() {
    setSaving(true);
    const response = await fetch("/api/v1/assessments", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers, parentId: assessmentId }),
    });
    const body = (await response.json()) as { id?: string; error?: { message: string } };
    setSaving(false);
    if (response.status === 201 && body.id) router.push(`/r/${body.id}`);
    else setError(body.error?.message ?? "Saving failed. Your changes are still here.");
  }

  const field = (question: Question) => (
    <QuestionControl
      key={question.id}
      question={question}
      value={answers[question.id]}
      isChanged={!isSame(answers[question.id], loaded.answers[question.id])}
      onChange={(value) => set(question, value)}
      toolOptions={toolOptions}
    />
  );

  const headline = `Stage ${current.stage} · ${current.toolCount.now} new ${current.toolCount.now === 1 ? "tool" : "tools"} now`;
  const countText =
    changes.length > 0
      ? `${changes.length} ${changes.length === 1 ? "change" : "changes"} to the stack`
      : changedAnswers > 0
        ? "No change to the stack"
        : "No change yet";

  return (
    <section aria-labelledby="what-if-heading" className="rounded-lg border border-accent bg-surface-raised p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="what-if-heading" className="text-lg font-semibold">
          What if…?
        </h3>
        <button type="button" onClick={onClose} className="text-sm text-ink-muted hover:underline">
          Close
        </button>
      </div>
      <p className="mt-1 text-sm text-ink-muted">
        Change any answer; the stack is recomputed in your browser. Nothing is saved until you save it.
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <aside
          ref={summaryRef}
          aria-labelledby="what-if-changes-heading"
          className="rounded-md border border-line bg-surface p-4 lg:sticky lg:top-4 lg:order-2 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
        >
          <h4 id="what-if-changes-heading" className="font-semibold">
            What changes
          </h4>
          <p className="text-sm text-ink-muted">
            {headline}
            {current.toolCount.now !== baseline.toolCount.now ? ` (was ${baseline.toolCount.now})` : ""}
            {changedAnswers > 0 ? ` · ${changedAnswers} ${changedAnswers === 1 ? "answer" : "answers"} changed` : ""}
          </p>
          <div aria-live="polite">
            {changes.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">
                {changedAnswers === 0 ? "No change yet." : "No change to the stack from these answers."}
              </p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm" aria-label="Changes to the stack">
                {changes.map((change) => (
                  <li
                    key={change.key}
                    className={`rounded border px-2 py-1 ${change.affectsNow ? "border-accent" : "border-line"}`}
                  >
                    {change.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="mt-4 flex flex-wrap gap-2">
            <button
              type="button"
              disabled={changedAnswers === 0 || saving}
              onClick={() => void save()}
              className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-ink disabled:opacity-50"
            >
              {saving ? "Saving…" : "Save as a new assessment"}
            </button>
            <button
              type="button"
              disabled={changedAnswers === 0}
              onClick={() => setAnswers(loaded.answers)}
              className="rounded-md border border-line px-4 py-2 text-sm disabled:opacity-50"
            >
              Reset
            </button>
          </div>
        </aside>

        <div className="space-y-5 lg:order-1">
          <fieldset className="space-y-3">
            <legend className="font-medium">Your context</legend>
            <div className="grid gap-3 sm:grid-cols-2">{context.map(field)}</div>
          </fieldset>
          {toolQuestions.map(field)}
          <div className="space-y-2">
            <p className="font-medium">Maturity answers</p>
            {sections.map(({ section, questions }) => {
              const changed = questions.filter((q) => !isSame(answers[q.id], loaded.answers[q.id])).length;
              return (
                <details key={section.slug} className="rounded-md border border-line">
                  <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
                    {section.title}{" "}
                    <span className="font-normal text-ink-muted">
                      ({questions.length} {questions.length === 1 ? "question" : "questions"}
                      {changed > 0 ? `, ${changed} changed` : ""})
                    </span>
                  </summary>
                  <div className="space-y-3 border-t border-line px-3 py-3">{questions.map(field)}</div>
                </details>
              );
            })}
          </div>
        </div>
      </div>

      {/* On a phone the summary scrolls away above the answers: this bar keeps the result in sight. */}
      {!isSummaryInView ? (
        <div className="fixed inset-x-0 bottom-0 z-30 border-t border-accent bg-surface-raised px-4 py-2 shadow-lg lg:hidden">
          <div className="flex items-center justify-between gap-3 text-sm">
            <p>
              <span className="font-semibold">{countText}</span>
              <span className="text-ink-muted"> · {headline}</span>
            </p>
            <button
              type="button"
              onClick={() => summaryRef.current?.scrollIntoView({ behavior: "smooth", block: "start" })}
              className="shrink-0 rounded-md border border-accent px-3 py-1 font-medium text-accent"
            >
              Show
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

type ControlProps = {
  question: Question;
  value: AnswerValue | undefined;
  isChanged: boolean;
  onChange: (value: AnswerValue | undefined) => void;
  toolOptions: { value: string; label: string; detail?: string; keywords?: string }[];
};

function ChangedMark({ isChanged }: { isChanged: boolean }) {
  return isChanged ? <span className="ml-1 text-xs font-semibold text-accent">changed</span> : null;
}

/** One question, in the control that fits its kind. */
function QuestionControl({ question, value, isChanged, onChange, toolOptions }: ControlProps) {
  const id = `what-if-${question.id}`;
  switch (question.kind) {
    case "single":
    case "scale": {
      const options =
        question.kind === "scale"
          ? [0, 1, 2, 3, 4].map((n) => ({
              value: String(n),
              label:
                n === 0
                  ? `0 — ${question.scale?.minLabel ?? ""}`
                  : n === 4
                    ? `4 — ${question.scale?.maxLabel ?? ""}`
                    : String(n),
            }))
          : question.options.map((o) => ({ value: o.value, label: o.label }));
      return (
        <div className="text-sm">
          <label htmlFor={id} className="block text-ink-muted">
            {question.prompt}
            <ChangedMark isChanged={isChanged} />
          </label>
          <select
            id={id}
            value={value === undefined ? "" : String(value)}
            onChange={(e) => {
              const raw = e.target.value;
              if (raw === "") onChange(undefined);
              else if (raw === DONT_KNOW) onChange(DONT_KNOW);
              else onChange(question.kind === "scale" ? Number(raw) : raw);
            }}
            className={CONTROL_CLASS}
          >
            {value === undefined ? <option value="">Not answered</option> : null}
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
            {question.allowDontKnow ? <option value={DONT_KNOW}>Don&apos;t know</option> : null}
          </select>
        </div>
      );
    }
    case "multi": {
      const chosen = Array.isArray(value) ? value : [];
      const box = "h-4 w-4 shrink-0 accent-[var(--accent)]";
      return (
        <fieldset className="text-sm">
          <legend className="text-ink-muted">
            {question.prompt}
            <ChangedMark isChanged={isChanged} />
          </legend>
          <div className="mt-1 space-y-1">
            {question.options.map((o) => (
              <label key={o.value} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  checked={chosen.includes(o.value)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))
                  }
                  className={`mt-0.5 ${box}`}
                />
                {o.label}
              </label>
            ))}
            <label className="flex items-center gap-2 text-ink-muted">
              <input
                type="checkbox"
                checked={Array.isArray(value) && value.length === 0}
                onChange={(e) => onChange(e.target.checked ? [] : undefined)}
                className={box}
              />
              None of these
            </label>
            {question.allowDontKnow ? (
              <label className="flex items-center gap-2 text-ink-muted">
                <input
                  type="checkbox"
                  checked={value === DONT_KNOW}
                  onChange={(e) => onChange(e.target.checked ? DONT_KNOW : undefined)}
                  className={box}
                />
                Don&apos;t know
              </label>
            ) : null}
          </div>
        </fieldset>
      );
    }
    case "tools": {
      const selected = Array.isArray(value) ? value : [];
      const names = new Map(toolOptions.map((o) => [o.value, o.label]));
      return (
        <fieldset className="text-sm">
          <legend className="font-medium">
            Tools you use
            <ChangedMark isChanged={isChanged} />
          </legend>
          {selected.length === 0 ? (
            <p className="mt-1 text-ink-muted">None.</p>
          ) : (
            <ul aria-label="Tools you use" className="mt-2 flex flex-wrap gap-2">
              {selected.map((slug) => (
                <li key={slug}>
                  <button
                    type="button"
                    onClick={() => onChange(selected.filter((s) => s !== slug))}
                    aria-label={`Remove ${names.get(slug) ?? slug}`}
                    className="inline-flex items-center gap-1 rounded-full border border-accent bg-accent-soft px-3 py-1 text-accent hover:underline"
                  >
                    {names.get(slug) ?? slug} <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <Combobox
            label="Add a tool you use"
            options={toolOptions.filter((o) => !selected.includes(o.value))}
            onSelect={(option) => onChange([...selected, option.value])}
            placeholder="Type a name or a capability"
            className="mt-3 max-w-md"
          />
        </fieldset>
      );
    }
  }
}
