from __future__ import annotations

from pathlib import Path

from tests.process import run_bot


def test_content_check_prints_counts(tmp_path: Path) -> None:
    result = run_bot("content", "check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Content OK" in result.stdout
    assert "tips.toml" in result.stdout


def test_content_check_names_the_broken_file(tmp_path: Path) -> None:
    (tmp_path / "tips.toml").write_text('[[tip]]\nid = "x"\ntitle = ""\n')
    result = run_bot("content", "check", cwd=tmp_path, BOT_CONTENT_DIR=str(tmp_path))
    assert result.returncode == 1
    assert "tips.toml" in result.stderr


def test_broken_team_content_stops_start_up(tmp_path: Path) -> None:
    (tmp_path / "tips.toml").write_text("[[tip]\n")
    result = run_bot(
        "console",
        cwd=tmp_path,
        BOT_CONTENT_DIR=str(tmp_path),
        BOT_DB_PATH=str(tmp_path / "db.json"),
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Content error:")
    assert not (tmp_path / "db.json").exists()


def test_manifest_check_passes(tmp_path: Path) -> None:
    assert run_bot("manifest", "--check", cwd=tmp_path).returncode == 0
