"""The /calls filter language: parsing what a person typed into a `Filter`, and back.

    /calls [period] [category:X] [outcome:X] [heat:>=N] [@agent] ["free text"]

A period is `today`, `Nd` (the last N local days, today included), `YYYY-MM` or
`YYYY-MM-DD..YYYY-MM-DD`; the default is 7d. Repeating a category, outcome or agent widens
the match (any of them); repeating heat or free text narrows it (all of them).

Slack sends the command text with `&`, `<` and `>` escaped and mentions as `<@U123|name>`,
so quoted text is unescaped here and mentions are read in that form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.calllog.model import HEAT_RANGE, OUTCOMES
from bot.reports.period import DEFAULT_PERIOD, Period, parse_period
from bot.schedule_text import Zone, zone_named
from bot.store.calls import CallFilter
from bot.text import code, escape, unescape

MAX_QUERY_LENGTH = 2000
_OPEN_QUOTES = {'"': '"', "“": "”", "”": "”"}
_MENTION = re.compile(r"^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$")
_HEAT = re.compile(r"^(>=|<=|>|<|=)?([0-9]+)$")
_HEAT_SPAN = re.compile(r"^([0-9]+)\.\.([0-9]+)$")

# Escaped for mrkdwn: Slack would read `heat:<=2` … `heat:>=4` as one `<…>` link.
SYNTAX = escape(
    '*How to ask:* `/calls [period] [category:X] [outcome:X] [heat:>=N] [@agent] ["text"]`\n'
    "• period: `today`, `7d` (default), `30d`, `2026-11` or `2026-11-01..2026-11-15`\n"
    '• `category:billing`, `outcome:escalated` or `outcome:"callback promised"`\n'
    "• `heat:>=4`, `heat:4`, `heat:<=2` (1 calm to 5 furious)\n"
    '• `@someone` for one agent\'s calls, `"charged twice"` to search the notes\n'
    "• `zone:Europe/London` for days from midnight there (default: your own Slack time zone)\n"
    "Example: `/calls 30d category:billing heat:>=4`"
)


class QueryError(ValueError):
    """What was wrong with a query, in words for the person who typed it."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))

    def message(self) -> str:
        listed = "\n".join(f"• {problem}" for problem in self.problems)
        return f"I couldn't read that query:\n{listed}\n\n{SYNTAX}"


@dataclass(frozen=True)
class Filter:
    period: Period = DEFAULT_PERIOD
    categories: frozenset[str] = frozenset()
    outcomes: frozenset[str] = frozenset()
    heat: tuple[int, int] = (HEAT_RANGE.start, HEAT_RANGE.stop - 1)
    agents: frozenset[str] = frozenset()
    texts: tuple[str, ...] = field(default=())
    zone: Zone | None = None  # the period's time zone; None: the reader's own

    def with_agent(self, agent: str) -> Filter:
        return replace(self, agents=frozenset({agent}))

    def matches_doc(self, doc: dict[str, Any]) -> bool:
        """Does a stored call document (CallRecord.to_doc) match everything but the period?
        The store's call filter decides, so the two can never disagree."""
        return CallFilter(
            categories=self.categories,
            outcomes=self.outcomes,
            agents=self.agents,
            heat=self.heat,
            texts=self.texts,
        ).matches(doc)

    def text(self) -> str:
        """The canonical query text as Slack would send it, escaped, so it is safe in mrkdwn
        (`heat:&gt;=4`, `"a &amp; b"`); parsing it gives this filter back."""
        parts = [self.period.text()]
        if self.zone:
            parts.append(f"zone:{self.zone}")
        parts += [f"category:{_quote_if_needed(c)}" for c in sorted(self.categories)]
        parts += [f"outcome:{_quote_if_needed(o)}" for o in sorted(self.outcomes)]
        low, high = self.heat
        if (low, high) != (HEAT_RANGE.start, HEAT_RANGE.stop - 1):
            if low == high:
                parts.append(f"heat:{low}")
            elif high == HEAT_RANGE.stop - 1:
                parts.append(f"heat:&gt;={low}")
            elif low == HEAT_RANGE.start:
                parts.append(f"heat:&lt;={high}")
            else:
                parts.append(f"heat:{low}..{high}")
        parts += [f"<@{agent}>" for agent in sorted(self.agents)]
        parts += [f'"{escape(text)}"' for text in self.texts]
        return " ".join(parts)

    def plain(self) -> str:
        """The canonical query text as a person reads it, for the audit."""
        return unescape(self.text())

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """The filters other than the period, in words (mrkdwn, user text escaped), with
        agents by name where `names` has them."""
        words: list[str] = []
        if self.categories:
            words.append("category " + " or ".join(sorted(self.categories)))
        if self.outcomes:
            words.append("outcome " + " or ".join(sorted(self.outcomes)))
        low, high = self.heat
        if (low, high) != (HEAT_RANGE.start, HEAT_RANGE.stop - 1):
            words.append(f"heat {low}" if low == high else f"heat {low}–{high}")
        if self.agents:
            known = names or {}
            words.append(
                "agent " + " or ".join(escape(known.get(a, a)) for a in sorted(self.agents))
            )
        words += [f"notes containing “{escape(text)}”" for text in self.texts]
        return ", ".join(words)


def _quote_if_needed(value: str) -> str:
    return f'"{value}"' if " " in value else value


# --- reading the text ----------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    raw: str  # as typed, for messages
    value: str  # quotes removed
    quoted: bool  # the whole token was one quoted string


