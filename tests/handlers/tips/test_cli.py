from __future__ import annotations

from pathlib import Path

from bot.tips.rotation import Rotation, channel_deck
from handlers.console.fakeslack.server import FakeSlack
from tests.process import run_bot


def test_post_tip_posts_the_channels_next_tip_now(tmp_path: Path, fake_slack: FakeSlack) -> None:
    env = {"SLACK_BOT_TOKEN": "xoxb-cron", "BOT_DB_PATH": str(tmp_path / "db.json")}
    titles = []
    for _ in range(2):
        result = run_bot(
            "post-tip", "--channel", "C0CRON", "--api-url", fake_slack.api_url, cwd=tmp_path, **env
        )
        assert result.returncode == 0, result.stderr
        assert "to C0CRON" in result.stdout
    for post in fake_slack.calls_to("chat.postMessage"):
        assert post.args["channel"] == "C0CRON" and post.token == "xoxb-cron"
        titles.append(post.args["blocks"][0]["text"]["text"])
    assert len(set(titles)) == 2  # the rotation moved on


def test_post_tip_explains_what_is_missing(tmp_path: Path, fake_slack: FakeSlack) -> None:
    db = {"BOT_DB_PATH": str(tmp_path / "db.json")}
    no_token = run_bot("post-tip", "--channel", "C0CRON", cwd=tmp_path, **db)
    assert no_token.returncode == 1 and "needs SLACK_BOT_TOKEN" in no_token.stderr
    token = {**db, "SLACK_BOT_TOKEN": "xoxb-cron"}
    bad = run_bot("post-tip", "--channel", "#general", cwd=tmp_path, **token)
    assert bad.returncode == 1 and "channel ID such as C0123ABCD" in bad.stderr
    fake_slack.fail_next("chat.postMessage", "not_in_channel")
    out = run_bot(
        "post-tip", "--channel", "C0CRON", "--api-url", fake_slack.api_url, cwd=tmp_path, **token
    )
    assert out.returncode == 1 and "/invite @Service Coach" in out.stderr


def test_post_tip_uses_the_configured_postgresql_database(
    tmp_path: Path, fake_slack: FakeSlack, postgres_database: str
) -> None:
    from bot.store.postgres import PgStore

    db_file = tmp_path / "db.json"
    env = {
        "SLACK_BOT_TOKEN": "xoxb-cron",
        "BOT_DB_PATH": str(db_file),
        "BOT_DATABASE_URL": postgres_database,
    }
    result = run_bot(
        "post-tip", "--channel", "C0CRON", "--api-url", fake_slack.api_url, cwd=tmp_path, **env
    )
    assert result.returncode == 0, result.stderr
    assert not db_file.exists()  # the shared database, not a private file, keeps the rotation
    store = PgStore(postgres_database)
    try:
        assert len(Rotation(store).state(channel_deck("C0CRON")).shown) == 1
    finally:
        store.close()
