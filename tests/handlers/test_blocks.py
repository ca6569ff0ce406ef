from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.text import code, unescape
from handlers.blocks import SECTION_TEXT_LIMIT, escaped_sections


@given(st.text(alphabet=st.sampled_from("ab &<>\n"), max_size=7000))
def test_escaped_sections_show_the_whole_text_within_the_limit(text: str) -> None:
    sections = escaped_sections(text)
    shown = [block["text"]["text"] for block in sections]
    assert all(len(piece) <= SECTION_TEXT_LIMIT for piece in shown)
    assert "".join(unescape(piece) for piece in shown) == text
    assert not any("<" in piece or ">" in piece for piece in shown)


def test_escaped_sections_cut_at_a_space_when_there_is_one() -> None:
    first, second = escaped_sections("word " * 700 + "&" * 10)
    assert first["text"]["text"].endswith("word ") and second["text"]["text"].endswith("&amp;")


def test_code_echoes_typed_text_escaped_once() -> None:
    assert code("&lt;!here&gt;") == code("<!here>") == "`&lt;!here&gt;`"
    assert code("a`b") == "`a'b`"
    assert code("x" * 100) == "`" + "x" * 79 + "…`"
