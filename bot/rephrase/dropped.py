"""The content-kept guard: a rewrite never leaves out a sentence or clause that says something.

A rewrite may leave out the words a phrasebook rule flagged ("Like I said", "It's not my
job"), because a rule's span is exactly the rude words, and words that carry only attitude
("Twice.", "Is that clear now?", "It's not complicated."). Anything else it leaves out is
content, of one of three kinds, and the rewrite is withheld:

- a refusal: a clause with a "no" in it about what we do ("That's not something we do.",
  "I won't be chasing this one"), not one denying blame ("it's not our fault"), or a clause
  that starts with its "no" and has no subject at all ("Can't help.", "Won't be possible.",
  "No refunds."), but not a courtesy ("No problem.", "No rush.");
- a commitment: something we will or can do ("I'll check with the depot");
- information: a word of content the rewrite no longer has ("the calls on your bill are
  there because you dialled them", "No compensation applies.").

Numbers and other literals are guarded by literals.py. Talk about the conversation itself
("I'm not going to repeat myself", "as I told you") is neither a refusal nor a commitment.
A trained model's span is a whole clause, not the rude words, so it excuses nothing. The
words a sentence-level recast removes (recasts.py: "I told you twice already,", "Calm down,
sir.", the "read … next time" around a source) are attitude by construction and excused.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from bot.content.segment import split_sentences
from bot.rephrase import recasts, shapes
from bot.rephrase.analysis_memo import sentence_spans
from bot.rephrase.templates import BASE

Span = tuple[int, int]
_CLAUSE_EDGE = re.compile(r"[,;:\u2014()]|\s[\u2013-]\s|\.\.\.|\u2026")
_CONTRACTION = {"n't": "not", "'ll": "will", "'re": "are", "'ve": "have", "'m": "am", "'d": "would"}
_IRREGULAR_NOT = {"can't": "can", "won't": "will", "shan't": "shall", "ain't": "is"}
_NEGATION_TEXT = "not no never nothing none nobody cannot unable neither nor"
_NEGATIONS = frozenset(_NEGATION_TEXT.split())
# We as the ones who do (or won't do) something: "not our fault" denies blame, refuses nothing.
_WE = frozenset(["i", "we"])
# A clause with no subject that opens with a "no": "Can't help.", "Won't be possible.",
# "No refunds.", "Not happening." (after a filler such as "sorry," or "nope,").
_OPENING_NO = frozenset(["no", "not", "nothing", "never", "cannot", "unable", "none", "nobody"])
_BARE_NO = frozenset(["no", "nope", "nah"])
_NEGATED_MODAL = frozenset(["can", "will", "could", "would", "shall"])
_FILLER_TEXT = """
    sorry afraid unfortunately sadly regrettably well so and but ok okay look listen mate sir
    madam ma'am oh nope yeah yes honestly just really still yet again also then
"""
_FILLERS = frozenset(_FILLER_TEXT.split())
_BARE_ANSWER = _FILLERS | _BARE_NO  # "No.", "Nope, sorry.", "Sorry, no."
# What a subject-less "no" may open that refuses nothing: courtesies and deflections.
_COURTESY_TEXT = """
    problem problems worries worry rush hurry trouble bother need mind fault job department
    responsibility concern issue remit at all matter harm big biggie sweat stress ours mine
"""
_COURTESY_NO = frozenset(_COURTESY_TEXT.split())
_REFUSED_ACTS = frozenset(["do", "can", "help", "way", "possible"])
_COMMIT_TEXT = "will shall going can"
_COMMIT = frozenset(_COMMIT_TEXT.split())
# Denying whose job or fault it is says nothing the customer can use: "not our fault".
DEFLECTION = re.compile(
    r"\b(?:it(?:'s|\u2019s| is| was)|that(?:'s|\u2019s| is| was)|this is|which is)"
    r" (?:not|n't|never) (?:really )?(?:our|my|the company's) (?:fault|problem|job|department"
    r"|responsibility|concern|issue|call|remit)\b",
    re.IGNORECASE,
)
# Verbs of talk about the conversation: a "no" or a "will" with them is attitude, not service.
_META_TEXT = """
    repeat repeating explain explaining say saying said tell telling told spell mention
    mentioned clarify argue arguing discuss discussing
