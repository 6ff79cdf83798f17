#!/usr/bin/env python3
"""Static check of eval/team-profiles.yaml against the questionnaire, the capabilities and the tool catalog.

Usage: python3 eval/check_profiles.py [--catalog-ref main] [--questionnaire PATH] [--stages]

- the YAML parses and every profile has the documented keys;
- every question id and option value exists in the questionnaire (required context answers present,
  "dont-know" only where allowed, llm-hosting only when LLM work is yes/planned);
- every tool slug (answers.tools, include/includeNow/exclude/kept, alternatives split on |) exists in
  content/tools on the given git ref (default: the branch main), and none of the expected ones is retired;
- every capability slug exists in content/capabilities.yaml;
- the stage the documented scoring (docs/scoring.md) gives these answers equals expect.stage, so that a stage
  failure in `npm run eval` means the engine, not the profile, moved.
Exits 1 with one line per problem.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUIRED_CONTEXT = [
    "environments", "air-gapped", "kubernetes", "training", "gpus", "license-policy", "hosting-preference",
    "budget", "team-size", "models-in-production", "regulated", "llm-applications",
]
WARNING_KINDS = {"uncovered", "sprawl", "overlap", "weak-integration", "replaced-tool", "retired-tool-in-use", "risk",
                 "over-engineering"}
ASSUMPTION_KEYS = {"environments", "kubernetes", "training", "gpus", "licensePolicy", "hostingPreference", "budget",
                   "regulated", "llmHosting"}
EXPECT_KEYS = {"stage", "maxNewNow", "include", "includeNow", "exclude", "kept", "inPlace", "now", "notNow", "absent",
               "nativeTo", "warnings", "noWarnings", "assumptions"}
RETIRED = {"sunset", "deprecated", "renamed"}


def load_tools(ref):
    tools = {}
    if ref:
        names = subprocess.run(["git", "-C", ROOT, "ls-tree", "--name-only", f"{ref}:content/tools"],
                               capture_output=True, text=True, check=True).stdout.split()
        texts = [subprocess.run(["git", "-C", ROOT, "show", f"{ref}:content/tools/{n}"], capture_output=True,
                                text=True, check=True).stdout for n in names if n.endswith(".yaml")]
    else:
        texts = [open(p).read() for p in sorted(glob.glob(os.path.join(ROOT, "content/tools/*.yaml")))]
    for text in texts:
        for tool in yaml.safe_load(text) or []:
            tools[tool["slug"]] = tool
    return tools


def team_answers(questionnaire, profile_answers):
    """The same expansion the runner documents: closest option per dimension level, first N practices, scale = level."""
    maturity = profile_answers.get("maturity") or {}
    given = profile_answers.get("answers") or {}
    answers = {}
    for q in questionnaire["questions"]:
        if q["id"] in given:
            answers[q["id"]] = given[q["id"]]
            continue
        if q["kind"] == "tools":
            answers[q["id"]] = list(profile_answers.get("tools") or [])
            continue
        if not q.get("dimension"):
            continue
        level = maturity.get(q["dimension"], 0)
        if q["kind"] == "scale":
            answers[q["id"]] = round(level)
        elif q["kind"] == "multi":
            answers[q["id"]] = [o["value"] for o in q["options"][: max(0, min(len(q["options"]), round(level)))]]
        else:
            best = None
            for o in q["options"]:
                d = abs(o.get("level", 0) - level)
                if best is None or d < best[1]:
                    best = (o["value"], d)
            answers[q["id"]] = best[0]
    return answers


def visible(q, answers, by_id):
    gate = q.get("showIf")
    if not gate:
        return True
    g = by_id[gate["question"]]
    if not visible(g, answers, by_id):
        return False
    a = answers.get(g["id"])
    chosen = a if isinstance(a, list) else ([] if a is None else [str(a)])
    return any(v in chosen for v in gate["anyOf"])


def practices(questionnaire, answers):
    """Capabilities the answers show in place (an option's `covers`), as the scoring reads them."""
    by_id = {q["id"]: q for q in questionnaire["questions"]}
    covered = set()
    for q in questionnaire["questions"]:
        a = answers.get(q["id"])
        if a is None or a == "dont-know" or not visible(q, answers, by_id) or q["kind"] in ("scale", "tools"):
            continue
        chosen = a if isinstance(a, list) else [a]
        for o in q.get("options", []):
            if o["value"] in chosen:
                covered |= set(o.get("covers") or [])
    return covered


def stage_of(questionnaire, answers):
    by_id = {q["id"]: q for q in questionnaire["questions"]}
    scores = {}
    for d in questionnaire["dimensions"]:
        total = weighted = 0
        for q in questionnaire["questions"]:
            if q.get("dimension") != d["slug"]:
                continue
            w = q.get("weight", 1)
            total += w
            a = answers.get(q["id"])
            if a is None or a == "dont-know" or not visible(q, answers, by_id):
                level = 0
            elif q["kind"] == "scale":
                level = a
            elif q["kind"] == "multi":
                levels = {o["value"]: o.get("level", 0) for o in q["options"]}
                level = min(4, sum(levels[v] for v in a))
            else:
                level = next(o.get("level", 0) for o in q["options"] if o["value"] == a)
            weighted += level * w
        scores[d["slug"]] = round(weighted / total, 1) if total else 0
    values = list(scores.values())
    mean = round(sum(values) / len(values), 2)
    level = min(mean, min(values) + 1)
    stage = 1 if level < 1.25 else 2 if level < 2.25 else 3 if level < 3.25 else 4
    return stage, level, scores


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--catalog-ref", default="main", help="git ref whose content/tools is the catalog ('' = worktree)")
    parser.add_argument("--questionnaire", default=None)
    parser.add_argument("--stages", action="store_true", help="print each profile's scored stage and dimensions")
    args = parser.parse_args()

    qpath = args.questionnaire or os.path.join(ROOT, "content/questionnaires/2026.12.1.yaml")
    questionnaire = yaml.safe_load(open(qpath))
    questions = {q["id"]: q for q in questionnaire["questions"]}
    dimensions = {d["slug"] for d in questionnaire["dimensions"]}
    capabilities = {c["slug"] for c in yaml.safe_load(open(os.path.join(ROOT, "content/capabilities.yaml")))}
    tools = load_tools(args.catalog_ref)
    profiles = yaml.safe_load(open(os.path.join(ROOT, "eval/team-profiles.yaml")))

    problems = []
    seen = set()

    def tool_ok(where, slug, pid, expected=True):
        if slug not in tools:
            problems.append(f"{pid}: {where}: unknown tool {slug}")
        elif expected and tools[slug]["status"] in RETIRED:
            problems.append(f"{pid}: {where}: {slug} is {tools[slug]['status']}, cannot be expected in a plan")

    for p in profiles:
        pid = p.get("id", "?")
        if set(p) != {"id", "title", "team", "answers", "expect"}:
            problems.append(f"{pid}: keys {sorted(p)}")
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", pid) or pid in seen:
            problems.append(f"{pid}: id not kebab-case or duplicated")
        seen.add(pid)
        sentences = len(re.findall(r"[.!?](\s|$)", p.get("team", "").strip()))
        if not 3 <= sentences <= 6:
            problems.append(f"{pid}: team has {sentences} sentences (3-6)")
        a = p["answers"]
        if set(a) - {"maturity", "answers", "tools"}:
            problems.append(f"{pid}: answers keys {sorted(a)}")
        for dim, level in (a.get("maturity") or {}).items():
            if dim not in dimensions or not (isinstance(level, int) and 0 <= level <= 4):
                problems.append(f"{pid}: maturity {dim}={level}")
        given = a.get("answers") or {}
        for key in REQUIRED_CONTEXT:
            if key not in given:
                problems.append(f"{pid}: missing context answer {key}")
        llm = given.get("llm-applications")
        if llm in ("yes", "planned") and "llm-hosting" not in given:
            problems.append(f"{pid}: llm-hosting required when llm-applications is {llm}")
        if llm == "no" and "llm-hosting" in given:
            problems.append(f"{pid}: llm-hosting given but llm-applications is no")
        for qid, value in given.items():
            q = questions.get(qid)
            if not q:
                problems.append(f"{pid}: unknown question {qid}")
                continue
            if value == "dont-know":
                if not q.get("allowDontKnow"):
                    problems.append(f"{pid}: {qid} does not allow dont-know")
                continue
            values = {o["value"] for o in q.get("options", [])}
            if q["kind"] == "scale":
                if not (isinstance(value, int) and 0 <= value <= 4):
                    problems.append(f"{pid}: {qid} scale value {value!r}")
            elif q["kind"] == "multi":
                if not isinstance(value, list) or any(v not in values for v in value) or len(set(value)) != len(value):
                    problems.append(f"{pid}: {qid} multi value {value!r}")
            elif q["kind"] == "tools":
                problems.append(f"{pid}: give tools in answers.tools, not {qid}")
            elif value not in values:
                problems.append(f"{pid}: {qid} value {value!r} not in {sorted(values)}")
        in_use = set(a.get("tools") or [])
        for slug in in_use:
            tool_ok("tools", slug, pid, expected=False)

        e = p["expect"]
        if set(e) - EXPECT_KEYS:
            problems.append(f"{pid}: expect keys {sorted(set(e) - EXPECT_KEYS)}")
        for key in ("include", "includeNow"):
            for alt in e.get(key, []):
                for slug in alt.split("|"):
                    tool_ok(key, slug.strip(), pid)
        for slug in e.get("exclude", []):
            tool_ok("exclude", slug, pid, expected=False)
        for slug in e.get("kept", []):
            tool_ok("kept", slug, pid)
            if slug not in in_use:
                problems.append(f"{pid}: kept {slug} is not in answers.tools")
        excluded = set(e.get("exclude", []))
        for alt in e.get("include", []) + e.get("includeNow", []) + e.get("kept", []):
            if all(s.strip() in excluded for s in alt.split("|")):
                problems.append(f"{pid}: {alt} both expected and excluded")
        for key in ("inPlace", "now", "notNow", "absent"):
            for cap in e.get(key, []):
                if cap not in capabilities:
                    problems.append(f"{pid}: {key}: unknown capability {cap}")
        for cap, cloud in (e.get("nativeTo") or {}).items():
            if cap not in capabilities or cloud not in ("aws", "gcp", "azure"):
                problems.append(f"{pid}: nativeTo {cap}: {cloud}")
        clash = (set(e.get("now", [])) | set(e.get("inPlace", []))) & (set(e.get("notNow", [])) | set(e.get("absent", [])))
        if clash:
            problems.append(f"{pid}: capabilities both wanted and refused: {sorted(clash)}")
        for kind in e.get("warnings", []) + e.get("noWarnings", []):
            if kind not in WARNING_KINDS:
                problems.append(f"{pid}: unknown warning kind {kind}")
        if set(e.get("warnings", [])) & set(e.get("noWarnings", [])):
            problems.append(f"{pid}: a warning both wanted and refused")
        for key in e.get("assumptions", []):
            if key not in ASSUMPTION_KEYS:
                problems.append(f"{pid}: unknown assumption key {key}")

        full = team_answers(questionnaire, a)
        covered = practices(questionnaire, full)
        tool_caps = set()
        for slug in in_use | {h for s in in_use if s in tools for h in ((tools[s].get("relations") or {}).get("implies") or [])}:
            caps = (tools.get(slug) or {}).get("capabilities") or {}
            tool_caps |= set(caps.get("primary") or []) | set(caps.get("secondary") or [])
        for cap in e.get("inPlace", []):
            if cap not in covered and cap not in tool_caps:
                problems.append(f"{pid}: inPlace {cap} is neither covered by an answer nor by a tool in use")
        for cap in e.get("nativeTo") or {}:
            if cap in covered and cap not in tool_caps:
                problems.append(f"{pid}: nativeTo {cap} is covered by an answer without a named tool (no pick to check)")
        stage, level, scores = stage_of(questionnaire, full)
        if "stage" in e and e["stage"] != stage:
            problems.append(f"{pid}: expect.stage {e['stage']} but the documented scoring gives {stage} (level {level:.2f})")
        if args.stages:
            dims = " ".join(f"{k[:4]}={v}" for k, v in scores.items())
            print(f"{pid:48} stage {stage} level {level:.2f}  {dims}")

    for line in problems:
        print(line)
    print(f"{len(profiles)} profiles, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
