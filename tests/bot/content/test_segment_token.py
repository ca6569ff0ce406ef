"""token_before reads backwards what the old window regex searched for, exactly."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content.segment import token_before

_TOKEN_BEFORE = re.compile(r"([\w.]+)$")  # what the splitter used to search
texts = st.text(alphabet=st.sampled_from("ab1_. \n,é٣-Ⅻ\t"), max_size=90) | st.text(max_size=90)


@settings(max_examples=400, deadline=None)
@given(text=texts, data=st.data())
def test_token_before_equals_the_window_regex(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    found = _TOKEN_BEFORE.search(text, max(0, end - 64), end)
    assert token_before(text, end) == (found.group(1) if found else "")


def test_a_line_break_at_the_end_is_skipped_as_the_regex_did() -> None:
    assert token_before("see Dr\n", 7) == "Dr"
    assert token_before("a" * 70, 70) == "a" * 64
