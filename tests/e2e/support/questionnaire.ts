import type { Page } from "@playwright/test";

/**
 * Answers every question on the current questionnaire step: the n-th choice of each single-choice question (clamped)
 * and the first box of each multiple choice. A follow-up question can appear once its gate is answered (LLM hosting
 * after "LLM applications"), or go when the gate is answered differently: the step is then answered again from the
 * top, which is harmless because checking is idempotent.
 */
export async function answerStep(page: Page, choice = 1) {
  const fieldsets = page.locator("form fieldset[id^='q-']");
  for (let pass = 0, previous = -1; pass < 3; pass++) {
    const count = await fieldsets.count();
    if (count === previous) break;
    previous = count;
    for (let i = 0; i < count; i++) {
      const fieldset = fieldsets.nth(i);
      const radios = fieldset.getByRole("radio");
      const radioCount = await radios.count();
      if (radioCount > 0) {
        await radios.nth(Math.min(choice, radioCount - 1)).check();
        continue;
      }
      const boxes = fieldset.getByRole("checkbox");
      if ((await boxes.count()) > 0) await boxes.first().check();
    }
  }
}
