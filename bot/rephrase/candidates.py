"""Candidate rewordings of one sentence, most preferred first (not yet checked).

Per finding, the edits are: a clause template, dropping the rude words when they stand
alone, dropping the rude clause, dropping the whole sentence, and last the finding's own
suggestion where it replaces punctuation ("!!!" -> "."). The edits of a sentence's findings
are combined in a fixed, linear order.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from bot.rephrase import recasts, seams, templates
from bot.rephrase.models import Finding
from bot.rephrase.tone import KEPT_ACRONYMS

MODEL_RULE = "model:"  # findings of the trained model (see engine.py)
RECAST_RULE = "sendable:recast"  # a sentence only a recast may reword (units.recastable)
MAX_COMBINATIONS = 40  # edit combinations looked at per sentence
_DEPTH = 4  # ranks of the other findings' edits tried along with a recast
_CLAUSE_EDGE = re.compile(r"[,;:\u2014()]|\s[\u2013-]\s|\.\.\.|\u2026")
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
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
_EMPTYWORDS = frozenset(_EMPTY_TEXT.split())
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
# A sentence that asks or thanks nicely is not pure attitude: dropping it whole would take a
# request and the draft's courtesy with the rude words ("… can you get to the point, please?").
# ("I'm sorry, but rules are rules." may go: "sorry, but" is the hedge before the blow.)
_COURTESY = re.compile(r"\b(?:please|thanks|thank you)\b", re.IGNORECASE)
CLARITY_KINDS = frozenset({"jargon", "evasive", "long-sentence", "passive", "plain-language"})

Edit = tuple[int, int, str]


def candidates(
    sentence: str, found: list[Finding], kinds: frozenset[str] = frozenset()
) -> Iterator[str]:
    """Rewordings of one sentence, most preferred first (unchecked): the sentence-level
    recasts for its kinds of finding, then the edits of each finding."""
    seen: set[str] = set()
    options = [_edits(sentence, f) for f in found]
    kinds = kinds | {f.kind for f in found}  # `kinds`: low findings of the sentence too
    for edits in recasts.edits(sentence, kinds):
        # with the other findings' edits where they do not overlap ("!!!" -> "."), each
        # finding moved on together, then the recast alone
        free = [[e for e in o if not _overlaps(e, edits)] for o in options]
        free = [o for o in free if o]
        attempts = [[*edits, *(o[min(r, len(o) - 1)] for o in free)] for r in range(_DEPTH)]
        for attempt in [*attempts, edits] if free else [edits]:
            text = _apply(sentence, attempt)
            if text is not None and text not in seen:
                seen.add(text)
                yield text
    # A model's span is a whole clause, so it says little about what else the sentence
    # carries: only a rule's exact words count as attitude.
    rule_spans = [
        (f.start, f.end)
        for f in found
        if not f.rule.startswith(MODEL_RULE) and f.rule != RECAST_RULE
    ]
    droppable = only_attitude(sentence, rule_spans, 1) and not _COURTESY.search(sentence)
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
    if finding.rule == RECAST_RULE:
        return []  # no finding says what is rude here: only a recast rewords it
    start, end = finding.start, finding.end
    words = WORD.findall(finding.text)
    keep_words = finding.kind == "shouting" and not all(_is_modifier(w) for w in words)
    if finding.kind in CLARITY_KINDS or keep_words:  # say the same words, plainer or calmer
        if finding.rule.startswith(MODEL_RULE):
            return []  # a model's suggestions are advice ("Write it in normal case"), not words
        fixes = finding.suggestions
        if keep_words:
            fixes = tuple(_keep_acronyms(finding.text, s) for s in fixes)
        return [(start, end, _fit(sentence, start, s, finding.text)) for s in fixes]
    whole = not WORD.search(sentence[:start] + sentence[end:])
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
    if clause != (start, end) and only_attitude(sentence[clause[0] : clause[1]], []):
        out.append((*clause, ""))
    out.append((0, len(sentence), ""))
    # Only punctuation ("!!!" -> ".") is replaced by a finding's suggestion. A suggestion in
    # words is written for the rude words, not for the sentence around them: pasted, it
    # changed what every train-split offer that used it said (rewrite8: "hurry up and sign,
    # the quote expires at 5" -> "Take your time and sign…"; "Calm down or I'm hanging up"
    # -> "I can hear how frustrating this is or I'm hanging up"; "The pool's closed, you'll
    # have to deal with it" -> "…, let's work out the next step together"). Recasts and
    # templates, written for whole shapes, do that job.
    if not finding.rule.startswith(MODEL_RULE) and not words:
        out += [(start, end, _fit(sentence, start, s, finding.text)) for s in finding.suggestions]
    return out


def _keep_acronyms(shouted: str, calm: str) -> str:
    """A shouted run calmed word for word, known acronyms kept as typed ("CALLS TO UK
    NUMBERS" -> "calls to UK numbers"): only where the acronym is no everyday word too."""
    old, new = shouted.split(), calm.split()
    if len(old) != len(new):
        return calm
    kept = [
        o if re.sub(r"\W", "", o) in KEPT_ACRONYMS else n for o, n in zip(old, new, strict=True)
    ]
    return " ".join(kept) if kept != new else calm


def _overlaps(edit: Edit, edits: list[Edit]) -> bool:
    return any(edit[0] < b and a < edit[1] for a, b, _ in edits)


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
    words = WORD.findall(sentence[start:end])
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


def only_attitude(sentence: str, spans: list[tuple[int, int]], limit: int = 1) -> bool:
    """Nothing but attitude is left once the rude words go: at most one word of content."""
    rest = sentence
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    words = [w.lower().replace("\u2019", "'") for w in WORD.findall(rest)]
    return sum(w not in _EMPTYWORDS for w in words) <= limit


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
