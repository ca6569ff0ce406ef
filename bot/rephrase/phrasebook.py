"""Phrasebook findings: Content's rules, as Findings.

Most rules are finite lists of wordings and are matched over word forms in one pass over the
draft's tokens (`wordforms.WordTrie`). The rest stay regexes, gated as below.

Running all rules' regexes over a 1,000-character draft takes milliseconds, because a
case-insensitive pattern wrapped in lookarounds cannot use the regex engine's literal-prefix
search. Nearly every pattern contains a literal run of words that any match must contain, so
each rule is only run when that run occurs in the (case-folded) draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot.content import Hit, Rule
from bot.content.patterns import normalise_quotes, sentence_around
from bot.rephrase.lexical import Token
from bot.rephrase.models import Finding
from bot.rephrase.wordforms import NotAWording, WordTrie, wordings

DROP = "(leave out)"  # a phrasebook suggestion meaning "delete the matched words"
_GROUP_REF = re.compile(r"\\g<(\w+)>")
_LITERAL = re.compile(r"[A-Za-z' ,:;!&]")
# Punctuation is rare in a draft, so one required mark gates as well as three letters.
_MARKS = frozenset(",:;!&")


@dataclass(frozen=True)
class GatedRule:
    rule: Rule
    # Per top-level branch, the literals every match of that branch contains; None: no
    # branch can be gated, so the rule always runs.
    anchors: tuple[tuple[str, ...], ...] | None
    # The pattern without the boundary lookarounds: several times faster to search, and
    # any text the wrapped pattern matches, it matches too.
    bare: re.Pattern[str]

    def may_match(self, folded: str) -> bool:
        return self.anchors is None or any(
            all(a in folded for a in branch) for branch in self.anchors
        )

    def matches(self, plain: str) -> Iterator[re.Match[str]]:
        """self.rule.regex.finditer(plain), found faster. The wrapped pattern only adds
        zero-width boundaries, so a match of it starts where the bare pattern matches;
        it is tried only there, in order, instead of searched at every offset."""
        full, bare, pos = self.rule.regex, self.bare, 0
        while (candidate := bare.search(plain, pos)) is not None:
            at = candidate.start()
            found = full.match(plain, at)  # lookarounds still see the text before `at`
            if found is None:
                pos = at + 1
            elif found.end() == at:  # empty: finditer's own rules for what follows
                yield from full.finditer(plain, at)
                return
            else:
                yield found
                pos = found.end()


@dataclass(frozen=True)
class Phrasebook:
    """The rules split into those matched over word forms (the trie) and regex ones."""

    by_words: tuple[Rule, ...]
    trie: WordTrie
    by_regex: tuple[GatedRule, ...]


def gate(rules: tuple[Rule, ...]) -> Phrasebook:
    trie = WordTrie()
    by_words: list[Rule] = []
    by_regex: list[GatedRule] = []
    for rule in rules:
        texts = _wordings(rule)
        if texts is None:
            by_regex.append(
                GatedRule(rule, _anchors(rule.pattern), re.compile(rule.pattern, re.IGNORECASE))
            )
            continue
        for text in texts:
            trie.add(len(by_words), text)
        by_words.append(rule)
    return Phrasebook(tuple(by_words), trie, tuple(by_regex))


def _wordings(rule: Rule) -> list[str] | None:
    """The rule's wordings, or None when it must stay a regex (its suggestions fill groups)."""
    if any("\\g<" in s for s in rule.suggestions):
        return None
    try:
        return wordings(rule.pattern)
    except NotAWording:
        return None


def _anchors(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """The required literals of each top-level branch, or None if some branch has none."""
    found = []
    for branch in _top_level_branches(pattern):
        runs = tuple(
            r.strip().casefold()
            for r in _literal_runs(branch)
            if len(r.strip()) >= 3 or not _MARKS.isdisjoint(r)
        )
        if not runs:
            return None
        found.append(runs)
    return tuple(found) or None


def _top_level_branches(pattern: str) -> list[str]:
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def _class_end(pattern: str, i: int) -> int:
    i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _literal_runs(branch: str) -> list[str]:
    """Runs of plain letters, spaces, apostrophes and marks outside any group or class."""
    runs: list[str] = []
    current, depth, i = "", 0, 0
    while i < len(branch):
        char = branch[i]
        if depth == 0 and _LITERAL.fullmatch(char):
            current += char
            i += 1
            continue
        if char in "?*{" and current:
            current = current[:-1]  # the last character is optional
        runs.append(current)
        current = ""
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(branch, i)
            continue
        if char == "{":  # a count such as {3,}: its comma is no literal
            i = branch.find("}", i) + 1 or len(branch)
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        i += 1
    runs.append(current)
    return runs


def phrasebook_findings(
    book: Phrasebook, text: str, toks: Sequence[Token] | None = None
) -> list[Finding]:
    """`toks`: the text's tokens, when the caller has them already. They serve the trie as
    they are unless the text has a left single quote: straightened, it joins "don\u2018t"
    into one word; a right one (\u2019) is read as an apostrophe either way."""
    plain = normalise_quotes(text)
    folded = plain.casefold()
    hits = [
        hit
        for g in book.by_regex
        if g.may_match(folded)
        for hit in g.rule.hits(text, matches=g.matches(plain))
    ]
    shared = toks is not None and "\u2018" not in text
    for found in book.trie.hits(plain, toks if shared else None):
        rule = book.by_words[found.rule]
        if rule.exceptions:
            sentence = sentence_around(plain, found.start, found.end)
            if any(exc.search(sentence) for exc in rule.exceptions):
                continue
        hits.append(Hit(rule, found.start, found.end, text[found.start : found.end]))
    return [_finding(hit, text) for hit in hits]


def _finding(hit: Hit, text: str) -> Finding:
    rule = hit.rule
    return Finding(
        kind=rule.kind,
        severity=rule.severity,
        start=hit.start,
        end=hit.end,
        text=hit.text,
        why=rule.why,
        tip=rule.tip,
        suggestions=tuple(_expand(s, hit, text) for s in rule.suggestions),
        rule=rule.id,
    )


def _expand(suggestion: str, hit: Hit, text: str) -> str:
    """Fill \\g<name> from the ORIGINAL text, so curly quotes and facts survive byte for byte."""
    if suggestion == DROP:
        return ""
    if "\\g<" not in suggestion:
        return suggestion
    match = hit.rule.regex.fullmatch(normalise_quotes(text), hit.start, hit.end)
    if match is None:
        return _GROUP_REF.sub("", suggestion)

    def group(ref: re.Match[str]) -> str:
        start, end = match.span(ref.group(1))
        return text[start:end] if start >= 0 else ""

    return _GROUP_REF.sub(group, suggestion)
