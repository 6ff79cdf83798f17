"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { Answers } from "@/domain/assessment/answer-model";
import type { Questionnaire } from "@/domain/assessment/questionnaire-schema";
import { scoreAnswers } from "@/domain/assessment/score";
import { diffRecommendations, type StackChange } from "@/domain/recommender/diff";
import { toRecommenderProfile } from "@/domain/recommender/from-profile";
import { recommend } from "@/domain/recommender/recommend";
import type { RecommenderCatalog } from "@/domain/recommender/types";
import { HORIZON_LABELS } from "./horizon-labels";

type Loaded = { questionnaire: Questionnaire; answers: Answers; catalog: RecommenderCatalog };

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

function describe(change: StackChange): string {
  switch (change.kind) {
    case "stage":
      return `Stage ${change.from} → ${change.to}`;
    case "pick":
      return `${change.capabilityName}: ${change.from ?? "nothing"} → ${change.to ?? "nothing fits"}`;
    case "horizon":
      return `${change.capabilityName}: ${HORIZON_LABELS[change.from]} → ${HORIZON_LABELS[change.to]}`;
    case "added":
      return `${change.capabilityName} added (${HORIZON_LABELS[change.horizon]}${change.pick ? `: ${change.pick}` : ""})`;
    case "removed":
      return `${change.capabilityName} no longer needed`;
  }
}

/**
 * Re-runs scoring and the recommender in the browser on every change, shows what changes in the stack, and saves
 * the changed answers as a new assessment only when asked.
 */
export function WhatIfPanel({ assessmentId, onClose }: { assessmentId: string; onClose: () => void }) {
  const router = useRouter();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [saving, setSaving] = useState(false);

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
  const changes = baseline && current ? diffRecommendations(baseline, current) : [];

  if (error)
    return (
      <p role="alert" className="text-sm text-danger">
        {error}
      </p>
    );
  if (!loaded || !current) return <p className="text-sm text-ink-muted">Loading the recommender…</p>;

  const editable = loaded.questionnaire.questions.filter((q) => q.kind === "single" || q.kind === "scale");
  const constraintQuestions = editable.filter((q) => q.constraint);
  const maturityQuestions = editable.filter((q) => q.dimension);

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

  const select = (question: (typeof editable)[number]) => {
    const value = answers[question.id];
    const options =
      question.kind === "scale"
        ? [0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: `${n} of 4` }))
        : question.options.map((o) => ({ value: o.value, label: o.label }));
    return (
      <label key={question.id} className="block text-sm">
        <span className="block text-ink-muted">{question.prompt}</span>
        <select
          value={value === undefined ? "" : String(value)}
          onChange={(e) => {
            const raw = e.target.value;
            setAnswers((a) => ({ ...a, [question.id]: question.kind === "scale" ? Number(raw) : raw }));
          }}
          className="mt-1 w-full rounded-md border border-line bg-surface px-2 py-1.5"
        >
          {value === undefined || value === "dont-know" ? (
            <option value={value === undefined ? "" : "dont-know"}>
              {value === undefined ? "Not answered" : "Don't know"}
            </option>
          ) : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    );
  };

  return (
    <section aria-labelledby="what-if-heading" className="rounded-lg border border-accent bg-surface-raised p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="what-if-heading" className="text-lg font-semibold">
          What if…?
        </h3>
        <button type="button" onClick={onClose} className="text-sm text-ink-muted hover:underline">
          Close
        </button>
      </div>
      <p className="mt-1 text-sm text-ink-muted">
        Change answers below; the stack is recomputed in your browser. Nothing is saved until you save it.
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_1fr]">
        <div className="space-y-3">
          <p className="font-medium">Your context</p>
          {constraintQuestions.map(select)}
          <details>
            <summary className="cursor-pointer font-medium">Maturity answers</summary>
            <div className="mt-3 space-y-3">{maturityQuestions.map(select)}</div>
          </details>
        </div>
        <div>
          <p className="font-medium">
            What changes{" "}
            <span className="text-sm font-normal text-ink-muted">
              (stage {current.stage}, {current.toolCount.now} tools now)
            </span>
          </p>
          <div aria-live="polite">
            {changes.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">No change yet.</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm" aria-label="Changes to the stack">
                {changes.map((change, i) => (
                  <li key={i} className="rounded border border-line px-2 py-1">
                    {describe(change)}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="mt-4 flex flex-wrap gap-2">
            <button
              type="button"
              disabled={changes.length === 0 || saving}
              onClick={() => void save()}
              className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-ink disabled:opacity-50"
            >
              {saving ? "Saving…" : "Save as a new assessment"}
            </button>
            <button
              type="button"
              disabled={changes.length === 0}
              onClick={() => setAnswers(loaded.answers)}
              className="rounded-md border border-line px-4 py-2 text-sm disabled:opacity-50"
            >
              Reset
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
