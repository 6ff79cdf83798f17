import { afterEach, vi } from "vitest";

/** A console.error during a unit test is a bug somewhere: the test that caused it fails. */
let errors: unknown[][] = [];
const original = console.error;

console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

afterEach(() => {
  const seen = errors;
  errors = [];
  vi.restoreAllMocks();
  if (seen.length > 0) {
    throw new Error(`console.error was called ${seen.length} time(s) during this test: ${String(seen[0]?.[0])}`);
  }
});
