"""`python -m bot rephrase`: the report, --json, --jsonl, --customer, team jargon."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.process import run_bot

FIELDS = {"kind", "severity", "start", "end", "text", "why", "tip", "suggestions"}


def rephrase(*args: str, stdin: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    # No Slack settings at all: the CLI must not need them.
    return run_bot("rephrase", *args, cwd=cwd, stdin=stdin, **env)


def test_json_flags_each_phrase_and_rewrites_both(tmp_path: Path) -> None:
    draft = "You're wrong, calm down. Your parcel left the depot at 9."
    result = rephrase("--json", stdin=draft, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"findings", "nudges", "rewrite", "score", "rewrite_score"}
    assert [f["text"] for f in out["findings"]] == ["You're wrong", "calm down"]
    assert all(set(f) == FIELDS for f in out["findings"])
    assert all(set(n) == {"kind", "why", "suggestion"} for n in out["nudges"])
    assert "wrong" not in out["rewrite"] and "calm down" not in out["rewrite"]
    assert out["rewrite_score"] > out["score"]


def test_offsets_are_characters_of_the_input(tmp_path: Path) -> None:
    draft = "Café ☕ for Mrs. O\u2019Brien: it\u2019s not my fault."
    out = json.loads(rephrase("--json", stdin=draft, cwd=tmp_path).stdout)
    (finding,) = out["findings"]
    assert draft[finding["start"] : finding["end"]] == finding["text"]


def test_human_report_and_customer_context(tmp_path: Path) -> None:
    result = rephrase(
        "--customer", "My parcel never arrived!", stdin="It ships Friday.", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Tone:" in result.stdout
    assert "say sorry" in result.stdout
    assert "Rewrite:\nIt ships Friday." in result.stdout


def test_jsonl_one_result_per_line(tmp_path: Path) -> None:
    # A rude draft whose rewrite does not hang on the tone model's reading of a one-word
    # reply ("Whatever." -> "I understand." is read as low impatience by the newer model).
    rude = "Why are you so upset? It ships today."
    lines = json.dumps(rude) + "\n" + json.dumps("Thanks, it ships today!") + "\n"
    result = rephrase("--jsonl", stdin=lines, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["rewrite"] == "It ships today."
    assert second["findings"] == []


def test_jsonl_names_a_bad_line(tmp_path: Path) -> None:
    result = rephrase("--jsonl", stdin='{"draft": "x"}\n"ok"\n', cwd=tmp_path)
    assert result.returncode == 1
    assert "line 1: expected a JSON string" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_team_jargon_is_flagged(tmp_path: Path) -> None:
    (tmp_path / "phrasebook.toml").write_text(
        '[jargon]\n[[jargon.term]]\nterm = "flux capacitor"\nplain = "the timing part"\n'
    )
    result = rephrase(
        "--json",
        # A whole reply, not a bare "Your flux capacitor failed.", which a refit may read as cold.
        stdin="Thanks for your patience: the flux capacitor failed, and a new one is on its way.",
        cwd=tmp_path,
        BOT_CONTENT_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert "jargon" in [f["kind"] for f in findings]
    # Anything else is the tone model's low hint ("failed" may read cold), not a rule.
    assert all(f["kind"] == "jargon" or f["severity"] == "low" for f in findings)


def test_eval_reports_the_held_out_set(tmp_path: Path) -> None:
    result = rephrase("eval", "--split", "holdout", stdin="", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "| holdout split | result | goal |" in result.stdout
    assert "Traps flagged" in result.stdout
