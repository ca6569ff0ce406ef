"""The rewrite: each sentence with a serious finding reworded as a whole, then checked.

For every such sentence, candidate rewordings are generated in order of preference: a
clause template, dropping the rude words, dropping the rude clause, dropping a sentence that
carries nothing but the attitude, and last the finding's own suggestions. A candidate is
kept only if it keeps every protected literal, breaks no meaning guard, passes the fluency
check and has no serious finding left. Sentences without a finding are copied byte for
byte. When some sentence has no candidate left, the rewrite is withheld with the reason.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from bot.content.segment import sentence_spans, split_sentences
from bot.rephrase import fluency, guards, literals, seams, templates
from bot.rephrase.models import Finding

MODEL_RULE = "model:"  # findings of the trained model (see engine.py)
Detect = Callable[[str], tuple[Finding, ...]]
MAX_TRIED = 10  # candidate rewordings tried per sentence
MAX_KEPT = 4  # good rewordings kept per sentence
MAX_COMBINATIONS = 40  # edit combinations looked at per sentence
MAX_VARIANTS = 6  # distinct wordings offered for one draft
_CLAUSE_EDGE = re.compile(r"[,;:\u2014()]|\s[\u2013-]\s|\.\.\.|\u2026")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# Words that carry no information on their own: what is left of "Honestly, calm down."
_EMPTY_TEXT = """
    a an the and or but so if as at by for from in into of on to up with about than then
    that this these those it its it's is are was were be been am do does did done have has
    had will would can could should shall may might must not no yes just really very
    actually honestly seriously literally frankly basically simply clearly obviously well
    ok okay look listen again already still even ever now here there you your you're
    yourself myself i i'm me my we we're us our they them their he she him her his hers please
    that's it's there's what's here's isn't aren't don't doesn't didn't can't won't
    sir madam mate pal buddy like said say told tell time times once twice how what why
    who when where which all any some more most much many such too also only
