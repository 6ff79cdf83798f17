import { LICENSE_FILTER_LABELS, STATUS_LABELS } from "./labels";
import { SYNONYM_GROUPS, STOP_WORDS, UMBRELLA_TERMS } from "./search-vocabulary";
import type { Catalog, CatalogTool } from "./types";
import { CLOUD_LABELS, HOSTING_LABELS, PRICING_LABELS } from "./vocabulary";

/**
 * Text relevance for catalog search, written for how practitioners search ("vector db", "k8s serving", "secrets
 * aws"). A query is split into *concepts* — a word, or a phrase the vocabulary knows, each with its other names — and
 * a tool matches when every concept matches somewhere in it. Where it matches decides the score: the name first,
 * then the tool's capabilities (primary above secondary), its facts (cloud, hosting, licence, Kubernetes), its
 * summary, and last its long description. A capability whose name covers the query earns a bonus, so the tools built
 * for that job come first. Words that only appear far apart in long text do not make a match (that is how "feature
 * store" found Argo CD and Kibana). See docs/catalog-search.md.
 */

/** Splits text into lowercase search tokens; keeps characters common in tool names (c++, .net, k8s, ci/cd). */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9+#.]+/)
    .map((t) => t.replace(/^\.+|\.+$/g, ""))
    .filter((t) => t.length > 0);
}

/** One token → its search term: plurals folded ("registries" → "registry", "databases" → "database"). */
export function normalizeTerm(token: string): string {
  if (token.length <= 3 || /[^a-z]/.test(token)) return token;
  if (token.endsWith("ies") && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith("sses")) return token.slice(0, -2);
  if (/(ss|us|is)$/.test(token) || !token.endsWith("s")) return token;
  return token.slice(0, -1);
}

const terms = (text: string) => tokenize(text).map(normalizeTerm);

/** Score of a match by where it is. A name match beats everything; a word deep in the description counts little. */
export const MATCH_WEIGHTS = {
  name: 30,
  /** The name holds another word for what was typed ("inference" for "serving"): telling, but less so. */
  nameSynonym: 24,
  namePrefix: 15,
  primaryCapability: 24,
  secondaryCapability: 10,
  fact: 12,
  /** A fact that holds because the tool runs anywhere (a cloud query matching a cloud-neutral tool). */
  looseFact: 4,
  summary: 8,
  body: 2,
} as const;

/**
 * Bonus when one capability's name covers the whole query, e.g. "vector db" and the "Vector database" capability;
 * `mainJob` is added when that capability is the first the tool lists (what it is built for, not one of its sides).
 */
export const CAPABILITY_COVER_BONUS = { primary: 40, secondary: 12, mainJob: 4 } as const;
/** Bonus when the query is the tool's name, or the start of it. */
export const NAME_BONUS = { exact: 100, prefix: 40 } as const;
/** In long text, words of a query that match nowhere else must sit within this many extra words of each other. */
const PROXIMITY_SLACK = 2;

/** A field as a list of terms with the positions of each term, for phrase and prefix lookups. */
type TextField = { terms: string[]; positions: Map<string, number[]> };

function field(text: string): TextField {
  const list = terms(text);
  const positions = new Map<string, number[]>();
  list.forEach((term, i) => {
    const at = positions.get(term);
    if (at) at.push(i);
    else positions.set(term, [i]);
  });
  return { terms: list, positions };
}

/**
 * Fields of the vocabulary's labels and capability names, shared by every tool that has them: a few dozen distinct
 * texts, so building the index does not tokenise "Self-hosted" three hundred times.
 */
const LABEL_FIELDS = new Map<string, TextField>();
function labelField(text: string): TextField {
  let found = LABEL_FIELDS.get(text);
  if (!found) LABEL_FIELDS.set(text, (found = field(text)));
  return found;
}

