"""`content check` prints a summary or the error line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import Content
from bot.content.check import check_report, main_check


def test_report_counts(content: Content) -> None:
    report = check_report(content)
    assert f"{len(content.tips)} tips" in report
    assert "1 general, 6 scenarios" in report
    assert f"{len(content.rules)} rules, {len(content.jargon)} jargon terms" in report
    for source in content.sources:
        assert source.file in report


def test_main_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main_check(None) == 0
    assert capsys.readouterr().out.startswith("Content OK")


def test_main_check_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "tips.toml").write_text("[[tip]]\nid = 'x'\n", encoding="utf-8")
    assert main_check(tmp_path) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "tips.toml: tip 'x': missing required field 'title'" in captured.err