"""
_META = frozenset(_META_TEXT.split())
# Words that carry no content of their own: function words, fillers, vocatives, and the
# vocabulary of attitude (judging how clear, simple or obvious something is).
_ATTITUDE_TEXT = """
    a an the and or but so if as at by for from in into of on to up with about than then
    that this these those it its is are was were be been am do does did done have has had
    will would can could should shall may might must not no yes just really very actually
    honestly seriously literally frankly basically simply clearly obviously well ok okay
    look listen again already still even ever now here there you your yourself myself i
    me my we us our they them their he she him her his hers please sir madam ma'am mate
    pal buddy dude folks guys like said say told tell time times once twice how what why
    who when where which all any some more most much many such too also only else
    clear clearer obvious simple easy hard difficult complicated complex basic sense
    common understand understood get got sorry afraid unfortunately thanks thank kindly
    fine right whatever period anyway before last going
    oh ah ahh aw aww wow ugh sigh mhm mm hm hmm yep yeah yup nope lol sure
"""
# Negations are counted as refusals, talk about talk is attitude: neither is information.
_NOT_INFORMATION = frozenset(_ATTITUDE_TEXT.split()) | _META | _NEGATIONS


class ContentCheck:
    """The draft's side read once, for the many candidate rewordings of one sentence; read
    only when the first candidate gets this far (most sentences' candidates fail earlier
    checks, or there are none)."""

    def __init__(self, draft: str, rude: Sequence[Span] = ()) -> None:
        self._draft = draft
        self._rude = rude
        self._read: tuple[int, int, list[str]] | None = None

    def _draft_side(self) -> tuple[int, int, list[str]]:
        """(refusals, commitments, words of information) of the draft's clauses."""
        if self._read is None:
            draft = self._draft
            deflected = [m.span() for m in DEFLECTION.finditer(draft)]
            deflected += recasts.attitude_spans(draft)  # "As I already explained, …"
            clauses = [c for c in _clauses(draft, [*self._rude, *deflected]) if c]
            informative = [w for c in clauses for w in c if w not in _NOT_INFORMATION]
            self._read = _count(clauses, _refusal), _count(clauses, _commitment), informative
        return self._read

    def lost(self, rewrite: str) -> str | None:
        """The kind of content the rewrite left out ("a refusal", "a commitment",
        "information"), or None."""
        refusals, commitments, informative = self._draft_side()
        if refusals or commitments:
            clauses = _clauses(rewrite, ())
            if refusals > _count(clauses, _refusal):
                return "a refusal"
            if commitments > _count(clauses, _commitment):
                return "a commitment"
        if informative:
            kept = {_stem(w) for _, w in _tokens(rewrite)}
            if any(_stem(w) not in kept for w in informative):
                return "information"
        return None


def lost_content(draft: str, rewrite: str, rude: Sequence[Span] = ()) -> str | None:
    """What ContentCheck.lost says, for one rewrite. `rude` are the spans of the draft a
    phrasebook rule flagged."""
    return ContentCheck(draft, rude).lost(rewrite)


def _count(clauses: Sequence[list[str]], kind: Callable[[list[str]], bool]) -> int:
    return sum(bool(kind(c)) for c in clauses)


def _refusal(words: list[str]) -> bool:
    said = set(words)
    if said & _META:
        return False
    return bool(said & _NEGATIONS and said & _WE) or _subjectless_refusal(words)


