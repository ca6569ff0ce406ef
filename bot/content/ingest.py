"""`python -m bot content ingest FILE`: draft candidate tips from an article.

The output is a starting point for a person, not finished content: it quotes the article,
and every body must be rewritten in our own words before it goes into tips.toml.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bot.content.patterns import normalise_quotes
from bot.content.segment import split_sentences

# A line like this starts the comment section; nothing after it is the author's advice.
_COMMENTS_START = re.compile(
    r"^(?:comments?:?|\d+ comments?:?|(?:one|no|\d+) (?:responses?|comments?|replies) to\b.*"
    r"|leave a (?:comment|reply)\b.*|post a comment\b.*|add a comment\b.*"
    r"|feel free to leave a comment\b.*|join the discussion\b.*)$",
    re.IGNORECASE,
)
# Page furniture that can sit anywhere: bylines, share buttons, navigation, template tags.
_DEBRIS = re.compile(
    r"^(?:posted by\b|written by\b|by\s*$|share this\b|share on\b|subscribe to\b"
    r"|post comments\b|reply\s*$|follow\s*$|like this\b|related posts?\b|previous post\b"
    r"|next post\b|older posts?\b|newer posts?\b|home\s*$|tags?:|categories:|filed under\b"
    r"|permalink\b|read more\b|click here\b|made with\b|don't miss\b|\{[^}]*\}\s*$|\d+\s*$)",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_LINE = re.compile(
    rf"^(?:\w+day,?\s+)?{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[\u2022\u00b7*\-]|o(?=\s+[A-Z])|\d+[.)])\s*")
_WORD = re.compile(r"[\w']+")
_FIRST_PERSON = frozenset({"i", "i'm", "i've", "me", "my", "we", "we're", "our", "us"})
_SECOND_PERSON = frozenset({"you", "your", "you're", "yourself"})

IMPERATIVE_VERBS = frozenset(
    {
        "ask", "avoid", "be", "call", "check", "close", "count", "do", "don't", "end",
        "explain", "find", "focus", "follow", "gather", "get", "give", "go", "keep", "learn",
        "let", "listen", "look", "make", "offer", "pass", "paraphrase", "put", "remember",
        "repeat", "reply", "respond", "say", "send", "show", "smile", "speak", "start",
        "state", "stay", "stop", "take", "talk", "tell", "thank", "think", "treat", "try",
        "use", "write", "apologize", "apologise", "acknowledge", "answer", "consider",
        "greet", "help", "hold", "note", "own", "read", "recognize", "recognise", "set",
        "share", "summarize", "summarise", "watch",
    }
)  # fmt: skip
# Words that may come before the verb of an imperative: "Calmly ask", "Then, take".
_LEAD_INS = frozenset(
    {
        "just", "simply", "calmly", "always", "never", "please", "then", "so", "now",
        "also", "and", "instead", "first", "next", "finally", "again",
    }
)  # fmt: skip
_ADVICE_MARKERS = re.compile(
    r"\b(?:you should|you must|you need to|you have to|you can't|make sure|remember (?:to|that)"
    r"|try to|it is important|it's important|it is imperative|it's imperative"
    r"|the best action|don't|do not|never|always)\b",
    re.IGNORECASE,
)
TAG_HINTS: dict[str, tuple[str, ...]] = {
    "listening": ("listen", "paraphras", "hear"),
    "apology": ("sorry", "apolog"),
    "empathy": ("empath", "feel", "understand"),
    "on-hold": ("hold",),
    "follow-through": ("follow through", "follow-through", "steps"),
    "plain-language": ("jargon", "plain", "clearly"),
    "courtesy": ("please", "thank", "respect", "courte", "polite"),
    "self-care": ("breath", "personal", "count to"),
    "social-media": ("tweet", "facebook", "social"),
    "escalation": ("supervisor", "someone else", "pass the phone"),
    "team": ("team",),
    "consistency": ("same", "different", "consistent"),
    "feedback": ("complain", "survey"),
    "ownership": ("make it right", "make things right", "correct"),
    "facts": ("%",),
}
MIN_WORDS, MAX_WORDS = 3, 60


def article_lines(text: str) -> list[str]:
    """The article's own lines: comment section cut off, page debris and headings dropped."""
    kept: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if _COMMENTS_START.match(line):
            break
        if not line or _DEBRIS.match(line) or _DATE_LINE.match(line):
            continue
        words = len(line.split())
        # Short unpunctuated lines are headings ("Courtesy"); short sentences may be advice.
        if words < MIN_WORDS or (words < 5 and line[-1] not in '.!?\u2026"\u201d'):
            continue
        kept.append(line)
    return kept