/** Start positions of a phrase in a field; the last term may match as a prefix when `prefix` is set. */
function findPhrase(f: TextField, phrase: string[], prefix: boolean): number[] {
  const first = phrase[0];
  if (first === undefined) return [];
  let starts: number[];
  if (phrase.length === 1 && prefix) {
    starts = [];
    for (const [term, at] of f.positions) if (term.startsWith(first)) starts.push(...at);
  } else starts = f.positions.get(first) ?? [];
  if (phrase.length === 1) return starts;
  return starts.filter((start) =>
    phrase.every((term, i) => {
      const at = f.terms[start + i];
      if (at === undefined) return false;
      return i === phrase.length - 1 && prefix ? at.startsWith(term) : at === term;
    }),
  );
}

/** Whether a field holds the phrase: `findPhrase` without building the list (the hot path of every query). */
function hasPhrase(f: TextField, phrase: string[], prefix: boolean): boolean {
  const first = phrase[0];
  if (first === undefined) return false;
  if (phrase.length === 1) {
    if (f.positions.has(first)) return true;
    if (!prefix) return false;
    for (const term of f.positions.keys()) if (term.startsWith(first)) return true;
    return false;
  }
  const starts = f.positions.get(first);
  if (!starts) return false;
  return starts.some((start) =>
    phrase.every((term, i) => {
      const at = f.terms[start + i];
      if (at === undefined) return false;
      return i === phrase.length - 1 && prefix ? at.startsWith(term) : at === term;
    }),
  );
}

export type TextEntry = {
  /** The name and the slug. */
  names: TextField[];
  nameTerms: string;
  capabilities: { slug: string; primary: boolean; fields: TextField[] }[];
  facts: TextField[];
  looseFacts: TextField[];
  summary: TextField;
  body: TextField[];
};

/** Builds the searchable text of one tool; done once per catalog version. */
export function indexToolText(tool: CatalogTool, capabilityNames: Map<string, string>): TextEntry {
  const capability = (slug: string, primary: boolean) => ({
    slug,
    primary,
    // The name only: it is the wording people use ("Databases"); slugs are ids ("data-storage" is not about "data").
    fields: [labelField(capabilityNames.get(slug) ?? slug.replace(/-/g, " "))],
  });
  const explicitClouds = tool.clouds.filter((c) => c !== "any");
  const cloudFacts = (clouds: readonly string[]) =>
    clouds.flatMap((c) => [c, CLOUD_LABELS[c as keyof typeof CLOUD_LABELS]]).map(labelField);
  return {
    names: [field(tool.name), field(tool.slug.replace(/-/g, " "))],
    nameTerms: terms(tool.name).join(" "),
    capabilities: [
      ...tool.capabilities.primary.map((c) => capability(c, true)),
      ...tool.capabilities.secondary.map((c) => capability(c, false)),
    ],
    facts: [
      ...cloudFacts(explicitClouds),
      ...tool.hosting.flatMap((h) => [labelField(h), labelField(HOSTING_LABELS[h])]),
      labelField(PRICING_LABELS[tool.pricing]),
      ...(tool.isOpenSource ? [labelField(LICENSE_FILTER_LABELS["open-source"])] : []),
      ...(tool.needsKubernetes ? [labelField("kubernetes")] : []),
      ...(tool.status === "active" ? [] : [labelField(STATUS_LABELS[tool.status])]),
    ],
    looseFacts: tool.clouds.includes("any") ? cloudFacts(["aws", "gcp", "azure"]) : [],
    summary: field(tool.summary),
    body: [
      ...tool.description.split(/\n\s*\n/),
      ...tool.strengths,
      ...tool.limitations,
      tool.license,
      ...tool.risks.map((r) => r.note),
    ].map(field),
  };
}

export function capabilityNamesOf(catalog: Pick<Catalog, "capabilities">): Map<string, string> {
  return new Map(catalog.capabilities.map((c) => [c.slug, c.name]));
}

