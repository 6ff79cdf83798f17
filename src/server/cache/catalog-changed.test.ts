import { expect, test } from "vitest";
import { onCatalogChanged, subscribeToCatalogChanges } from "./catalog-changed";

test("every subscriber hears a change once, a failing one does not stop the others, and unsubscribing works", () => {
  const heard: string[] = [];
  const stopA = subscribeToCatalogChanges(() => heard.push("a"));
  const stopFailing = subscribeToCatalogChanges(() => {
    throw new Error("boom");
  });
  const stopB = subscribeToCatalogChanges(() => heard.push("b"));
  expect(() => onCatalogChanged()).not.toThrow();
  expect(heard).toEqual(["a", "b"]);
  stopA();
  onCatalogChanged();
  expect(heard).toEqual(["a", "b", "b"]);
  stopB();
  stopFailing();
});
