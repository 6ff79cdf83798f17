import { describe, expect, test } from "vitest";
import { catalogQueryToSearch, parseCatalogQuery, parseCatalogQueryStrict } from "./catalog-query";
import { EMPTY_QUERY } from "./search";

describe("the catalog query in the URL", () => {
  test("round-trips through the URL so a shared link restores the same view", () => {
    const query = {
      ...EMPTY_QUERY,
      text: "feature store",
      capabilities: ["feature-store"],
      clouds: ["aws" as const],
      stages: [3 as const, 4 as const],
      sort: "name" as const,
    };
    const search = catalogQueryToSearch(query);
    expect(search).toBe("?q=feature+store&cap=feature-store&cloud=aws&stage=3,4&sort=name");
    expect(parseCatalogQuery(Object.fromEntries(new URLSearchParams(search)))).toEqual(query);
  });

  test("the empty query is the bare URL", () => {
    expect(catalogQueryToSearch(EMPTY_QUERY)).toBe("");
  });

  test("accepts repeated parameters as well as commas (plain HTML forms send repeats)", () => {
    expect(parseCatalogQuery({ cloud: ["aws", "gcp"], stage: "1,2" })).toMatchObject({
      clouds: ["aws", "gcp"],
      stages: [1, 2],
    });
  });

  test("the page drops values it does not know, so old links still open", () => {
    expect(parseCatalogQuery({ cloud: "aws,mars", sort: "random", stage: "9" })).toMatchObject({
      clouds: ["aws"],
      sort: "relevance",
      stages: [],
    });
  });

  test("the API rejects values it does not know, naming the parameter", () => {
    const result = parseCatalogQueryStrict({ cloud: "mars", stage: "9", sort: "random" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.param).sort()).toEqual(["cloud", "sort", "stage"]);
  });
});