/** A concept of the query: what the user typed, and every phrase that counts as a match for it. */
export type QueryConcept = {
  typed: string;
  /** The typed words as search terms. */
  key: string;
  alternatives: string[][];
  prefix: boolean;
};
export type ParsedQuery = { concepts: QueryConcept[]; phrase: string };

/** Every phrase the vocabulary knows → the phrases it stands for (itself included). */
const VOCABULARY: Map<string, string[][]> = (() => {
  const map = new Map<string, Map<string, string[]>>();
  const add = (key: string, phrases: readonly string[]) => {
    const k = terms(key).join(" ");
    const entry = map.get(k) ?? new Map<string, string[]>();
    for (const p of phrases) entry.set(terms(p).join(" "), terms(p));
    map.set(k, entry);
  };
  for (const group of SYNONYM_GROUPS) for (const phrase of group) add(phrase, group);
  for (const [phrase, meanings] of UMBRELLA_TERMS) add(phrase, meanings);
  return new Map([...map].map(([k, v]) => [k, [...v.values()]]));
})();
const LONGEST_PHRASE = Math.max(...[...VOCABULARY.keys()].map((k) => k.split(" ").length));
const STOP = new Set(STOP_WORDS);

/**
 * Splits a query into concepts: the longest phrases the vocabulary knows first, other words alone. Stop words are
 * dropped unless nothing else is left. The last word may be unfinished (search runs as the user types), so it also
 * matches names and capabilities it starts.
 */
export function parseQuery(text: string): ParsedQuery {
  const tokens = tokenize(text);
  const words = tokens.map(normalizeTerm);
  const concepts: QueryConcept[] = [];
  for (let i = 0; i < words.length;) {
    let length = Math.min(LONGEST_PHRASE, words.length - i);
    for (; length > 0; length--) if (VOCABULARY.has(words.slice(i, i + length).join(" "))) break;
    const size = Math.max(length, 1);
    const key = words.slice(i, i + size).join(" ");
    const known = VOCABULARY.get(key);
    const isLast = i + size === words.length;
    concepts.push({
      typed: tokens.slice(i, i + size).join(" "),
      key,
      alternatives: known ?? [[key]],
      // One letter would start half the catalog's words: an unfinished word needs two.
      prefix: isLast && !known && key.length >= 2 && /[a-z]/.test(key),
    });
    i += size;
  }
  const meaningful = concepts.filter((c) => !STOP.has(c.typed));
  return {
    concepts: meaningful.length > 0 ? meaningful : concepts,
    phrase: words.join(" "),
  };
}

const CLOUD_TERMS = new Set(["aws", "gcp", "azure"]);

/** Does the query name a cloud ("aws", "google cloud", "azure"…)? */
export function mentionsCloud(query: ParsedQuery): boolean {
  return query.concepts.some((c) =>
    c.alternatives.some((phrase) => phrase.length === 1 && CLOUD_TERMS.has(phrase[0]!)),
  );
}

type ConceptMatch = {
  score: number;
  /** Matched only because the tool runs anywhere: counts next to a real match, never alone. */
  isLoose: boolean;
  /** Matched in the name, a capability or a fact (not only in running text). */
  structured: boolean;
  /** Capabilities (slug) whose names match this concept. */
  capabilities: Set<string>;
};

