"use client";

import { NONE_OF_THESE, type WizardQuestion } from "@/domain/assessment/answer-form";
import { DONT_KNOW, type AnswerValue } from "@/domain/assessment/answer-model";
import { ToolPicker, type PickerTool } from "./tool-picker";

type Props = {
  question: WizardQuestion;
  value: AnswerValue | undefined;
  error: string | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  tools: PickerTool[];
  /** Tool finder text submitted without JavaScript (the tools question only). */
  toolFilter?: string;
};

const SCALE_POINTS = [0, 1, 2, 3, 4] as const;

/**
 * One question as an accessible fieldset: legend = prompt, help and error linked by aria-describedby. Every control
 * is a native form field named by the question id (src/domain/assessment/answer-form.ts), so the answer is part of
 * the form whether or not JavaScript runs.
 */
export function QuestionField({ question, value, error, onChange, tools, toolFilter }: Props) {
  const id = `q-${question.id}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [helpId, error ? errorId : null].filter(Boolean).join(" ");
  const isDontKnow = value === DONT_KNOW;
  const name = question.id;

  const radio = (optionValue: string, label: string, description?: string) => (
    <label
      key={optionValue}
      className="flex cursor-pointer items-start gap-3 rounded-md border border-line p-3 hover:bg-surface-muted has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
    >
      <input
        type="radio"
        name={name}
        value={optionValue}
        checked={value === optionValue}
        onChange={() => onChange(optionValue)}
        className="mt-0.5 h-4 w-4 shrink-0 accent-[var(--accent)]"
      />
      <span>
        <span className="block text-sm">{label}</span>
        {description ? <span className="mt-0.5 block text-xs text-ink-muted">{description}</span> : null}
      </span>
    </label>
  );

  let control: React.ReactNode;
  switch (question.kind) {
    case "single":
      control = (
        <div className="grid gap-2">
          {question.options.map((o) => radio(o.value, o.label, o.description))}
          {question.allowDontKnow ? radio(DONT_KNOW, "Don't know") : null}
        </div>
      );
      break;
    case "multi": {
      const chosen = Array.isArray(value) ? value : [];
      control = (
        <div className="grid gap-2">
          {question.options.map((o) => (
            <label
              key={o.value}
              className="flex cursor-pointer items-start gap-3 rounded-md border border-line p-3 hover:bg-surface-muted has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
            >
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={chosen.includes(o.value)}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value);
                  // Unticking the last practice leaves the question unanswered; "None of these" is its own answer.
                  onChange(next.length > 0 ? next : undefined);
                }}
                className="mt-0.5 h-4 w-4 shrink-0 accent-[var(--accent)]"
              />
              <span className="text-sm">{o.label}</span>
            </label>
          ))}
          <label className="flex cursor-pointer items-center gap-3 rounded-md border border-dashed border-line p-3 text-sm hover:bg-surface-muted has-[:checked]:border-accent">
            <input
              type="checkbox"
              name={name}
              value={NONE_OF_THESE}
              checked={Array.isArray(value) && value.length === 0}
              onChange={(e) => onChange(e.target.checked ? [] : undefined)}
              className="h-4 w-4 accent-[var(--accent)]"
            />
            None of these
          </label>
          {question.allowDontKnow ? (
            <label className="flex cursor-pointer items-center gap-3 rounded-md border border-dashed border-line p-3 text-sm hover:bg-surface-muted has-[:checked]:border-accent">
              <input
                type="checkbox"
                name={name}
                value={DONT_KNOW}
                checked={isDontKnow}
                onChange={(e) => onChange(e.target.checked ? DONT_KNOW : undefined)}
                className="h-4 w-4 accent-[var(--accent)]"
              />
              Don&apos;t know
            </label>
          ) : null}
        </div>
      );
      break;
    }
    case "scale":
      control = (
        <div>
          <div className="grid grid-cols-5 gap-2">
            {SCALE_POINTS.map((point) => (
              <label
                key={point}
                className="flex cursor-pointer flex-col items-center gap-1 rounded-md border border-line p-2 text-sm hover:bg-surface-muted has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
              >
                <input
                  type="radio"
                  name={name}
                  value={point}
                  checked={value === point}
                  onChange={() => onChange(point)}
                  className="h-4 w-4 accent-[var(--accent)]"
                />
                <span aria-hidden="true">{point}</span>
                <span className="sr-only">
                  {point}
                  {point === 0
                    ? `, ${question.scale?.minLabel ?? ""}`
                    : point === 4
                      ? `, ${question.scale?.maxLabel ?? ""}`
                      : ""}
                </span>
              </label>
            ))}
          </div>
          <div aria-hidden="true" className="mt-1 flex justify-between text-xs text-ink-muted">
            <span>0 · {question.scale?.minLabel}</span>
            <span>4 · {question.scale?.maxLabel}</span>
          </div>
          {question.allowDontKnow ? <div className="mt-2">{radio(DONT_KNOW, "Don't know")}</div> : null}
        </div>
      );
      break;
    case "tools":
      control = (
        <ToolPicker
          name={name}
          tools={tools}
          selected={Array.isArray(value) ? value : []}
          onChange={(next) => onChange(next.length > 0 ? next : undefined)}
          labelledBy={`${id}-legend`}
          serverFilter={toolFilter}
          section={question.section}
        />
      );
      break;
  }

  return (
    <fieldset
      id={id}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      className={`rounded-lg border p-4 sm:p-5 ${error ? "border-danger" : "border-line"} bg-surface-raised`}
    >
      <legend id={`${id}-legend`} className="float-left w-full text-base font-semibold">
        {question.prompt}
        {question.required ? null : <span className="ml-2 text-sm font-normal text-ink-muted">(optional)</span>}
      </legend>
      <p id={helpId} className="clear-both pt-1 text-sm text-ink-muted">
        {question.help}
      </p>
      {error ? (
        <p id={errorId} role="alert" className="mt-2 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
      <div className="mt-4">{control}</div>
    </fieldset>
  );
}
