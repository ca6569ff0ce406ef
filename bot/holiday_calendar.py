"""Public holidays by calendar name (`GB`, `US-CA`, `DE-BY`): a country code with an optional
region, looked up in the `holidays` library, which keeps the rules of 150+ countries and their
regions up to date (moving feasts, substitute days) better than any list we could write."""

from __future__ import annotations

from datetime import date
from functools import cache

import holidays


class UnknownCalendar(ValueError):
    """The name is not a country (or region) the library knows; the message says which part."""


def check_calendar(name: str) -> str:
    """The canonical name (`us-ca` → `US-CA`), or UnknownCalendar saying what was wrong."""
    country, _, region = name.upper().partition("-")
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise UnknownCalendar(
            f"`{name}` is not a country code I know: use two letters such as GB, US, DE or FR"
        )
    regions = supported[country]
    if region and region not in regions:
        shown = ", ".join(f"{country}-{one}" for one in regions[:8])
        more = " …" if len(regions) > 8 else ""
        raise UnknownCalendar(
            f"`{name}`: {country} has no region {region}"
            + (f". Its regions: {shown}{more}" if regions else ", and no regions at all")
        )
    return f"{country}-{region}" if region else country


@cache
def _year(name: str, year: int) -> dict[date, str]:
    country, _, region = name.partition("-")
    found = holidays.country_holidays(country, subdiv=region or None, years=year)
    return dict(found.items())


def holiday_name(calendar: str | None, day: date) -> str | None:
    """The public holiday on `day` in `calendar`, or None (also when no calendar is set)."""
    if calendar is None:
        return None
    return _year(calendar, day.year).get(day)
