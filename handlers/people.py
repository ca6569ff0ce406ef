"""Fetching people from Slack for the user directory (bot/people.py): names and time zones.

Slack has no bulk form of users.info, so a few users are asked for one by one, and many at
once are read from users.list, a page of 200 at a time, stopping as soon as all are found.
users.info allows over 100 calls a minute, users.list about 20 pages; a 429 is waited out
by the client's retry handler (Retry-After), and a lookup that still fails leaves the
directory's cache as it was, so names fall back to IDs rather than the answer failing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.people import PeopleLookup, Person
from bot.schedule_text import Zone, zone_named
from bot.services import Services

log = logging.getLogger(__name__)

# From this many users on, one users.list page answers more of them than users.info would.
LIST_FROM = 8
PAGE_SIZE = 200
MAX_PAGES = 50  # 10,000 users; a bigger workspace falls back to IDs for the rest
_UNKNOWN = ("user_not_found", "users_not_found")


def person_from(user: Mapping[str, Any]) -> Person | None:
    """A Person from Slack's user object, or None without an ID."""
    user_id = str(user.get("id") or "")
    if not user_id:
        return None
    profile = user.get("profile") or {}
    name = (
        str(profile.get("display_name") or "").strip()
        or str(user.get("real_name") or profile.get("real_name") or "").strip()
        or str(user.get("name") or "").strip()
        or user_id
    )
    return Person(user_id, name, _zone(user.get("tz")), user.get("tz_label") or None)


def _zone(value: object) -> Zone | None:
    """Slack's `tz`, or None when it is missing or a zone this machine's tz database lacks."""
    if not isinstance(value, str) or not value:
        return None
    return zone_named(value)


def slack_people(client: WebClient) -> PeopleLookup:
    def lookup(ids: list[str]) -> Mapping[str, Person] | None:
        try:
            if len(ids) >= LIST_FROM:
                return _from_list(client, set(ids))
            return _one_by_one(client, ids)
        except SlackApiError as error:
            log.warning("Cannot read Slack users: %s", error.response.get("error"))
        except OSError as error:  # the connection, after the client's own retries
            log.warning("Cannot reach Slack to read users: %s", type(error).__name__)
        return None

    return lookup


def _one_by_one(client: WebClient, ids: list[str]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for user_id in ids:
        try:
            answer = client.users_info(user=user_id)
        except SlackApiError as error:
            if error.response.get("error") in _UNKNOWN:
                continue  # a deleted user or a mistyped ID: shown as the ID
            raise
        person = person_from(answer.get("user") or {})
        if person is not None:
            found[person.id] = person
    return found


def _from_list(client: WebClient, wanted: set[str]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    cursor: str | None = None
    for _page in range(MAX_PAGES):
        answer = client.users_list(limit=PAGE_SIZE, cursor=cursor)
        for user in answer.get("members") or []:
            person = person_from(user)
            if person is not None and person.id in wanted:
                found[person.id] = person
        cursor = (answer.get("response_metadata") or {}).get("next_cursor") or None
        if cursor is None or len(found) == len(wanted):
            break
    return found


def register(app: App, services: Services) -> None:
    services.people.use_lookup(slack_people(app.client))
