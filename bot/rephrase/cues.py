"""Cues for the kinds a bag of words misses: sarcasm, cold replies, minimising, condescension,
threats and passive aggression. Each cue is a shape of words, not a phrase, so it carries over
to wordings nobody wrote down ("Love that for you 🙃", "Per terms.", "it's only a tiny fee",
"it's honestly very basic, you just ...", "if this happens again we will close ...").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat

from bot.rephrase.lexical import Token
from bot.rephrase.lexical import words as _W

Feature = tuple[str, int, int]

PRAISE = _W(
    "great love lovely wonderful fantastic brilliant amazing nice perfect awesome genius"
    " impressive bold congrats congratulations bravo hero classic incredible stellar"
    " excellent superb marvellous marvelous thrilling riveting cute sweet"
)
SARCASM_OPENERS = _W("sure oh wow great well yeah right cool fantastic brilliant lovely perfect")
SARCASM_EMOJI = frozenset("🙄🙃👏😂🤣😒😏🥱")
MINIMISERS = _W("only just merely tiny little hardly barely slight minor small mere few fraction")
PROBLEM_WORDS = _W(
    "delay charge fee issue problem glitch bug inconvenience wait outage dollar pound cent"
    " euro <num> amount difference error hiccup scratch dent mark week day hour minute"
    " extra cost price bill overcharge refund late blip mistake discrepancy"
)
SMALL_DEAL = frozenset(
    (
        ("big", "deal"),
        ("end", "of"),
        ("that", "bad"),
        ("not", "much"),
        ("no", "biggie"),
        ("worth", "the"),
        ("first", "world"),
        ("make", "a"),
    )
)
CONDESCEND = _W(
    "simple simply basic easy obvious obviously clearly straightforward self-explanatory"
    " common trivial elementary child anyone anybody everyone everybody actually"
)
OVER_EXPLAIN = frozenset(
    (
        ("as", "anyone"),
        ("as", "everyone"),
        ("even", "a"),
        ("all", "you"),
        ("in", "other"),
        ("let", "me"),
        ("step", "by"),
        ("put", "it"),
        ("common", "sense"),
        ("not", "hard"),
        ("isn't", "hard"),
        ("once", "again"),
    )
)
CONDITIONALS = _W("if unless otherwise or failing should until keep continue repeated again")
SANCTIONS = _W(
    "charge fee suspend terminate close cancel ban legal collection report lose forfeit"
    " remove block restrict deactivate flag refuse penalty late disconnect escalate"
    " action court lawyer police bailiff debt void decline permanently switch offload"
    " rethink review security freeze blacklist agency credit press ombudsman record"
    " involve consequence warning warn end"
)
MODALS = _W("can may might could would will")
# Veiled warnings: "we'd hate to ...", "just so you know", "bear in mind", "keep this up".
VEILED = frozenset(
    (
        ("hate", "to"),
        ("hate", "for"),
        ("hate", "that"),
        ("so", "you"),
        ("bear", "in"),
        ("your", "radar"),
        ("keep", "this"),
        ("think", "carefully"),
        ("choose", "your"),
        ("be", "a"),
        ("one", "more"),
        ("any", "more"),
    )
)
PA_MARKERS = frozenset(
    (
        ("per", "my"),
        ("as", "previously"),
        ("friendly", "reminder"),
        ("going", "forward"),
        ("to", "be"),
        ("in", "advance"),
        ("hope", "this"),
        ("as", "mentioned"),
        ("as", "stated"),
        ("for", "future"),
        ("moving", "forward"),
        ("kindly", "note"),
    )
)
SECOND = _W("you your you're you've you'll yours yourself")
WARM = _W("hi hello hey dear thanks thank sorry apologise apologize please appreciate glad happy")
# What a token needs for any check in shape_cues's loop to fire (besides an eye-roll emoji
# or "/s"): a new check on a word or lemma must add its words here.
_SHAPE_WORDS = (
    PRAISE
    | MINIMISERS
    | CONDESCEND
    | CONDITIONALS
    | MODALS
    | {"will", "we'll"}
    | {first for first, _ in SMALL_DEAL | OVER_EXPLAIN | PA_MARKERS}
)
_VEILED_FIRST = frozenset(first for first, _ in VEILED)
_NEGATORS = frozenset({"not", "never", "no"})


def shape_cues(toks: Sequence[Token], lexicon: Mapping[str, float], out: list[Feature]) -> None:
    """Append the shape cues of one unit to out."""
    n = len(toks)
    low = [t.lower for t in toks]
    lem = [t.lemma for t in toks]
    # Any negator, or any word VADER scores -1 or lower (the lowest, found in C).
    negative = not _NEGATORS.isdisjoint(low) or (
        min(map(lexicon.get, low, repeat(0.0)), default=0.0) <= -1.0
    )
    second = not SECOND.isdisjoint(low)
    for i, w in enumerate(low):
        # Every check in this loop needs one of these: most tokens skip them all.
        if (
            w not in _SHAPE_WORDS
            and lem[i] not in _VEILED_FIRST
            and w != "s"
            and toks[i].text not in SARCASM_EMOJI
        ):
            continue
        nxt = low[i + 1] if i + 1 < n else ""
        if w in PRAISE:
            if negative:
                out.append(("c:praise_negative", i, i + 1))
            if nxt[:1] == "!" or (i + 2 < n and low[i + 2][:1] == "!"):
                out.append(("c:praise_bang", i, i + 2))
            if w == "love" and nxt in ("that", "how", "it", "when"):
                out.append(("c:love_that", i, i + 2))
            if w == "bold" and lem[i + 1 : i + 2] and lem[i + 1] in ("move", "choice", "strategy"):
                out.append(("c:bold_move", i, i + 2))
            if w.startswith("congrat") and nxt == "on":
                out.append(("c:congrats_on", i, i + 2))
        if toks[i].text in SARCASM_EMOJI:
            out.append(("c:eye_roll", i, i + 1))
        if w == "s" and i and toks[i].start - toks[i - 1].end <= 2:
            out.append(("c:slash_s", i, i + 1))
        if w in MINIMISERS and any(x in PROBLEM_WORDS for x in lem[i + 1 : i + 4]):
            out.append(("c:minimise_problem", i, min(n, i + 4)))
        if (w, nxt) in SMALL_DEAL:
            out.append(("c:small_deal", i, i + 2))
        if w in CONDESCEND and second:
            out.append(("c:condescend_you", i, i + 1))
        if (w, nxt) in OVER_EXPLAIN:
            out.append(("c:over_explain", i, i + 2))
        if w in CONDITIONALS and any(x in SANCTIONS for x in lem[i + 1 : i + 9]):
            out.append(("c:cond_sanction", i, min(n, i + 9)))
        if w in ("will", "we'll") and any(x in SANCTIONS for x in lem[i + 1 : i + 4]):
            out.append(("c:will_sanction", i, min(n, i + 4)))
        if w in MODALS and any(x in SANCTIONS for x in lem[i + 1 : i + 5]):
            out.append(("c:may_sanction", i, min(n, i + 5)))
        if (lem[i], lem[i + 1] if nxt else "") in VEILED:
            out.append(("c:veiled", i, i + 2))
        if (w, nxt) in PA_MARKERS:
            out.append(("c:pa_marker", i, i + 2))
    if low[0] in SARCASM_OPENERS and n > 2:
        out.append(("c:sarcastic_opener", 0, 1))
    alpha = [w for w in low if w[0].isalpha()]
    if alpha and len(alpha) <= 6 and not second and not WARM.intersection(alpha):
        out.append(("c:cold_fragment", 0, n))
        if not {"i", "we", "i'll", "we'll", "i'm", "we're", "it", "it's"}.intersection(alpha):
            out.append(("c:verbless", 0, n))