"""
_EMPTY_WORDS = frozenset(_EMPTY_TEXT.split())
# One-word findings that can simply go: intensifiers, interjections, swear words.
_MODIFIER_TEXT = """
just even simply really seriously honestly literally whatever sigh ugh lol duh well look
listen damn bloody freaking frigging effing hell anyway again already still ever
"""
_MODIFIERS = frozenset(_MODIFIER_TEXT.split())
_COORDINATED = re.compile(r"\b(?:and|but|or|yet)\s*$", re.IGNORECASE)
_JOINER = re.compile(r"(?:^|\s)(?:and|but|so|or|yet|because|since)$", re.IGNORECASE)
_ADJUNCT = re.compile(
    r"(?:like|as|because|since|when|if|unless|for|with|without|after|before)\b", re.IGNORECASE
)
_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n|$)")
CLARITY_KINDS = frozenset({"jargon", "evasive", "long-sentence", "passive", "plain-language"})


@dataclass(frozen=True)
class Outcome:
    """The rewrite to show, or the draft with the reason none is offered."""

    status: str  # "unchanged" | "offered" | "withheld" | "exhausted"
    text: str
    reason: str = ""
    more: bool = False  # another, different wording can still be shown
    findings: tuple[Finding, ...] | None = None  # the offered text's own, already found


def chosen(findings: tuple[Finding, ...]) -> list[Finding]:
    """The serious findings to fix: on overlap, the more severe (then longer) one wins."""
    picked: list[Finding] = []
    ranked = sorted(
        (f for f in findings if f.serious),
        key=lambda f: (-f.rank, -(f.end - f.start), f.start),
    )
    for finding in ranked:
        if all(finding.end <= p.start or p.end <= finding.start for p in picked):
            picked.append(finding)
    return sorted(picked, key=lambda f: f.start)


@dataclass
class _Unit:
    """One sentence (or run of sentences a finding spans) and its good rewordings."""

    start: int
    end: int
    findings: list[Finding]
    good: list[str] = field(default_factory=list)
    failure: tuple[int, str] = (-1, "")
    source: Iterator[str] | None = None

    def get(self, index: int) -> str | None:
        while len(self.good) <= index and self.source is not None:
            nxt = next(self.source, None)
            if nxt is None or len(self.good) >= MAX_KEPT:
                self.source = None
            elif nxt not in self.good:
                self.good.append(nxt)
        return self.good[index] if index < len(self.good) else None


class Rewriter:
    def __init__(self, detect: Detect) -> None:
        self._detect = detect
        self._seen: dict[str, tuple[Finding, ...]] = {}

    def detect(self, text: str) -> tuple[Finding, ...]:
        """Detection, remembered for one draft: wordings share their sentences."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._detect(text)
        return found

    def outcome(self, draft: str, findings: tuple[Finding, ...], variant: int = 0) -> Outcome:
        shouted = [(f.start, f.end) for f in findings if f.kind == "shouting"]
        protected = literals.find(draft, shouted) if findings else []
        # A finding inside a literal (a code, a quote, a URL) is not the agent's tone.
        picked = [f for f in chosen(findings) if not _on_literal(f, protected)]
        if not picked:
            return Outcome("unchanged", draft)
        units = _units(draft, picked)
        for unit in units:
            unit.source = self._good(draft, unit, protected)
        self._seen = {}
        # The wording after the one shown is only checked cheaply (detection in context is
        # the costly part); a click runs every check, and says so if none is left.
        wordings = itertools.islice(self._wordings(draft, units, protected, variant), variant + 2)
        seen = list(wordings)
        if variant < len(seen):
            text = seen[variant]
            more = variant + 1 < len(seen)
            return Outcome("offered", text, more=more, findings=self.detect(text))
        if seen:
            return Outcome("exhausted", draft, "You've seen every wording I have for this draft.")
        return Outcome("withheld", draft, _reason(units))

    def _wordings(
        self, draft: str, units: list[_Unit], protected: list[literals.Literal], verify: int
    ) -> Iterator[str]:
        """Distinct whole rewrites: every sentence's best wording, then one sentence at a
        time moved to its next wording, so the count stays linear in the sentences."""
        shown: set[str] = set()
        for ranks in _one_at_a_time(len(units), MAX_KEPT):
            pieces = [unit.get(rank) for unit, rank in zip(units, ranks, strict=True)]
            if any(p is None for p in pieces):
                if ranks == (0,) * len(units):
                    return  # some sentence has no good wording at all
                continue
            text = _assemble(draft, units, [p or "" for p in pieces])
            if text in shown or not _whole_ok(draft, text, protected):
                continue
            if len(shown) <= verify and any(f.serious for f in self.detect(text)):
                continue  # read in context, still harsh
            shown.add(text)
            yield text
            if len(shown) >= MAX_VARIANTS:
                return

    def _good(self, draft: str, unit: _Unit, protected: list[literals.Literal]) -> Iterator[str]:
        old = draft[unit.start : unit.end]
        inside = [lit for lit in protected if unit.start <= lit.start and lit.end <= unit.end]
        local = [_shift(f, -unit.start) for f in unit.findings if f.start >= unit.start]
        for candidate in itertools.islice(_candidates(old, local), MAX_TRIED):
            problem = self._problem(old, candidate, inside)
            if problem is None:
                yield candidate
            else:
                unit.failure = max(unit.failure, problem, key=lambda p: p[0])

    def _problem(
        self, old: str, new: str, inside: list[literals.Literal]
    ) -> tuple[int, str] | None:
        """What is wrong with a candidate, ranked: a meaning guard outranks a literal, etc."""
        broken = guards.broken_guards(old, new)
        if broken:
            return 3, broken[0].reason
        lost = literals.missing(inside, new)
        if lost:
            return 2, f"it would have lost or changed “{lost[0]}”"
        if not new:
            return None
        failed = fluency.failed_checks(new, old)
        if failed:
            return 1, failed[0].reason
        if any(f.serious for f in self.detect(new)):
            return 0, "every wording I tried still sounded harsh"
        return None


def _on_literal(finding: Finding, protected: list[literals.Literal]) -> bool:
    """A finding on a code or quote is not the agent's tone, unless its fix keeps the words
    (a jargon term explained in brackets)."""
    if not literals.covers(protected, finding.start, finding.end):
        return False
    return not any(finding.text in s for s in finding.suggestions)


