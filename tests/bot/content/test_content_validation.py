"""Each kind of broken content file is rejected with a message naming file, entry, problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import ContentError, load_content

TIP = """
[[tip]]
id = "team-tip"
title = "A team tip"
body = "Say hello first."
tags = ["courtesy"]
source = "000_8015ea39e5d4d98a.txt"
"""

RULE = """
[[rule]]
id = "team-rule"
pattern = "go away"
kind = "dismissive"
severity = "high"
why = "It sends the customer off."
tip = "let-them-vent"
suggestions = ["let me help"]
examples = ["Go away."]
"""


def _step(tip: str = "let-them-vent") -> str:
    return f'\n[[guide.step]]\ntitle = "Step"\ndo = "Do it."\ntips = ["{tip}"]\n'


def _guide(guide_id: str = "team-guide", kind: str = "scenario", steps: int = 3) -> str:
    head = (
        f'[[guide]]\nid = "{guide_id}"\nkind = "{kind}"\nname = "Team guide"\n'
        'summary = "A guide."\nkeywords = ["team"]\n'
    )
    return head + _step() * steps


def _reject(team: Path, file: str, text: str) -> str:
    team.mkdir(exist_ok=True)
    (team / file).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(team)
    return str(info.value)


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP + '\n[[tip]\nid = "x"\n')
    assert "tips.toml" in message
    assert "TOML syntax error" in message
    assert "line 9" in message


def test_missing_field(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP.replace('body = "Say hello first."\n', ""))
    assert "tips.toml: tip 'team-tip': missing required field 'body'" in message


def test_missing_id_names_the_position(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP + TIP.replace('id = "team-tip"\n', ""))
    assert "tips.toml: tip #2: missing required field 'id'" in message


def test_empty_field(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP.replace("Say hello first.", "  "))
    assert "tips.toml: tip 'team-tip': body is empty" in message


def test_wrong_type(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP.replace('["courtesy"]', '"courtesy"'))
    assert "tip 'team-tip': tags must be a list of strings, got a string" in message


def test_unknown_field(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP + 'colour = "red"\n')
    assert "tip 'team-tip': unknown field 'colour'" in message


def test_unknown_source(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP.replace("000_8015ea39e5d4d98a", "nope"))
    assert "tips.toml: tip 'team-tip': unknown source 'nope.txt'" in message


def test_duplicate_id(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP + TIP)
    assert "tips.toml: tip 'team-tip': duplicate id 'team-tip'" in message


def test_unresolved_tip_in_guide_step(tmp_path: Path) -> None:
    text = _guide().replace('tips = ["let-them-vent"]', 'tips = ["no-such-tip"]', 1)
    message = _reject(tmp_path, "guides.toml", text)
    assert "guides.toml: guide 'team-guide': step #1" in message
    assert "unknown tip 'no-such-tip'" in message


def test_unresolved_tip_in_rule(tmp_path: Path) -> None:
    message = _reject(tmp_path, "phrasebook.toml", RULE.replace("let-them-vent", "ghost"))
    assert "phrasebook.toml: rule 'team-rule': unknown tip 'ghost'" in message


def test_bad_regex(tmp_path: Path) -> None:
    message = _reject(tmp_path, "phrasebook.toml", RULE.replace("go away", "go (away"))
    assert "phrasebook.toml: rule 'team-rule': pattern 'go (away' does not compile" in message


def test_bad_exception_regex(tmp_path: Path) -> None:
    message = _reject(tmp_path, "phrasebook.toml", RULE + 'exceptions = ["[a-"]\n')
    assert "rule 'team-rule': exceptions[0] '[a-' does not compile" in message


def test_pattern_matching_empty_text(tmp_path: Path) -> None:
    message = _reject(tmp_path, "phrasebook.toml", RULE.replace('"go away"', '"(?:go away)?"'))
    assert "rule 'team-rule'" in message
    assert "matches empty text" in message


def test_example_that_does_not_match(tmp_path: Path) -> None:
    message = _reject(tmp_path, "phrasebook.toml", RULE.replace("Go away.", "Goodbye."))
    assert "rule 'team-rule': example 'Goodbye.' does not match the pattern" in message


def test_unknown_rule_kind(tmp_path: Path) -> None:
    message = _reject(tmp_path, "phrasebook.toml", RULE.replace('"dismissive"', '"rude"'))
    assert "phrasebook.toml: rule 'team-rule': unknown kind 'rude'" in message


def test_unknown_guide_kind(tmp_path: Path) -> None:
    message = _reject(tmp_path, "guides.toml", _guide(kind="bonus"))
    assert "guides.toml: guide 'team-guide': unknown kind 'bonus'" in message


def test_unknown_severity(tmp_path: Path) -> None:
    message = _reject(tmp_path, "phrasebook.toml", RULE.replace('"high"', '"extreme"'))
    assert "phrasebook.toml: rule 'team-rule': unknown severity 'extreme'" in message


def test_body_over_house_limit(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP.replace("Say hello first.", "word " * 120))
    assert "tips.toml: tip 'team-tip': body is 600 characters" in message
    assert "500 allowed" in message


def test_body_over_slack_limit(tmp_path: Path) -> None:
    message = _reject(tmp_path, "tips.toml", TIP.replace("Say hello first.", "x" * 3001))
    assert "tips.toml: tip 'team-tip': body is 3001 characters" in message
    assert "Slack section" in message


def test_general_guide_with_too_few_steps(tmp_path: Path) -> None:
    message = _reject(tmp_path, "guides.toml", _guide("general", "general", steps=3))
    assert "guides.toml: guide 'general': has 3 steps; a general guide needs 6-10" in message


def test_scenario_with_too_many_steps(tmp_path: Path) -> None:
    message = _reject(tmp_path, "guides.toml", _guide(steps=9))
    assert "guide 'team-guide': has 9 steps; a scenario guide needs 3-8" in message


def test_second_general_guide(tmp_path: Path) -> None:
    message = _reject(tmp_path, "guides.toml", _guide("other", "general", steps=6))
    assert "guide 'other'" in message
    assert 'id = "general" and kind = "general"' in message


def test_no_general_guide(base_copy: Path) -> None:
    guides = base_copy / "guides.toml"
    text = guides.read_text(encoding="utf-8")
    # Drop the general guide: everything before the first scenario.
    guides.write_text(text[text.index('[[guide]]\nid = "on-hold"') :], encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(base_dir=base_copy)
    assert "guides.toml: no general guide" in str(info.value)


def test_missing_builtin_file(base_copy: Path) -> None:
    (base_copy / "tips.toml").unlink()
    with pytest.raises(ContentError, match=r"tips\.toml: file not found"):
        load_content(base_dir=base_copy)


def test_missing_team_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="content folder not found"):
        load_content(tmp_path / "absent")


def test_builtin_errors_name_the_content_folder(base_copy: Path) -> None:
    # Without base_dir the loader reads content/ at the repo root; a copy elsewhere is
    # named by its full path, so the message still points at the right file.
    (base_copy / "calllog.toml").write_text("categories = [1]\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(base_dir=base_copy)
    assert f"{base_copy / 'calllog.toml'}: categories: categories[0] must be a string" in str(
        info.value
    )


TERM = '[[jargon.term]]\nterm = "SLA"\nplain = "the time we promised to answer in"\n'


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        ("tips.toml", 'tips = "x"\n', "tips.toml: unknown top-level key 'tips' (expected [[tip]])"),
        ("tips.toml", 'tip = "x"\n', "tips.toml: 'tip' must be written as [[tip]], got a string"),
        ("tips.toml", 'tip = ["x"]\n', "tips.toml: tip #1: must be a table, got a string"),
        (
            "tips.toml",
            TIP.replace('"team-tip"', '"Team Tip"'),
            "tip #1: id 'Team Tip' must be kebab-case",
        ),
        (
            "tips.toml",
            TIP.replace('["courtesy"]', '["On Hold"]'),
            "tip 'team-tip': tag 'On Hold' must be kebab-case",
        ),
        (
            "tips.toml",
            TIP.replace('["courtesy"]', "[]"),
            "tip 'team-tip': tags is empty (needs at least one item)",
        ),
        (
            "tips.toml",
            TIP.replace('["courtesy"]', '["courtesy", 3]'),
            "tip 'team-tip': tags[1] must be a string, got an integer",
        ),
        (
            "tips.toml",
            TIP.replace('["courtesy"]', '["courtesy", " "]'),
            "tip 'team-tip': tags[1] is empty",
        ),
        (
            "tips.toml",
            TIP.replace("A team tip", "t" * 61),
            "tip 'team-tip': title is 61 characters, longer than the 60 allowed",
        ),
        (
            "guides.toml",
            _guide().replace('"Team guide"', '"A guide with a long name, too long"'),
            "guide 'team-guide': name is 34 characters, longer than the 24 allowed",
        ),
        ("guides.toml", _guide(steps=0), "guide 'team-guide': missing required field 'step'"),
        (
            "guides.toml",
            _guide(steps=0) + 'step = "one"\n',
            "guide 'team-guide': step must be an array of tables, got a string",
        ),
        (
            "guides.toml",
            _guide() + 'colour = "red"\n',
            "guide 'team-guide' step #3: unknown field 'colour'",
        ),
        (
            "guides.toml",
            _guide().replace('do = "Do it."\n', "", 1),
            "guide 'team-guide' step #1: missing required field 'do'",
        ),
        (
            "sources.toml",
            '[[source]]\nfile = "a.txt"\ntitle = "A"\n' * 2,
            "sources.toml: source 'a.txt': duplicate file 'a.txt'",
        ),
        (
            "phrasebook.toml",
            'jargon = "SLA"\n',
            "phrasebook.toml: [jargon] must be a table, got a string",
        ),
        (
            "phrasebook.toml",
            "[jargon]\nwords = []\n",
            "phrasebook.toml: [jargon]: unknown key 'words' (expected [[jargon.term]])",
        ),
        (
            "phrasebook.toml",
            '[jargon]\nterm = "SLA"\n',
            "[jargon]: 'term' must be written as [[jargon.term]], got a string",
        ),
        (
            "phrasebook.toml",
            "[jargon]\n" + TERM + TERM,
            "phrasebook.toml: jargon term 'SLA': duplicate term 'sla'",
        ),
        (
            "phrasebook.toml",
            '[[jargon.term]]\nterm = "SLA"\n',
            "jargon term 'SLA': missing required field 'plain'",
        ),
        (
            "calllog.toml",
            'categories = ["vip", "VIP"]\n',
            "calllog.toml: categories: duplicate category 'vip'",
        ),
        ("calllog.toml", 'category = ["vip"]\n', "calllog.toml: unknown top-level key 'category'"),
    ],
)
def test_each_kind_of_broken_entry_is_named(
    tmp_path: Path, file: str, text: str, expected: str
) -> None:
    assert expected in _reject(tmp_path, file, text)


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    tmp_path.joinpath("tips.toml").write_bytes(TIP.encode("utf-8").replace(b"hello", b"h\xe9llo"))
    with pytest.raises(
        ContentError, match=r"tips\.toml: not valid UTF-8 \(invalid continuation byte at byte"
    ):
        load_content(tmp_path)