def _subjectless_refusal(words: list[str]) -> bool:
    """ "Can't help.", "Won't be possible.", "No refunds.", "Sorry, not possible.": the
    clause opens with its "no" (no one is named doing or refusing) and says what is refused;
    or it is a bare "No." that answers the customer's question on its own."""
    if _BARE_NO & set(words) and "oh" not in words and all(w in _BARE_ANSWER for w in words):
        return True  # "No.", "Nope, sorry.": the answer itself ("Oh no." is sympathy)
    at = next((i for i, w in enumerate(words) if w not in _FILLERS), len(words))
    if at < len(words) and words[at] in _NEGATED_MODAL:
        at += 1
        if at >= len(words) or words[at] != "not":
            return False
    elif at >= len(words) or words[at] not in _OPENING_NO:
        return False
    rest = words[at + 1 :]
    said = [w for w in rest if w not in _NOT_INFORMATION or w in _REFUSED_ACTS]
    return bool(said) and not (_COURTESY_NO & {said[0], *rest[:1]})


def _commitment(words: list[str]) -> bool:
    said = set(words)
    return bool(said & _COMMIT and said & _WE and not said & _NEGATIONS and not said & _META)


def _clauses(text: str, rude: Sequence[Span]) -> list[list[str]]:
    """The words of each clause, those inside a rude span left out."""
    out: list[list[str]] = []
    for start, end in sentence_spans(text):
        edges = [start, *(m.end() for m in _CLAUSE_EDGE.finditer(text, start, end)), end]
        for a, b in itertools.pairwise(edges):
            words = _tokens(text, a, b)
            out.append(
                [w for at, w in words if not _inside(at, rude)] if rude else [w for _, w in words]
            )
    return out


def _tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """Lower-case words with contractions split: "can't" -> "can", "not"."""
    for m in shapes.WORD.finditer(text, start, len(text) if end is None else end):
        word = m.group().lower()
        if "'" not in word and "\u2019" not in word:
            yield m.start(), word
            continue
        word = word.replace("\u2019", "'")
        if word in _IRREGULAR_NOT:
            yield m.start(), _IRREGULAR_NOT[word]
            yield m.start(), "not"
            continue
        suffix = next((s for s in _CONTRACTION if word.endswith(s) and len(word) > len(s)), "")
        if suffix:
            yield m.start(), word[: -len(suffix)]
            yield m.start(), _CONTRACTION[suffix]
        else:
            yield m.start(), word.removesuffix("'s")


def _inside(at: int, spans: Sequence[Span]) -> bool:
    return any(a <= at < b for a, b in spans)


def _stem(word: str) -> str:
    """A crude stem, enough to match "checked" with "check", "readings" with "reading" and
    (through the templates' table) "kept" with "keep"."""
    word = BASE.get(word, word)
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def information(text: str) -> set[str]:
    """The stems of text's words of information (no function words, no attitude)."""
    return {_stem(w) for _, w in _tokens(text) if w not in _NOT_INFORMATION}


def keeps_some(draft: str, rewrite: str) -> bool:
    """The rewrite still says something the draft said: one of its words of information,
    its refusal or commitment, or one of its clauses word for word. A reply made only of
    the bot's own words ("I'm sorry.", "I can hear how frustrating this is.") says nothing
    the agent meant."""
    if information(rewrite) & information(draft):
        return True
    said, kept = _clauses(draft, ()), _clauses(rewrite, ())
    if any(_count(said, kind) and _count(kept, kind) for kind in (_refusal, _commitment)):
        return True
    return any(len(clause) >= 2 and clause in kept for clause in said)  # "That's on me."


def repeated(draft: str, rewrite: str) -> str | None:
    """A sentence the rewrite changed, or a clause of it, that says nothing another of its
    sentences does not say already ("The details are in the letter. … It has the
    details."): the draft's words of information in it, or all its words when it has none
    of the draft's."""
    old = set(split_sentences(draft))
    drafted = information(draft)
    sentences = [(s, information(s)) for s in split_sentences(rewrite)]
    for i, (sentence, words) in enumerate(sentences):
        if sentence in old:
            continue
        others = [other for j, (_, other) in enumerate(sentences) if j != i]
        for part in [words, *(information(c) for c in _CLAUSE_EDGE.split(sentence))]:
            own = (part & drafted) or part
            if own and any(own <= other for other in others):
                return sentence
    return None
