"""Block Kit for /rephrase answers and its modal (plain dicts, no Slack SDK).

User text is escaped first and marked second, piece by piece, so offsets stay right and
no draft can ping a channel or break the formatting.
"""

from __future__ import annotations

from bot.content import Content
from bot.rephrase.engine import MAX_DRAFT
from bot.rephrase.models import Analysis, Finding
from bot.rephrase.report import meter, shown_suggestion, tip_title
from bot.text import escape
from handlers.blocks import (
    SECTION_TEXT_LIMIT,
    Block,
    actions,
    button,
    context,
    divider,
    header,
    modal,
    plain,
    section,
)
from handlers.ids import RephraseAction, RephraseBlock, RephraseView

SECTION_BUDGET = SECTION_TEXT_LIMIT - 100  # room for code fences and markers
PIECE = 400  # source characters per piece; escaping can make a piece up to five times longer
MAX_FINDINGS_SHOWN = 20
MARKABLE = 300  # longer findings (a whole long sentence) are listed, not marked


def too_long_text(length: int) -> str:
    return (
        f"Your draft is {length:,} characters, and I can check up to {MAX_DRAFT:,} at a time. "
        "Could you split it and send it in parts? For example: `/rephrase Thanks for your "
        "patience, your refund is on its way.`"
    )


def empty_text() -> str:
    return (
        "There's no text to check. Paste your draft after the command, for example: "
        "`/rephrase Thanks for your patience, your refund is on its way.`"
    )


def answer_blocks(
    analysis: Analysis, content: Content, variant: int, another_value: str | None
) -> list[Block]:
    """The whole answer: tone meter, marked draft, findings, nudges, rewrite, button."""
    blocks: list[Block] = [
        header("Your draft, checked"),
        context(
            f"Tone  {meter(analysis.score)}  →  after rewrite  {meter(analysis.rewrite_score)}"
        ),
    ]
    blocks += [section(text) for text in _pack(_marked_pieces(analysis))]
    blocks.append(divider())
    blocks += _finding_sections(analysis.findings, content)
    if analysis.nudges:
        lines = [f"• {escape(n.why)} _e.g._ `{escape(n.suggestion)}`" for n in analysis.nudges]
        blocks.append(section("*Could also add*\n" + "\n".join(lines)))
    blocks.append(divider())
    blocks += _rewrite_blocks(analysis, variant)
    if another_value is not None:
        blocks.append(
            actions(
                button("Try another wording", RephraseAction.ANOTHER_WORDING, another_value),
                block_id=RephraseBlock.ANOTHER,
            )
        )
    return blocks


LAST_WORDING = "That's the last wording I have for this draft."


def _rewrite_blocks(analysis: Analysis, variant: int) -> list[Block]:
    """The rewrite only when it passed every check; otherwise the one-line reason."""
    if analysis.rewrite_status == "unchanged":
        return [section("*No rewrite needed*: your draft can go as it is.")]
    if analysis.rewrite_status != "offered":
        return [section(f"*No rewrite this time.* {escape(analysis.rewrite_reason)}")]
    title = "*Rewrite, ready to copy*" + (f" (wording {variant + 1})" if variant else "")
    rewrite = _pack([escape(p) for p in _pieces(analysis.rewrite)])
    blocks = [section(title), *(section(f"```{text}```") for text in rewrite)]
    if variant and not analysis.more_wordings:
        blocks.append(context(LAST_WORDING))
    return blocks


def has_alternatives(analysis: Analysis) -> bool:
    """Another wording, different from every one shown so far, exists."""
    return analysis.more_wordings


def summary_text(analysis: Analysis) -> str:
    count = len(analysis.serious)
    if not count:
        return "Your draft reads well: nothing likely to land badly."
    see = "see the rewrite" if analysis.offered else "see the suggestions"
    return f"{count} thing{'s' if count > 1 else ''} in your draft could land badly; {see}."


