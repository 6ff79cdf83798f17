import { describe, expect, test } from "vitest";
import { ZSlug } from "./schema";
import { slugFromName } from "./slug";

describe("slugFromName", () => {
  test.each([
    ["MLflow", "mlflow"],
    ["Weights & Biases", "weights-and-biases"],
    ["Apache Spark / PySpark", "apache-spark-pyspark"],
    ["Sigstore / cosign", "sigstore-cosign"],
    ["Notepad++", "notepad-plus-plus"],
    ["  Café  Crème ", "cafe-creme"],
    ["Neptune.ai", "neptune-ai"],
    ["ML Metadata (MLMD)", "ml-metadata-mlmd"],
  ])("%j → %j", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  test("is always a valid slug, or empty when the name has no letters or digits", () => {
    expect(slugFromName("—")).toBe("");
    const long = slugFromName("A very long name ".repeat(10));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(ZSlug.safeParse(long).success).toBe(true);
  });
});