function matchConcept(entry: TextEntry, concept: QueryConcept): ConceptMatch {
  let score = 0;
  const capabilities = new Set<string>();
  const has = (fields: TextField[], prefix: boolean, phrases = concept.alternatives) =>
    phrases.some((phrase) => fields.some((f) => hasPhrase(f, phrase, prefix)));
  if (has(entry.names, false, [concept.key.split(" ")])) score = MATCH_WEIGHTS.name;
  else if (has(entry.names, false)) score = MATCH_WEIGHTS.nameSynonym;
  else if (concept.prefix && has(entry.names, true)) score = MATCH_WEIGHTS.namePrefix;
  // A capability name is short: its words count in any order ("security scanning" is "Security & supply-chain
  // scanning").
  const inCapability = (c: TextEntry["capabilities"][number], prefix: boolean) =>
    concept.alternatives.some((phrase) =>
      c.fields.some((f) =>
        phrase.every((term, i) =>
          prefix && i === phrase.length - 1 ? f.terms.some((t) => t.startsWith(term)) : f.positions.has(term),
        ),
      ),
    );
  for (const c of entry.capabilities) {
    const exact = inCapability(c, false);
    if (!exact && !(concept.prefix && inCapability(c, true))) continue;
    capabilities.add(c.slug);
    const weight = c.primary ? MATCH_WEIGHTS.primaryCapability : MATCH_WEIGHTS.secondaryCapability;
    score = Math.max(score, exact ? weight : weight / 2);
  }
  if (has(entry.facts, false)) score = Math.max(score, MATCH_WEIGHTS.fact);
  const isLoose = score === 0 && has(entry.looseFacts, false);
  if (isLoose) score = MATCH_WEIGHTS.looseFact;
  const structured = score > 0;
  if (has([entry.summary], concept.prefix)) score = Math.max(score, MATCH_WEIGHTS.summary);
  if (score === 0 && has(entry.body, false)) score = MATCH_WEIGHTS.body;
  return { score, isLoose: isLoose && score === MATCH_WEIGHTS.looseFact, structured, capabilities };
}

/** Do the concepts that only matched in running text sit close together in one paragraph (or the summary)? */
function areNear(entry: TextEntry, concepts: QueryConcept[]): boolean {
  const longest = (c: QueryConcept) => Math.max(...c.alternatives.map((phrase) => phrase.length));
  const span = concepts.reduce((sum, c) => sum + longest(c), 0) + PROXIMITY_SLACK;
  return [entry.summary, ...entry.body].some((f) => {
    const starts = concepts.map((c) => c.alternatives.flatMap((phrase) => findPhrase(f, phrase, c.prefix)));
    return starts[0]!.some((anchor) => starts.every((positions) => positions.some((p) => Math.abs(p - anchor) < span)));
  });
}

/**
 * Results whose evidence is below this share of the best result's are left out: when some tools match in their name
 * or capabilities, a tool that only mentions the words in passing is noise, not a result.
 */
export const RELATIVE_CUTOFF = 0.15;

export type TextRank = {
  /** Orders the results; 0 when the tool does not match. */
  score: number;
  /** The score without the bonus for matching the name as typed: what the relative cut-off compares. */
  evidence: number;
};

/** Keeps a tool's concept matches when every concept matches (and loose words sit close together), else null. */
function allMatched(entry: TextEntry, query: ParsedQuery, matches: ConceptMatch[]): ConceptMatch[] | null {
  if (matches.some((m) => m.score === 0) || matches.every((m) => m.isLoose)) return null;
  const loose = query.concepts.filter((_, i) => !matches[i]!.structured);
  return loose.length > 1 && !areNear(entry, loose) ? null : matches;
}

/** The tools' text, with an inverted index from each term to the entries that contain it (in any field). */
export type TextIndex = {
  entries: TextEntry[];
  postings: Map<string, number[]>;
  /** Every term, sorted: an unfinished word finds the terms it starts by binary search. */
  vocabulary: string[];
};

export function buildTextIndex(entries: TextEntry[]): TextIndex {
  const postings = new Map<string, number[]>();
  entries.forEach((entry, e) => {
    const fields = [
      ...entry.names,
      ...entry.capabilities.flatMap((c) => c.fields),
      ...entry.facts,
      ...entry.looseFacts,
      entry.summary,
      ...entry.body,
    ];
    for (const term of new Set(fields.flatMap((f) => f.terms))) {
      const list = postings.get(term);
      if (list) list.push(e);
      else postings.set(term, [e]);
    }
  });
  return { entries, postings, vocabulary: [...postings.keys()].sort() };
}

