"""Immutable content objects built by the loader.

Everything is a frozen dataclass holding tuples, so a loaded Content can be shared freely
between threads and listeners without anyone mutating it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.content.patterns import normalise_quotes, sentence_around


@dataclass(frozen=True)
class Source:
    """An article the built-in tips are drawn from."""

    file: str
    title: str


@dataclass(frozen=True)
class Tip:
    """One coaching tip, in our own words, citing its source article."""

    id: str
    title: str
    body: str
    wording: str | None
    tags: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class GuideStep:
    """One step of a de-escalation guide."""

    title: str
    do: str
    phrase: str | None
    tips: tuple[str, ...]


@dataclass(frozen=True)
class Guide:
    """The general angry-caller guide or a scenario guide."""

    id: str
    kind: str
    name: str
    summary: str
    keywords: tuple[str, ...]
    steps: tuple[GuideStep, ...]


@dataclass(frozen=True)
class Hit:
    """A place where a phrasebook rule matched a piece of text."""

    rule: Rule
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Rule:
    """A phrasebook rule: a wording to avoid and drop-in replacements for it."""

    id: str
    pattern: str
    regex: re.Pattern[str]
    kind: str
    severity: str
    why: str
    tip: str
    suggestions: tuple[str, ...]
    exceptions: tuple[re.Pattern[str], ...]
    examples: tuple[str, ...] = ()

    def hits(
        self,
        text: str,
        *,
        use_exceptions: bool = True,
        matches: Iterable[re.Match[str]] | None = None,
    ) -> tuple[Hit, ...]:
        """Find this rule in text; a hit is dropped if an exception matches its sentence.
        `matches`: what self.regex.finditer would give on the quote-normalised text, when
        the caller can find that faster."""
        plain = normalise_quotes(text)
        found: list[Hit] = []
        for match in self.regex.finditer(plain) if matches is None else matches:
            start, end = match.span()
            if start == end:
                continue
            if use_exceptions and self.exceptions:
                sentence = sentence_around(plain, start, end)
                if any(exc.search(sentence) for exc in self.exceptions):
                    continue
            found.append(Hit(rule=self, start=start, end=end, text=text[start:end]))
        return tuple(found)


@dataclass(frozen=True)
class JargonTerm:
    """A term customers may not know, with a plain-language alternative."""

    term: str
    plain: str


@dataclass(frozen=True)
class Content:
    """All coaching content: built-in files merged with an optional team folder."""

    sources: tuple[Source, ...]
    tips: tuple[Tip, ...]
    guides: tuple[Guide, ...]
    rules: tuple[Rule, ...]
    jargon: tuple[JargonTerm, ...]
    categories: tuple[str, ...]
    # Lookup tables built once; excluded from eq/repr so Content compares by its data.
    _tips_by_id: dict[str, Tip] = field(init=False, repr=False, compare=False)
    _guides_by_id: dict[str, Guide] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # frozen=True forbids normal assignment, hence object.__setattr__.
        object.__setattr__(self, "_tips_by_id", {t.id: t for t in self.tips})
        object.__setattr__(self, "_guides_by_id", {g.id: g for g in self.guides})

    def tip(self, tip_id: str) -> Tip:
        """Return the tip with this id; KeyError if there is none."""
        try:
            return self._tips_by_id[tip_id]
        except KeyError:
            raise KeyError(f"no tip with id {tip_id!r}") from None

    def guide(self, guide_id: str) -> Guide:
        """Return the guide with this id; KeyError if there is none."""
        try:
            return self._guides_by_id[guide_id]
        except KeyError:
            raise KeyError(f"no guide with id {guide_id!r}") from None

    @property
    def general_guide(self) -> Guide:
        """The one guide of kind 'general' (the loader guarantees it exists)."""
        return next(g for g in self.guides if g.kind == "general")

    @property
    def scenarios(self) -> tuple[Guide, ...]:
        """All scenario guides, in file order."""
        return tuple(g for g in self.guides if g.kind == "scenario")

    def tips_by_tag(self, tag: str) -> tuple[Tip, ...]:
        """Tips carrying this tag, in file order."""
        return tuple(t for t in self.tips if tag in t.tags)

    def topics(self) -> tuple[str, ...]:
        """Every tag used by at least one tip, sorted: the menu of tip topics."""
        return tuple(sorted({tag for t in self.tips for tag in t.tags}))

    def hits(self, text: str) -> tuple[Hit, ...]:
        """Every phrasebook hit in text, ordered by position (then rule order)."""
        found = [hit for rule in self.rules for hit in rule.hits(text)]
        return tuple(sorted(found, key=lambda h: (h.start, -h.end)))

    def jargon_in(self, text: str) -> tuple[JargonTerm, ...]:
        """Jargon terms that appear in text as whole words, case-insensitively."""
        return tuple(
            term
            for term in self.jargon
            if re.search(rf"(?<!\w){re.escape(term.term)}(?!\w)", text, re.IGNORECASE)
        )
