import { describe, expect, test } from "vitest";
import { describeValue, diffEntries } from "./entry-diff";

describe("diffEntries", () => {
  test("lists only the fields whose values differ, comparing lists and objects by value", () => {
    const before = { name: "MLflow", stages: [1, 2], risks: [{ kind: "acquired", note: "x" }], version: 3 };
    const after = { name: "MLflow", stages: [1, 2, 3], risks: [{ kind: "acquired", note: "x" }], version: 4 };
    expect(diffEntries(before, after)).toEqual([{ field: "stages", before: [1, 2], after: [1, 2, 3] }]);
  });

  test("a created entry changes every field it has; a deleted one every field it had", () => {
    expect(diffEntries(null, { slug: "a", name: "A" }).map((c) => c.field)).toEqual(["slug", "name"]);
    expect(diffEntries({ slug: "a", repository: null }, null)).toEqual([{ field: "slug", before: "a", after: null }]);
  });

  test("bookkeeping fields are ignored unless asked for", () => {
    expect(diffEntries({ version: 1 }, { version: 2 })).toEqual([]);
    expect(diffEntries({ version: 1 }, { version: 2 }, [])).toEqual([{ field: "version", before: 1, after: 2 }]);
  });
});

test.each([
  [null, "—"],
  ["text", "text"],
  [[1, 2], "1, 2"],
  [[], "—"],
  [true, "true"],
])("describeValue(%j) is %j", (value, text) => {
  expect(describeValue(value)).toBe(text);
});
