import { z } from "zod";
import { EMPTY_QUERY, FACET_VALUES, SORT_ORDERS, type CatalogQuery } from "./search-query";
import { SLUG_PATTERN } from "./schema";

export { QUERY_PARAM_NAMES, catalogQueryToSearch } from "./catalog-query-url";

/**
 * The catalog query in a URL: `?q=tracking&cap=experiment-tracking,model-registry&cloud=aws&sort=name`. Lists are
 * comma-separated (repeated parameters are accepted too). The page parses leniently (unknown values are dropped, so
 * an old link still opens); the API parses strictly and answers 400 naming the parameter.
 */

export type RawParams = Record<string, string | string[] | undefined>;

function listOf(raw: string | string[] | undefined): string[] {
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [
    ...new Set(
      values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => v.length > 0),
    ),
  ];
}

const slugList = z.array(z.string().regex(SLUG_PATTERN, "must be a slug"));
function enumList<const T extends readonly (string | number)[]>(values: T) {
  const allowed = values.map(String);
  return z.array(z.string().refine((v) => allowed.includes(v), `must be one of: ${allowed.join(", ")}`));
}

const ZQueryLists = z.object({
  q: z.string().max(200, "must be at most 200 characters"),
  phase: slugList,
  cap: slugList,
  license: enumList(FACET_VALUES.licenses),
  pricing: enumList(FACET_VALUES.pricing),
  hosting: enumList(FACET_VALUES.hosting),
  cloud: enumList(FACET_VALUES.clouds),
  k8s: enumList(FACET_VALUES.kubernetes),
  stage: enumList(FACET_VALUES.stages),
  status: enumList(FACET_VALUES.statuses),
  sort: z.enum(SORT_ORDERS),
});

function collect(params: RawParams) {
  const first = (name: string) => listOf(params[name])[0];
  return {
    q: (Array.isArray(params.q) ? params.q.join(" ") : (params.q ?? "")).trim(),
    phase: listOf(params.phase),
    cap: listOf(params.cap),
    license: listOf(params.license),
    pricing: listOf(params.pricing),
    hosting: listOf(params.hosting),
    cloud: listOf(params.cloud),
    k8s: listOf(params.k8s),
    stage: listOf(params.stage),
    status: listOf(params.status),
    sort: first("sort") ?? "relevance",
  };
}

function toQuery(lists: z.infer<typeof ZQueryLists>): CatalogQuery {
  return {
    text: lists.q,
    phases: lists.phase,
    capabilities: lists.cap,
    licenses: lists.license as CatalogQuery["licenses"],
    pricing: lists.pricing as CatalogQuery["pricing"],
    hosting: lists.hosting as CatalogQuery["hosting"],
    clouds: lists.cloud as CatalogQuery["clouds"],
    kubernetes: lists.k8s as CatalogQuery["kubernetes"],
    stages: lists.stage.map(Number) as CatalogQuery["stages"],
    statuses: lists.status as CatalogQuery["statuses"],
    sort: lists.sort,
  };
}

export type QueryParseResult =
  { ok: true; query: CatalogQuery } | { ok: false; errors: { param: string; message: string }[] };

/** Strict: any unknown value is an error naming its parameter. */
export function parseCatalogQueryStrict(params: RawParams): QueryParseResult {
  const parsed = ZQueryLists.safeParse(collect(params));
  if (parsed.success) return { ok: true, query: toQuery(parsed.data) };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({ param: String(issue.path[0] ?? "query"), message: issue.message })),
  };
}

/** Lenient: keeps what is valid and drops the rest. */
export function parseCatalogQuery(params: RawParams): CatalogQuery {
  const raw = collect(params);
  const validValues = (key: Exclude<keyof typeof raw, "q" | "sort">) =>
    raw[key].filter((value) => ZQueryLists.shape[key].safeParse([value]).success);
  return toQuery({
    q: raw.q.slice(0, 200),
    phase: validValues("phase"),
    cap: validValues("cap"),
    license: validValues("license"),
    pricing: validValues("pricing"),
    hosting: validValues("hosting"),
    cloud: validValues("cloud"),
    k8s: validValues("k8s"),
    stage: validValues("stage"),
    status: validValues("status"),
    sort: ZQueryLists.shape.sort.safeParse(raw.sort).data ?? EMPTY_QUERY.sort,
  });
}