def _units(draft: str, picked: list[Finding]) -> list[_Unit]:
    units: list[_Unit] = []
    for start, end in sentence_spans(draft):
        mine = [f for f in picked if f.start < end and start < f.end]
        if not mine:
            continue
        if units and units[-1].end > start:  # a finding spans the sentence break
            units[-1].end = max(end, units[-1].end)
            units[-1].findings += [f for f in mine if f not in units[-1].findings]
            continue
        units.append(_Unit(start, max(end, *(f.end for f in mine)), mine))
    return units


def _shift(finding: Finding, by: int) -> Finding:
    return replace(finding, start=finding.start + by, end=finding.end + by)


Edit = tuple[int, int, str]


def _candidates(sentence: str, found: list[Finding]) -> Iterator[str]:
    """Rewordings of one sentence, most preferred first (unchecked)."""
    options = [_edits(sentence, f) for f in found]
    seen: set[str] = set()
    # A model's span is a whole clause, so it says little about what else the sentence
    # carries: only a rule's exact words count as attitude.
    rule_spans = [(f.start, f.end) for f in found if not f.rule.startswith(MODEL_RULE)]
    droppable = _only_attitude(sentence, rule_spans, 1)
    combos = _ranked_product([len(o) for o in options])
    for ranks in itertools.islice(combos, MAX_COMBINATIONS):
        edits = [options[i][r] for i, r in enumerate(ranks)]
        text = _apply(sentence, edits)
        if text == "" and not droppable:
            continue  # the sentence carries information besides the rude words
        if text is not None and text not in seen:
            seen.add(text)
            yield text


def _edits(sentence: str, finding: Finding) -> list[Edit]:
    start, end = finding.start, finding.end
    words = _WORD.findall(finding.text)
    keep_words = finding.kind == "shouting" and not all(_is_modifier(w) for w in words)
    if finding.kind in CLARITY_KINDS or keep_words:  # say the same words, plainer or calmer
        return [(start, end, _fit(sentence, start, s, finding.text)) for s in finding.suggestions]
    whole = not _WORD.search(sentence[:start] + sentence[end:])
    if len(words) == 1 and _is_modifier(words[0]) and not whole:
        # "kindly but clearly tell": a modifier paired with another stays
        return (
            [] if _COORDINATED.search(sentence[:start]) else [(start, end, "")]
        )  # "clearly" -> "in this case" only hides the blame
    out: list[Edit] = [
        (a, b, _fit(sentence, a, t)) for a, b, t in templates.matches(sentence, start, end)
    ]
    if _droppable_words(sentence, start, end):
        out.append((start, end, ""))
    clause = _clause(sentence, start, end)
    if clause != (start, end) and _only_attitude(sentence[clause[0] : clause[1]], []):
        out.append((*clause, ""))
    out.append((0, len(sentence), ""))
    if not finding.rule.startswith(MODEL_RULE):  # a model's suggestions are advice, not words
        out += [
            (start, end, _fit(sentence, start, s, finding.text)) for s in finding.suggestions if s
        ]
    return out


def _fit(sentence: str, at: int, words: str, old: str = "") -> str:
    """A replacement in the draft's style: curly apostrophes, lower case mid-sentence."""
    if "\u2019" in sentence and "'" not in (old or sentence):
        words = words.replace("'", "\u2019")
    before = sentence[:at].rstrip()
    if before and before[-1] not in ".!?":
        words = seams.lower_first(words)
    return words


def _droppable_words(sentence: str, start: int, end: int) -> bool:
    """Words can go on their own if they are a modifier ("obviously", "damn") or end a
    clause; otherwise what follows them is their object ("You should have | checked")."""
    words = _WORD.findall(sentence[start:end])
    if len(words) == 1 and _is_modifier(words[0]):
        return True
    after = sentence[end:].lstrip()
    before = sentence[:start].rstrip()
    # "just say | that's how it is": the words before need what is dropped
    left_edge = (
        not before
        or before[-1] in ",;:.!?(\u2014\u2026"
        or not sentence[start].isalnum()
        or _JOINER.search(before)
        or _ADJUNCT.match(sentence[start:end])  # "…, like you were told": optional
    )
    return bool(left_edge) and (not after or after[0] in ",;:.!?)\u2014\u2026")