def tokenize(text: str) -> list[Token]:
    """Split on whitespace, keeping quoted parts (`"..."` or “...”) and `<...>` together."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        value: list[str] = []
        quoted_parts = 0
        plain_parts = 0
        while i < n and not text[i].isspace():
            char = text[i]
            if char in _OPEN_QUOTES:
                close = text.find(_OPEN_QUOTES[char], i + 1)
                if close == -1:
                    raise QueryError([f"a quote is not closed: {code(text[i:])}"])
                value.append(text[i + 1 : close])
                quoted_parts += 1
                i = close + 1
            elif char == "<" and not value and text.find(">", i) != -1:
                # A mention or channel as Slack sends it, which may hold spaces: <@U1|a b>
                end = text.find(">", i) + 1
                value.append(text[i:end])
                plain_parts += 1
                i = end
            else:
                value.append(char)
                plain_parts += 1
                i += 1
        tokens.append(Token(text[start:i], "".join(value), quoted_parts == 1 and not plain_parts))
    return tokens


# What each filter looks like, for a filter typed without its value ("category:").
_EXAMPLES = {
    "category": "`category:billing`",
    "outcome": "`outcome:escalated`",
    "heat": "`heat:&gt;=4`",
    "zone": "`zone:Europe/London`",
}


def parse_filter(text: str, categories: Sequence[str]) -> Filter:
    """Read a query; raise QueryError naming every part that could not be read."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError([f"that query is {len(text)} characters long; keep it under 2,000"])
    known_categories = {c.casefold(): c for c in categories}
    problems: list[str] = []
    unknown: list[str] = []
    period: Period | None = None
    found_categories: set[str] = set()
    found_outcomes: set[str] = set()
    low, high = HEAT_RANGE.start, HEAT_RANGE.stop - 1
    agents: set[str] = set()
    texts: list[str] = []
    zone: Zone | None = None

    for token in tokenize(text):
        if token.quoted:
            words = unescape(token.value)
            if words.strip():
                texts.append(words)
            else:
                problems.append("empty quotes: put the words to search for inside them")
            continue
        key, sep, value = token.value.partition(":")
        key = key.casefold()
        if sep and key == "zone":
            if zone is not None:
                problems.append("only one time zone at a time")
            zone = zone_named(unescape(value).strip())
            if not value.strip():
                problems.append(f"`zone:` needs a value, such as {_EXAMPLES[key]}")
            elif zone is None:
                problems.append(
                    f"{code(value)} is not a time zone; use a name such as `zone:Europe/London`"
                )
            continue
        if sep and key in ("category", "outcome", "heat"):
            value = unescape(value).strip()
            if not value:
                problems.append(f"`{key}:` needs a value, such as {_EXAMPLES[key]}")
            elif key == "category":
                wanted = value.casefold()
                if wanted in known_categories:
                    found_categories.add(known_categories[wanted])
                else:
                    problems.append(
                        f"there is no category {code(value)}; the categories are "
                        + ", ".join(categories)
                    )
            elif key == "outcome":
                outcome = _outcome(value)
                if outcome is None:
                    problems.append(
                        f"there is no outcome {code(value)}; the outcomes are "
                        + ", ".join(OUTCOMES)
                    )
                else:
                    found_outcomes.add(outcome)
            else:
                span = _heat(value)
                if span is None:
                    problems.append(
                        f"{code('heat:' + value)} is not a heat from 1 to 5; try `heat:&gt;=4` or "
                        "`heat:2`"
                    )
                else:
                    low, high = max(low, span[0]), min(high, span[1])
            continue
        mention = _MENTION.match(token.value)
        if mention:
            agents.add(mention.group(1))
            continue
        if token.value.startswith("@"):
            problems.append(
                f"{code(token.raw)} is not a Slack mention: pick the person from Slack's "
                "list as you type @"
            )
            continue
        parsed = parse_period(token.value)
        if parsed is not None:
            if isinstance(parsed, str):
                problems.append(parsed)
            elif period is not None:
                problems.append(
                    f"only one period at a time: `{period.text()}` or `{parsed.text()}`"
                )
            else:
                period = parsed
            continue
        unknown.append(token.raw)

    if unknown:
        named = ", ".join(code(u) for u in unknown)
        problems.insert(0, f"I don't know the filter{'s' if len(unknown) > 1 else ''} {named}")
    if low > high:
        problems.append("those heat filters leave no heat from 1 to 5 to match")
    if problems:
        raise QueryError(problems)
    return Filter(
        period=period or DEFAULT_PERIOD,
        categories=frozenset(found_categories),
        outcomes=frozenset(found_outcomes),
        heat=(low, high),
        agents=frozenset(agents),
        texts=tuple(texts),
        zone=zone,
    )


def _outcome(value: str) -> str | None:
    wanted = " ".join(value.casefold().replace("_", " ").replace("-", " ").split())
    if not wanted:
        return None
    if wanted in OUTCOMES:
        return wanted
    starting = [o for o in OUTCOMES if o.startswith(wanted)]
    return starting[0] if len(starting) == 1 else None


def _heat(value: str) -> tuple[int, int] | None:
    top = HEAT_RANGE.stop - 1
    bottom = HEAT_RANGE.start
    span = _HEAT_SPAN.match(value)
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        if bottom <= first <= last <= top:
            return first, last
        return None
    match = _HEAT.match(value)
    if not match:
        return None
    op, number = match.group(1) or "=", int(match.group(2))
    bounds = {
        "=": (number, number),
        ">=": (number, top),
        "<=": (bottom, number),
        ">": (number + 1, top),
        "<": (bottom, number - 1),
    }[op]
    first, last = max(bounds[0], bottom), min(bounds[1], top)
    in_range = bottom <= number <= top
    return (first, last) if in_range and first <= last else None
