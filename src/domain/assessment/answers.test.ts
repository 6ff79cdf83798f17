import { describe, expect, test } from "vitest";
import { answersAtLevels, makeQuestionnaire } from "../../../tests/fixtures/questionnaire-builders";
import { DONT_KNOW, validateAnswers } from "./answers";

const questionnaire = makeQuestionnaire([
  {
    id: "gate",
    section: "main",
    kind: "single",
    dimension: "monitoring",
    prompt: "Gate?",
    help: "h",
    options: [
      { value: "no", label: "No", level: 0 },
      { value: "yes", label: "Yes", level: 2 },
    ],
  },
  {
    id: "gated",
    section: "main",
    kind: "scale",
    dimension: "monitoring",
    prompt: "Gated?",
    help: "h",
    showIf: { question: "gate", anyOf: ["yes"] },
    scale: { minLabel: "a", maxLabel: "b" },
  },
]);
const constraints = {
  "c-cloud": "aws",
  "c-airgapped": "no",
  "c-kubernetes": "no",
  "c-licensepolicy": "any",
  "c-hostingpreference": "managed",
  "c-budget": "small",
  "c-teamsize": "small",
  "c-modelsinproduction": "none",
  "c-regulated": "no",
  "c-llmapplications": "no",
};
const valid = { ...answersAtLevels([2, 2, 2, 2, 2, 2, 2]), ...constraints, gate: "yes", gated: 3 };
const tools = new Set(["jenkins", "mlflow"]);
const paths = (raw: unknown) => {
  const result = validateAnswers(questionnaire, raw, tools);
  return result.ok ? [] : result.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("validateAnswers", () => {
  test("accepts a complete answer set", () => {
    expect(validateAnswers(questionnaire, valid, tools)).toEqual({ ok: true, answers: valid });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ["an unknown question", { ...valid, "made-up": "x" }, /^answers\.made-up: is not a question/],
    [
      "a value that is not an option",
      { ...valid, "serving-1": "l9" },
      /^answers\.serving-1: must be one of: l0, l1, l2, l3, l4, dont-know/,
    ],
    ["a missing required answer", { ...valid, "serving-2": undefined }, /^answers\.serving-2: is required$/],
    ["a scale outside 0–4", { ...valid, gated: 7 }, /^answers\.gated: /],
    ["a constraint outside its values", { ...valid, "c-cloud": "mars" }, /^answers\.c-cloud: must be one of/],
    [
      "a tool that is not in the catalog",
      { ...valid, "tools-in-use": ["jenkins", "<script>"] },
      /^answers\.tools-in-use\.1: is not a tool in the catalog/,
    ],
    ["“Don't know” where it is not offered", { ...valid, "c-cloud": DONT_KNOW }, /^answers\.c-cloud: must be one of/],
    ["a wrong type", { ...valid, "serving-3": ["l1"] }, /^answers\.serving-3: /],
  ])("rejects %s with a path naming the question", (_label, raw, expected) => {
    expect(paths(raw)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  test("rejects anything that is not an object", () => {
    expect(paths([1, 2])).toEqual(["answers: must be an object keyed by question id"]);
    expect(paths(null)).toEqual(["answers: must be an object keyed by question id"]);
  });

  test("drops answers to questions hidden by an earlier answer instead of failing", () => {
    const result = validateAnswers(questionnaire, { ...valid, gate: "no", gated: 3 }, tools);
    expect(result.ok && result.answers).not.toHaveProperty("gated");
  });

  test("a question revealed by an earlier answer becomes required", () => {
    expect(paths({ ...valid, gated: undefined })).toEqual(["answers.gated: is required"]);
  });
});