def is_advice(sentence: str) -> bool:
    """Does the sentence read like advice: an imperative or a 'you should'-style line?"""
    plain = _BULLET.sub("", normalise_quotes(sentence))
    if plain.rstrip("\"' ").endswith("?"):
        return False  # questions ("Do you know how many...?") are rhetoric, not advice
    words = [w.lower() for w in _WORD.findall(plain)]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    while words and words[0] in _LEAD_INS and len(words) > 1:
        words = words[1:]
    if words[0] in IMPERATIVE_VERBS:
        return True
    if not _SECOND_PERSON.intersection(words) and _FIRST_PERSON.intersection(words):
        return False  # the author's own story ("I have never had..."), not advice to you
    return _ADVICE_MARKERS.search(plain) is not None


def guess_tags(sentence: str) -> list[str]:
    """Tags whose hint words appear in the sentence; 'to-review' if none do."""
    lower = sentence.lower()
    tags = [tag for tag, hints in TAG_HINTS.items() if any(h in lower for h in hints)]
    return tags[:3] or ["to-review"]


def _slug(words: list[str]) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", "", w.lower()) for w in words).strip("-") or "tip"


def candidate_tips(text: str, source_file: str) -> list[dict[str, object]]:
    """Advice-like sentences from an article, shaped like [[tip]] entries for review."""
    candidates: list[dict[str, object]] = []
    used: set[str] = set()
    bodies: set[str] = set()
    for line in article_lines(text):
        for sentence in split_sentences(line):
            body = " ".join(_BULLET.sub("", sentence).split())
            if body.casefold() in bodies or not is_advice(sentence):
                continue
            bodies.add(body.casefold())
            words = body.split()
            title = " ".join(words[:6]).rstrip(".,;:!?\u2026")
            title = title[:1].upper() + title[1:]
            base = re.sub(r"-+", "-", _slug(words[:5]))
            tip_id, n = base, 2
            while tip_id in used:
                tip_id, n = f"{base}-{n}", n + 1
            used.add(tip_id)
            candidates.append(
                {
                    "id": tip_id,
                    "title": title[:60],
                    "body": body,
                    "tags": guess_tags(body),
                    "source": source_file,
                }
            )
    return candidates


def toml_string(value: str) -> str:
    """Quote value as a TOML basic string."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def format_candidates(candidates: list[dict[str, object]], source_file: str) -> str:
    """Render candidates as tips.toml entries, headed by a reminder to rewrite them."""
    lines = [
        f"# {len(candidates)} candidate tip{'' if len(candidates) == 1 else 's'} from "
        f"{source_file}.",
        "# These quote the article word for word: rewrite every title and body in your own",
        "# words (no run of 8 or more words from the source), fix the tags, then paste the",
        "# ones worth keeping into tips.toml, and add the article to sources.toml as a",
        f'# [[source]] with file = "{source_file}" and its title.',
    ]
    for cand in candidates:
        lines += ["", "[[tip]]"]
        for key in ("id", "title", "body", "source"):
            lines.append(f"{key} = {toml_string(str(cand[key]))}")
        tags = cand["tags"]
        assert isinstance(tags, list)
        lines.append("tags = [" + ", ".join(toml_string(str(t)) for t in tags) + "]")
    return "\n".join(lines)


def main_ingest(path: Path) -> int:
    """Print candidate tips for the article at path; 1 if it can't be read."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        print(f"cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 1
    print(format_candidates(candidate_tips(text, path.name), path.name))
    return 0
