import { EMPTY_QUERY, type CatalogQuery } from "./search-query";

/** Writing a catalog query into a URL; kept apart from parsing so the browser bundle does not carry zod. */

export const QUERY_PARAM_NAMES = {
  text: "q",
  phases: "phase",
  capabilities: "cap",
  licenses: "license",
  pricing: "pricing",
  hosting: "hosting",
  clouds: "cloud",
  kubernetes: "k8s",
  stages: "stage",
  statuses: "status",
  sort: "sort",
} as const satisfies Record<keyof CatalogQuery, string>;

/** The shortest URL query string for a query (defaults omitted), stable in order so links compare equal. */
export function catalogQueryToSearch(query: CatalogQuery): string {
  const params = new URLSearchParams();
  if (query.text.trim()) params.set(QUERY_PARAM_NAMES.text, query.text.trim());
  const lists: [keyof CatalogQuery, (string | number)[]][] = [
    ["phases", query.phases],
    ["capabilities", query.capabilities],
    ["licenses", query.licenses],
    ["pricing", query.pricing],
    ["hosting", query.hosting],
    ["clouds", query.clouds],
    ["kubernetes", query.kubernetes],
    ["stages", query.stages],
    ["statuses", query.statuses],
  ];
  for (const [key, values] of lists) {
    if (values.length > 0) params.set(QUERY_PARAM_NAMES[key], values.join(","));
  }
  if (query.sort !== EMPTY_QUERY.sort) params.set(QUERY_PARAM_NAMES.sort, query.sort);
  const text = params.toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}
