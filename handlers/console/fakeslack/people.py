"""The people of the fake workspace, as Slack's users.info and users.list describe them.

The console and the tests use these IDs; a test can add or change people in `FakeSlack.users`.
An ID nobody added is answered as Slack would: `user_not_found`.
"""

from __future__ import annotations

from typing import Any

# (id, handle, real name, display name, Slack's tz (an IANA name) and tz_label)
_ROSTER: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("U0AGENT01", "ana", "Ana Lima", "Ana", "America/Chicago", "Central Standard Time"),
    ("U0AGENT02", "bob", "Bob Okafor", "", "America/Chicago", "Central Standard Time"),
    ("U0AGENT03", "chen", "Chen Wei", "Chen W.", "Europe/London", "Greenwich Mean Time"),
    ("U0AGENT04", "dara", "Dara Byrne", "dara", "Europe/Dublin", "Greenwich Mean Time"),
    ("U0AGENT05", "esi", "Esi Mensah", "Esi", "Africa/Accra", "Greenwich Mean Time"),
    ("U0MANAGER1", "morgan", "Morgan Hale", "Morgan (lead)", "America/Chicago",
     "Central Standard Time"),
    ("U0GROUPMG1", "sam", "Sam Ortiz", "Sam", "America/New_York", "Eastern Standard Time"),
)  # fmt: skip


def slack_user(
    user_id: str, handle: str, real_name: str, display_name: str, tz: str, tz_label: str
) -> dict[str, Any]:
    """A user object in the shape users.info returns (the fields the bot reads, and a few more)."""
    return {
        "id": user_id,
        "team_id": "T0COACH",
        "name": handle,
        "deleted": False,
        "real_name": real_name,
        "tz": tz,
        "tz_label": tz_label,
        "is_bot": False,
        "profile": {
            "real_name": real_name,
            "display_name": display_name,
            "real_name_normalized": real_name,
            "display_name_normalized": display_name,
        },
    }


def default_users() -> dict[str, dict[str, Any]]:
    return {row[0]: slack_user(*row) for row in _ROSTER}