def draft_modal() -> Block:
    return modal(
        "Rephrase a draft",
        [
            {
                "type": "input",
                "block_id": RephraseBlock.DRAFT,
                "label": plain("Your draft reply"),
                "element": {
                    "type": "plain_text_input",
                    "action_id": RephraseAction.DRAFT_INPUT,
                    "multiline": True,
                    "placeholder": plain("Paste the reply you're about to send"),
                },
                "hint": plain(f"Up to {MAX_DRAFT:,} characters. Only you will see the result."),
            }
        ],
        callback_id=RephraseView.DRAFT,
        submit="Check",
    )


def checking_view() -> Block:
    return modal("Rephrase a draft", [section("Checking your draft…")])


def result_view(blocks: list[Block]) -> Block:
    return modal("Your draft, checked", blocks, callback_id=RephraseView.RESULT)


# --- the marked draft ----------------------------------------------------------------------


def _marks(findings: tuple[Finding, ...]) -> list[Finding]:
    """Non-overlapping findings to mark, most severe first on overlap."""
    picked: list[Finding] = []
    for f in sorted(findings, key=lambda f: (-f.rank, -(f.end - f.start), f.start)):
        if f.end - f.start > MARKABLE or not f.text.strip():
            continue
        if all(f.end <= p.start or p.end <= f.start for p in picked):
            picked.append(f)
    return sorted(picked, key=lambda f: f.start)


def _marked_pieces(analysis: Analysis) -> list[str]:
    text = analysis.draft
    out: list[str] = []
    pos = 0
    for start, end, serious in _runs(_marks(analysis.findings)):
        out += [escape(p) for p in _pieces(text[pos:start])]
        out.append(_mark(text[start:end], serious))
        pos = end
    out += [escape(p) for p in _pieces(text[pos:])]
    return out


def _runs(marks: list[Finding]) -> list[tuple[int, int, bool]]:
    """Touching marks joined into one, so Slack never sees `*a**b*` (which it cannot read)."""
    runs: list[tuple[int, int, bool]] = []
    for f in marks:
        if runs and runs[-1][1] == f.start:
            start, _, serious = runs.pop()
            runs.append((start, f.end, serious or f.serious))
        else:
            runs.append((f.start, f.end, f.serious))
    return runs


def _mark(words: str, serious: bool) -> str:
    # Bold for what the rewrite changes, italics for low-severity hints; the markers go
    # inside any surrounding spaces or Slack ignores them.
    marker = "*" if serious else "_"
    body = escape(words).replace(marker, "")
    lead = body[: len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()) :]
    return f"{lead}{marker}{body.strip()}{marker}{trail}" if body.strip() else body


def _pieces(text: str) -> list[str]:
    return [text[i : i + PIECE] for i in range(0, len(text), PIECE)]


def _pack(pieces: list[str]) -> list[str]:
    """Join pieces into as few section texts as fit Slack's limit."""
    packed: list[str] = []
    for piece in pieces:
        if packed and len(packed[-1]) + len(piece) <= SECTION_BUDGET:
            packed[-1] += piece
        else:
            packed.append(piece)
    return [p for p in packed if p.strip()] or [" "]


# --- findings -------------------------------------------------------------------------------


def _finding_sections(findings: tuple[Finding, ...], content: Content) -> list[Block]:
    if not findings:
        return [section("Nothing in this draft is likely to land badly. :white_check_mark:")]
    shown = sorted(findings, key=lambda f: (-f.rank, f.start))[:MAX_FINDINGS_SHOWN]
    texts = [_finding_text(number, f, content) for number, f in enumerate(shown, 1)]
    if len(findings) > len(shown):
        texts.append(f"_…and {len(findings) - len(shown)} more, mostly minor._")
    return [section(text) for text in _pack([t + "\n\n" for t in texts])]


def _finding_text(number: int, f: Finding, content: Content) -> str:
    quoted = escape(f.text if len(f.text) <= 120 else f.text[:117] + "…")
    lines = [
        f"*{number}. {f.kind.replace('-', ' ').capitalize()}* ({f.severity}): “{quoted}”",
        escape(f.why),
        f"_Tip: {escape(tip_title(content, f))}_",
    ]
    if f.suggestions:
        tries = " or ".join(
            f"`{escape(s)}`" if s else f"_{shown_suggestion(s)}_" for s in f.suggestions
        )
        lines.append(f"Try: {tries}")
    return "\n".join(lines)