/** Terms of the index that start with `prefix`. */
function termsStartingWith(index: TextIndex, prefix: string): string[] {
  const { vocabulary } = index;
  let low = 0;
  let high = vocabulary.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (vocabulary[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < vocabulary.length && vocabulary[i]!.startsWith(prefix); i++) found.push(vocabulary[i]!);
  return found;
}

/** Entries that contain every term of some alternative of the concept, somewhere: the only ones worth matching. */
function candidatesOf(index: TextIndex, concept: QueryConcept): Set<number> {
  const found = new Set<number>();
  for (const phrase of concept.alternatives) {
    const lists = phrase.map((term, i) => {
      if (!(concept.prefix && i === phrase.length - 1)) return index.postings.get(term) ?? [];
      return [...new Set(termsStartingWith(index, term).flatMap((t) => index.postings.get(t) ?? []))];
    });
    lists.sort((a, b) => a.length - b.length);
    const [shortest = [], ...rest] = lists;
    const others = rest.map((list) => new Set(list));
    for (const e of shortest) if (others.every((set) => set.has(e))) found.add(e);
  }
  return found;
}

/**
 * Ranks every entry for a query, in the entries' order. A rare word weighs more than a common one (inverse document
 * frequency over the catalog): in "data labelling", "labelling" decides and "data", which a third of the catalog
 * contains, hardly counts.
 */
export function rankText(index: TextIndex, query: ParsedQuery): TextRank[] {
  const { entries } = index;
  if (query.concepts.length === 0) return entries.map(() => ({ score: 1, evidence: 1 }));
  const candidates = query.concepts.map((concept) => candidatesOf(index, concept));
  const rarity = candidates.map((set) => Math.log(1 + entries.length / Math.max(set.size, 1)));
  const mean = rarity.reduce((a, b) => a + b, 0) / rarity.length;
  const weights = rarity.map((r) => r / mean);
  const total = weights.reduce((a, b) => a + b, 0);

  const none: TextRank = { score: 0, evidence: 0 };
  const ranks: TextRank[] = entries.map(() => none);
  const [smallest, ...others] = [...candidates].sort((a, b) => a.size - b.size);
  for (const e of smallest ?? []) {
    if (!others.every((set) => set.has(e))) continue;
    const entry = entries[e]!;
    const found = allMatched(
      entry,
      query,
      query.concepts.map((concept) => matchConcept(entry, concept)),
    );
    if (!found) continue;
    let score = found.reduce((sum, m, i) => sum + m.score * weights[i]!, 0);
    // The capability that covers most of the query: all of it earns the full bonus, part of it a share (primary
    // only), each word counted by its weight.
    let cover = 0;
    entry.capabilities.forEach((c, position) => {
      const covered = found.reduce((sum, m, i) => sum + (m.capabilities.has(c.slug) ? weights[i]! : 0), 0);
      if (covered === 0) return;
      const whole = found.every((m) => m.capabilities.has(c.slug));
      const bonus = c.primary
        ? ((CAPABILITY_COVER_BONUS.primary + (position === 0 ? CAPABILITY_COVER_BONUS.mainJob : 0)) * covered) / total
        : whole
          ? CAPABILITY_COVER_BONUS.secondary
          : 0;
      cover = Math.max(cover, bonus);
    });
    score += cover;
    const evidence = score;
    if (entry.nameTerms === query.phrase) score += NAME_BONUS.exact;
    else if (query.phrase.length > 0 && entry.nameTerms.startsWith(query.phrase)) score += NAME_BONUS.prefix;
    ranks[e] = { score, evidence };
  }
  const best = Math.max(0, ...ranks.map((r) => r.evidence));
  return ranks.map((r) => (r.evidence >= best * RELATIVE_CUTOFF ? r : none));
}