def _is_modifier(word: str) -> bool:
    return word.lower().endswith("ly") or word.lower() in _MODIFIERS


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_EDGE.finditer(sentence, end)), len(sentence))
    if right == len(sentence):
        right = len(sentence.rstrip(".!?\u2026 "))
        right = max(right, end)
    return left, right


def _only_attitude(sentence: str, spans: list[tuple[int, int]], limit: int = 1) -> bool:
    """Nothing but attitude is left once the rude words go: at most one word of content."""
    rest = sentence
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(rest)]
    return sum(w not in _EMPTY_WORDS for w in words) <= limit


def _apply(sentence: str, edits: list[Edit]) -> str | None:
    """The sentence with the edits made, seams tidied; None if two edits overlap."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e[0], -e[1])):
        if kept and edit[0] < kept[-1][1]:
            if edit[1] <= kept[-1][1]:
                continue  # inside a wider edit: already covered
            return None
        kept.append(edit)
    if len(kept) == 1 and kept[0][:2] == (0, len(sentence)) and not kept[0][2]:
        return ""
    out, pos = "", 0
    for a, b, words in kept:
        out += sentence[pos:a] + words
        pos = b
    out += sentence[pos:]
    return seams.tidy(out, sentence) if re.search(r"\w", out) else ""


def _ranked_product(sizes: list[int]) -> Iterator[tuple[int, ...]]:
    """Index tuples, one per option list: every finding's first option, then each finding
    moved on alone, then all of them moved on together. Linear in the findings."""
    if not sizes or 0 in sizes:
        return
    for rank in range(max(sizes)):
        for i in range(len(sizes)):
            if 0 < rank < sizes[i]:
                yield tuple(rank if j == i else 0 for j in range(len(sizes)))
        together = tuple(min(rank, s - 1) for s in sizes)
        if rank == 0 or (any(r == rank for r in together) and len(sizes) > 1):
            yield together


def _one_at_a_time(parts: int, depth: int) -> Iterator[tuple[int, ...]]:
    yield (0,) * parts
    for rank in range(1, depth):
        for i in range(parts):
            yield tuple(rank if j == i else 0 for j in range(parts))


def _assemble(draft: str, units: list[_Unit], pieces: list[str]) -> str:
    out, pos = "", 0
    for unit, piece in zip(units, pieces, strict=True):
        start, end = unit.start, unit.end
        if not piece:
            start, end = _dropped(draft, start, end)
            out += draft[pos:start]
        else:
            out += draft[pos:start] + piece
        pos = max(pos, end)
    out += draft[pos:]
    return _TRAILING_SPACE.sub("", out) if not _TRAILING_SPACE.search(draft) else out


def _dropped(draft: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete with a dropped sentence: its trailing spaces, or leading ones."""
    after = len(draft) - len(draft[end:].lstrip(" \t"))
    if after < len(draft) and draft[after] != "\n":
        return start, after
    line_start = draft.rfind("\n", 0, start) + 1
    before = len(draft[:start].rstrip(" \t"))
    if before == line_start or before == 0:  # the sentence is its own line: drop the line
        return line_start, after + (1 if after < len(draft) else 0)
    return before, end


def _whole_ok(draft: str, text: str, protected: list[literals.Literal]) -> bool:
    if text == draft or not _says_something(text):
        return False
    if literals.missing(protected, text) or guards.broken_guards(draft, text):
        return False
    return not fluency.doubled(text, draft)  # two seams can meet across sentences


def _says_something(text: str) -> bool:
    """At least one sentence of two words with a verb: not "Aww." or "Mhm. Yep." """
    return any(len(_WORD.findall(s)) >= 2 and fluency.has_verb(s) for s in split_sentences(text))


def _reason(units: list[_Unit]) -> str:
    if all(unit.get(0) == "" for unit in units):
        return (
            "Without the words that could land badly there is nothing left to send; "
            "start from the suggestions above."
        )
    for unit in units:
        if unit.get(0) is None:
            words = unit.findings[0].text
            shown = words if len(words) <= 60 else words[:57] + "…"
            why = unit.failure[1] or "I found no wording that keeps its meaning"
            return f"No rewrite for “{shown}”: {why}. The suggestions above show what to change."
    return "No rewrite passed every check; the suggestions above show what to change."
