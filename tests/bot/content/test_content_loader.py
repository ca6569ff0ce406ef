"""The built-in content loads, meets its minimums, and team folders override it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.content import Content, load_content

SCENARIOS = {
    "on-hold",
    "temper-rising",
    "policy-no",
    "repeat-caller",
    "abusive-caller",
    "social-media",
}


def test_minimum_counts(content: Content) -> None:
    assert len(content.sources) == 5
    assert len(content.tips) >= 44
    per_source = Counter(t.source.file for t in content.tips)
    assert {s.file for s in content.sources} == set(per_source)
    assert min(per_source.values()) >= 5
    assert len(content.rules) >= 45
    assert len(content.jargon) >= 15
    assert content.categories == ("billing", "shipping", "product", "account", "technical", "other")


def test_guides(content: Content) -> None:
    general = [g for g in content.guides if g.kind == "general"]
    assert [g.id for g in general] == ["general"]
    assert 6 <= len(general[0].steps) <= 10
    assert content.general_guide is general[0]
    assert {g.id for g in content.scenarios} == SCENARIOS
    for guide in content.scenarios:
        assert 3 <= len(guide.steps) <= 8
        assert len(guide.name) <= 24


@pytest.mark.parametrize("figure", ["4%", "96%", "91%", "26"])
def test_every_figure_is_taught_with_its_source(content: Content, figure: str) -> None:
    tips = [t for t in content.tips if figure in t.body]
    assert tips, f"no tip teaches {figure}"
    # All four figures come from the "It's Not Personal" article.
    assert {t.source.file for t in tips} == {"002_b9d4edfd9242e560.txt"}


def test_topics_and_lookups(content: Content) -> None:
    assert content.tip("let-them-vent").title == "Let them finish"
    assert content.guide("on-hold").kind == "scenario"
    assert "listening" in content.topics()
    assert all("on-hold" in t.tags for t in content.tips_by_tag("on-hold"))
    with pytest.raises(KeyError):
        content.tip("no-such-tip")


def test_required_topics_have_tips(content: Content) -> None:
    for tag in ("on-hold", "follow-through", "plain-language", "apology", "consistency"):
        assert content.tips_by_tag(tag), tag
    for tip_id in ("something-can-be-done", "never-hang-up", "monitor-social-media"):
        content.tip(tip_id)


def test_team_folder_replaces_a_tip_and_adds_jargon(content: Content, tmp_path: Path) -> None:
    (tmp_path / "tips.toml").write_text(
        """
[[tip]]
id = "let-them-vent"
title = "Let them talk"
body = "Our team's own take: keep quiet until they are done."
tags = ["listening"]
source = "000_8015ea39e5d4d98a.txt"

[[tip]]
id = "team-only"
title = "A tip only our team has"
body = "Log the call before you hang up."
tags = ["team"]
source = "team.txt"
""",
        encoding="utf-8",
    )
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nfile = "team.txt"\ntitle = "Team handbook"\n', encoding="utf-8"
    )
    (tmp_path / "phrasebook.toml").write_text(
        '[[jargon.term]]\nterm = "NPS"\nplain = "our how-likely-to-recommend survey"\n',
        encoding="utf-8",
    )
    (tmp_path / "calllog.toml").write_text(
        'categories = ["returns", "billing"]\n', encoding="utf-8"
    )

    merged = load_content(tmp_path)

    replaced = merged.tip("let-them-vent")
    assert replaced.title == "Let them talk"
    # A replaced tip keeps its place; a new one is appended.
    assert [t.id for t in merged.tips].index("let-them-vent") == [t.id for t in content.tips].index(
        "let-them-vent"
    )
    assert merged.tips[-1].id == "team-only"
    assert merged.tip("team-only").source.title == "Team handbook"
    assert len(merged.tips) == len(content.tips) + 1
    assert merged.jargon[-1].term == "NPS"
    assert len(merged.jargon) == len(content.jargon) + 1
    assert merged.categories == (*content.categories, "returns")
    # Guides still resolve their tip references after the merge.
    assert merged.guide("general").steps[0].tips[0] == "let-them-vent"


def test_team_jargon_rewords_an_existing_term(tmp_path: Path, content: Content) -> None:
    (tmp_path / "phrasebook.toml").write_text(
        '[[jargon.term]]\nterm = "sla"\nplain = "the reply time in your contract"\n',
        encoding="utf-8",
    )
    merged = load_content(tmp_path)
    assert len(merged.jargon) == len(content.jargon)
    sla = [j for j in merged.jargon if j.term.casefold() == "sla"]
    assert [j.plain for j in sla] == ["the reply time in your contract"]


def test_jargon_in_text(content: Content) -> None:
    found = {j.term for j in content.jargon_in("Your RMA is with tier 2; ETA Friday.")}
    assert {"RMA", "tier 2", "ETA"} <= found
    assert not content.jargon_in("Thanks, we'll synchronise later")
