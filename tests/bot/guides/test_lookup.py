from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import Content, load_content
from bot.guides.lookup import example_word, find_guide, wants_list, words

CONTENT = load_content()
GUIDE_IDS = [g.id for g in CONTENT.guides]
# Every id, name and keyword, with the guide it belongs to.
NAMES = [(g.id, text) for g in CONTENT.guides for text in (g.id, g.name)]
KEYWORDS = [(g.id, k) for g in CONTENT.guides for k in g.keywords]


@pytest.mark.parametrize(
    ("typed", "guide_id"),
    [
        ("on hold", "on-hold"),
        ("hold", "on-hold"),
        ("HOLD", "on-hold"),
        ("on-hold", "on-hold"),
        ("holds", "on-hold"),
        ("  On  Hold!! ", "on-hold"),
        ("abusive", "abusive-caller"),
        ("swearing", "abusive-caller"),
        ("the caller keeps swearing at me", "abusive-caller"),
        ("social", "social-media"),
        ("a tweet about us", "social-media"),
        ("policies", "policy-no"),
        ("can't", "policy-no"),
        ("cant", "policy-no"),
        ("policy says no", "policy-no"),
        ("Repeat Caller", "repeat-caller"),
        ("he called before", "repeat-caller"),
        ("angry", "general"),
        ("general", "general"),
        ("my temper is rising", "temper-rising"),
    ],
)
def test_forgiving_matches(content: Content, typed: str, guide_id: str) -> None:
    found = find_guide(content, typed)
    assert found is not None and found.id == guide_id


@pytest.mark.parametrize("typed", ["", "   ", "?!", "zebra", "xyzzy plugh", "caller"])
def test_nothing_matches(content: Content, typed: str) -> None:
    assert find_guide(content, typed) is None


def test_every_scenario_has_a_word_that_finds_it(content: Content) -> None:
    for guide in content.guides:
        word = example_word(content, guide)
        assert find_guide(content, word) == guide
        assert len(word) <= len(guide.name)


@pytest.mark.parametrize("typed", ["help", "HELP", " list ", "scenarios", "Guides?"])
def test_help_asks_for_the_list_and_names_no_guide(content: Content, typed: str) -> None:
    assert wants_list(typed) and find_guide(content, typed) is None


@pytest.mark.parametrize("typed", ["", "hold", "help me, he is shouting", "zebra"])
def test_other_text_does_not_ask_for_the_list(typed: str) -> None:
    assert not wants_list(typed)


def test_words_normalise_case_punctuation_and_plurals() -> None:
    assert words("On-Hold!") == ("on", "hold")
    assert words("Policies") == ("policy",)
    assert words("Holds") == words("hold")
    assert words("can't") == ("cant",)
    assert words("class") == ("class",)  # a double s is not a plural


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=300)
@given(st.text())
def test_any_text_finds_a_known_guide_or_none(text: str) -> None:
    found = find_guide(CONTENT, text)
    assert found is None or found.id in GUIDE_IDS


@given(
    st.sampled_from(["help", "list", "scenarios", "guides"]),
    st.lists(st.booleans(), max_size=10),
    st.sampled_from(["", " ", "  "]),
    st.sampled_from(["", "?", "!", " "]),
)
def test_asking_for_the_list_works_however_it_is_typed_and_names_no_guide(
    word: str, upper: list[bool], pad: str, tail: str
) -> None:
    typed = _restyle(word, upper, pad, tail)
    assert wants_list(typed) and find_guide(CONTENT, typed) is None


@given(st.text())
def test_only_a_single_list_word_asks_for_the_list(text: str) -> None:
    assert not wants_list(text) or len(words(text)) == 1


@given(st.text(alphabet=st.characters(categories=["P", "Z", "S"])))
def test_text_without_letters_or_digits_finds_nothing(text: str) -> None:
    assert find_guide(CONTENT, text) is None


def _restyle(text: str, upper: list[bool], pad: str, tail: str) -> str:
    styled = "".join(
        c.upper() if up else c.lower()
        for c, up in zip(text, upper + [False] * len(text), strict=False)
    )
    return pad + styled + tail


@given(
    st.sampled_from(NAMES),
    st.lists(st.booleans(), max_size=40),
    st.sampled_from(["", " ", "  ", "\t", '"']),
    st.sampled_from(["", "!", "?", ".", " ...", "!!"]),
)
def test_an_id_or_name_finds_its_guide_however_it_is_typed(
    named: tuple[str, str], upper: list[bool], pad: str, tail: str
) -> None:
    guide_id, text = named
    found = find_guide(CONTENT, _restyle(text, upper, pad, tail))
    assert found is not None and found.id == guide_id


@given(
    st.sampled_from(KEYWORDS),
    st.lists(st.booleans(), max_size=40),
    st.sampled_from(["", " ", "-"]),
    st.sampled_from(["", "!", "?", "."]),
)
def test_a_keyword_finds_a_guide_that_has_it_however_it_is_typed(
    keyword: tuple[str, str], upper: list[bool], pad: str, tail: str
) -> None:
    _, text = keyword
    found = find_guide(CONTENT, _restyle(text, upper, pad, tail))
    # A few keywords ("angry", "yelling") belong to two guides; the first listed wins.
    assert found is not None and words(text) in {words(k) for k in found.keywords}


@given(st.sampled_from(KEYWORDS + NAMES))
def test_plurals_find_the_same_guide(named: tuple[str, str]) -> None:
    _, text = named
    plural = " ".join(w + "s" if len(w) >= 3 and not w.endswith("s") else w for w in text.split())
    assert find_guide(CONTENT, plural) == find_guide(CONTENT, text)


@given(st.sampled_from(KEYWORDS), st.text(alphabet="xyz ", max_size=20))
def test_a_keyword_inside_a_sentence_still_finds_a_guide(
    keyword: tuple[str, str], noise: str
) -> None:
    _, text = keyword
    assert find_guide(CONTENT, f"{noise} {text} {noise}") is not None
