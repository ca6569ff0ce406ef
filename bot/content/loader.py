"""Load and validate the coaching content (TOML files) into immutable models.

The built-in folder is ``content/`` at the repository root. A team may point
BOT_CONTENT_DIR at a folder holding any of the same files: entries whose id already
exists replace the built-in ones, new ids are added, and jargon terms and call-log
categories are appended. Every problem raises ContentError naming file, entry and issue.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from bot.content.fields import ID_RE, Fields, fail, type_name
from bot.content.models import Content, Guide, GuideStep, JargonTerm, Rule, Source, Tip
from bot.content.patterns import compile_rule, normalise_quotes

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "content"
_REPO_ROOT = BUILTIN_DIR.parent

SOURCES, TIPS, GUIDES, PHRASEBOOK, CALLLOG = (
    "sources.toml",
    "tips.toml",
    "guides.toml",
    "phrasebook.toml",
    "calllog.toml",
)
FILES = (SOURCES, TIPS, GUIDES, PHRASEBOOK, CALLLOG)

TIP_BODY_LIMIT = 500  # house style: a tip is one to three sentences
SLACK_SECTION_LIMIT = 3000  # Slack rejects a section block with more text than this
TITLE_LIMIT = 60
GUIDE_NAME_LIMIT = 24  # guide names are used as Slack modal titles, capped at 24 chars
STEP_LIMITS = {"general": (6, 10), "scenario": (3, 8)}
SEVERITIES = ("high", "medium", "low")
RULE_KINDS = (
    "blame",
    "dismissive",
    "defensive",
    "absolute-no",
    "passive-aggressive",
    "condescending",
    "shouting",
    "sarcasm",
    "jargon",
    "evasive",
    "rushing",
)


class _TipDraft(NamedTuple):
    """A tip before its source file name is resolved against the merged sources."""

    id: str
    title: str
    body: str
    wording: str | None
    tags: tuple[str, ...]
    source: str


@dataclass
class _Layer:
    """What one folder contributes; each entry remembers the file it came from."""

    sources: dict[str, tuple[Source, str]] = field(default_factory=dict)
    tips: dict[str, tuple[_TipDraft, str]] = field(default_factory=dict)
    guides: dict[str, tuple[Guide, str]] = field(default_factory=dict)
    rules: dict[str, tuple[Rule, str]] = field(default_factory=dict)
    jargon: list[JargonTerm] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)


def load_content(extra_dir: Path | None = None, *, base_dir: Path | None = None) -> Content:
    """Load the built-in content (or base_dir, for tests) plus an optional team folder."""
    base = base_dir if base_dir is not None else BUILTIN_DIR
    merged = _read_layer(base, required=True)
    if extra_dir is not None:
        if not extra_dir.is_dir():
            fail(str(extra_dir), "content folder not found")
        _merge(merged, _read_layer(extra_dir, required=False))
    return _resolve(merged, _display(base / GUIDES))


# --- reading -------------------------------------------------------------------------------


def _display(path: Path) -> str:
    """Name files relative to the repo when possible: 'content/tips.toml'."""
    try:
        return path.resolve().relative_to(_REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


def _parse_file(path: Path, display: str) -> dict[str, object]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(display, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        fail(display, f"cannot be read ({exc.strerror})")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        fail(display, f"TOML syntax error: {exc}")  # tomllib's message includes the line


def _read_layer(folder: Path, *, required: bool) -> _Layer:
    layer = _Layer()
    parsers = {
        SOURCES: _parse_sources,
        TIPS: _parse_tips,
        GUIDES: _parse_guides,
        PHRASEBOOK: _parse_phrasebook,
        CALLLOG: _parse_calllog,
    }
    for name in FILES:
        path = folder / name
        display = _display(path)
        if not path.is_file():
            if required:
                fail(display, "file not found")
            continue
        parsers[name](_parse_file(path, display), display, layer)
    return layer


def _top(doc: Mapping[str, object], file: str, allowed: Mapping[str, str]) -> None:
    """Reject unknown top-level keys (e.g. [[tips]] instead of [[tip]]) and wrong shapes."""
    for key, value in doc.items():
        if key not in allowed:
            expected = ", ".join(allowed.values())
            fail(file, f"unknown top-level key '{key}' (expected {expected})")
        if allowed[key].startswith("[[") and not isinstance(value, list):
            fail(file, f"'{key}' must be written as {allowed[key]}, got {type_name(value)}")


def _entries(doc: Mapping[str, object], key: str) -> list[object]:
    value = doc.get(key, [])
    return value if isinstance(value, list) else []


def _check_unique(seen: dict[str, int], item: str, f: Fields, what: str = "id") -> None:
    if item in seen:
        f.fail(f"duplicate {what} '{item}' (entry #{seen[item] + 1} already uses it)")
    seen[item] = len(seen)


def _parse_sources(doc: dict[str, object], file: str, layer: _Layer) -> None:
    _top(doc, file, {"source": "[[source]]"})
    seen: dict[str, int] = {}
    for index, table in enumerate(_entries(doc, "source")):
        f = Fields(file, "source", index, table)
        name = f.text("file")
        f.label = f"source '{name}'"
        f.only({"file", "title"})
        _check_unique(seen, name, f, "file")
        layer.sources[name] = (Source(file=name, title=f.text("title")), file)


def _parse_tips(doc: dict[str, object], file: str, layer: _Layer) -> None:
    _top(doc, file, {"tip": "[[tip]]"})
    seen: dict[str, int] = {}
    for index, table in enumerate(_entries(doc, "tip")):
        f = Fields(file, "tip", index, table)
        tip_id = f.ident()  # first, so later errors can name the tip
        f.only({"id", "title", "body", "wording", "tags", "source"})
        _check_unique(seen, tip_id, f)
        title = f.text("title", max_len=TITLE_LIMIT)
        body = f.text("body")
        if len(body) > SLACK_SECTION_LIMIT:
            f.fail(
                f"body is {len(body)} characters, more than a Slack section can show "
                f"({SLACK_SECTION_LIMIT:,})"
            )
        if len(body) > TIP_BODY_LIMIT:
            f.fail(
                f"body is {len(body)} characters, longer than the {TIP_BODY_LIMIT} allowed "
                "for a tip (keep it to 1-3 sentences)"
            )
        tags = f.text_list("tags")
        for tag in tags:
            if not ID_RE.fullmatch(tag):
                f.fail(f"tag '{tag}' must be kebab-case")
        draft = _TipDraft(
            id=tip_id,
            title=title,
            body=body,
            wording=f.opt_text("wording", max_len=TIP_BODY_LIMIT),
            tags=tags,
            source=f.text("source"),
        )
        layer.tips[tip_id] = (draft, file)


def _parse_guides(doc: dict[str, object], file: str, layer: _Layer) -> None:
    _top(doc, file, {"guide": "[[guide]]"})
    seen: dict[str, int] = {}
    for index, table in enumerate(_entries(doc, "guide")):
        f = Fields(file, "guide", index, table)
        guide_id = f.ident()
        f.only({"id", "kind", "name", "summary", "keywords", "step"})
        _check_unique(seen, guide_id, f)
        kind = f.text("kind")
        if kind not in STEP_LIMITS:
            f.fail(f"unknown kind '{kind}' (expected one of: {', '.join(STEP_LIMITS)})")
        # Bot code finds the general guide by id, so the two must go together.
        if (kind == "general") != (guide_id == "general"):
            f.fail('the general guide must have both id = "general" and kind = "general"')
        name = f.text("name", max_len=GUIDE_NAME_LIMIT)
        summary = f.text("summary")
        keywords = f.text_list("keywords")
        steps = tuple(
            _parse_step(file, guide_id, pos, step) for pos, step in enumerate(f.tables("step"))
        )
        low, high = STEP_LIMITS[kind]
        if not low <= len(steps) <= high:
            f.fail(f"has {len(steps)} steps; a {kind} guide needs {low}-{high}")
        guide = Guide(guide_id, kind, name, summary, keywords, steps)
        layer.guides[guide_id] = (guide, file)


def _parse_step(file: str, guide_id: str, index: int, table: object) -> GuideStep:
    f = Fields(file, f"guide '{guide_id}' step", index, table)
    f.only({"title", "do", "phrase", "tips"})
    step = GuideStep(
        title=f.text("title"),
        do=f.text("do"),
        phrase=f.opt_text("phrase"),
        tips=f.text_list("tips"),
    )
    return step


def _parse_phrasebook(doc: dict[str, object], file: str, layer: _Layer) -> None:
    _top(doc, file, {"rule": "[[rule]]", "jargon": "[jargon]"})
    seen: dict[str, int] = {}
    for index, table in enumerate(_entries(doc, "rule")):
        f = Fields(file, "rule", index, table)
        rule = _parse_rule(f)
        _check_unique(seen, rule.id, f)
        layer.rules[rule.id] = (rule, file)
    if "jargon" in doc:
        _parse_jargon(doc["jargon"], file, layer)


def _compile(f: Fields, key: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        f.fail(f"{key} {pattern!r} does not compile: {exc}")


def _parse_rule(f: Fields) -> Rule:
    rule_id = f.ident()
    f.only(
        {"id", "pattern", "kind", "severity", "why", "tip", "suggestions", "exceptions", "examples"}
    )
    pattern = f.text("pattern")
    _compile(f, "pattern", pattern)  # compile bare first so the error points at the text
    regex = compile_rule(pattern)
    if regex.search("") is not None:
        f.fail(f"pattern {pattern!r} matches empty text, so it would flag every message")
    kind = f.text("kind")
    if kind not in RULE_KINDS:
        f.fail(f"unknown kind '{kind}' (expected one of: {', '.join(RULE_KINDS)})")
    severity = f.text("severity")
    if severity not in SEVERITIES:
        f.fail(f"unknown severity '{severity}' (expected one of: {', '.join(SEVERITIES)})")
    exceptions = tuple(
        _compile(f, f"exceptions[{pos}]", exc)
        for pos, exc in enumerate(f.text_list("exceptions", required=False))
    )
    examples = f.text_list("examples", required=False)
    for example in examples:
        # Exceptions are ignored here: an example demonstrates the pattern itself.
        if regex.search(normalise_quotes(example)) is None:
            f.fail(f"example {example!r} does not match the pattern")
    return Rule(
        id=rule_id,
        pattern=pattern,
        regex=regex,
        kind=kind,
        severity=severity,
        why=f.text("why"),
        tip=f.text("tip"),
        suggestions=f.text_list("suggestions"),
        exceptions=exceptions,
        examples=examples,
    )


def _parse_jargon(value: object, file: str, layer: _Layer) -> None:
    if not isinstance(value, Mapping):
        fail(file, f"[jargon] must be a table, got {type_name(value)}")
    extra = sorted(set(value) - {"term"})
    if extra:
        fail(file, f"unknown key '{extra[0]}' (expected [[jargon.term]])", "[jargon]")
    terms = value.get("term", [])
    if not isinstance(terms, list):
        fail(file, f"'term' must be written as [[jargon.term]], got {type_name(terms)}", "[jargon]")
    seen: dict[str, int] = {}
    for index, table in enumerate(terms):
        f = Fields(file, "jargon term", index, table)
        term = f.text("term")
        f.label = f"jargon term '{term}'"
        f.only({"term", "plain"})
        _check_unique(seen, term.casefold(), f, "term")
        layer.jargon.append(JargonTerm(term=term, plain=f.text("plain")))


def _parse_calllog(doc: dict[str, object], file: str, layer: _Layer) -> None:
    _top(doc, file, {"categories": "categories = [...]"})
    f = Fields(file, "calllog", 0, doc)
    f.label = "categories"
    seen: dict[str, int] = {}
    for category in f.text_list("categories", required=False):
        _check_unique(seen, category.casefold(), f, "category")
        layer.categories.append(category)


# --- merging and cross-checks --------------------------------------------------------------


def _merge(into: _Layer, team: _Layer) -> None:
    """Team entries replace same-id built-ins (keeping their position) or are appended."""
    into.sources.update(team.sources)
    into.tips.update(team.tips)
    into.guides.update(team.guides)
    into.rules.update(team.rules)
    positions = {term.term.casefold(): pos for pos, term in enumerate(into.jargon)}
    for term in team.jargon:
        key = term.term.casefold()
        if key in positions:
            into.jargon[positions[key]] = term  # a team may reword a built-in explanation
        else:
            positions[key] = len(into.jargon)
            into.jargon.append(term)
    known = {c.casefold() for c in into.categories}
    for category in team.categories:
        if category.casefold() not in known:
            known.add(category.casefold())
            into.categories.append(category)


def _resolve(layer: _Layer, guides_file: str) -> Content:
    """Resolve references across files now that all layers are merged."""
    sources = {name: src for name, (src, _) in layer.sources.items()}
    tips: list[Tip] = []
    for draft, file in layer.tips.values():
        if draft.source not in sources:
            fail(file, f"unknown source '{draft.source}' (not in {SOURCES})", f"tip '{draft.id}'")
        tips.append(Tip(*draft[:5], source=sources[draft.source]))
    tip_ids = {t.id for t in tips}
    for guide, file in layer.guides.values():
        for pos, step in enumerate(guide.steps, start=1):
            for ref in step.tips:
                if ref not in tip_ids:
                    problem = f"step #{pos} ('{step.title}'): unknown tip '{ref}'"
                    fail(file, problem, f"guide '{guide.id}'")
    for rule, file in layer.rules.values():
        if rule.tip not in tip_ids:
            fail(file, f"unknown tip '{rule.tip}'", f"rule '{rule.id}'")
    generals = [g for g, _ in layer.guides.values() if g.kind == "general"]
    if len(generals) != 1:
        fail(guides_file, 'no general guide (one guide needs id = "general", kind = "general")')
    return Content(
        sources=tuple(sources.values()),
        tips=tuple(tips),
        guides=tuple(g for g, _ in layer.guides.values()),
        rules=tuple(r for r, _ in layer.rules.values()),
        jargon=tuple(layer.jargon),
        categories=tuple(layer.categories),
    )
