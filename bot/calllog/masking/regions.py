"""Which countries' numbering plans read a phone number written without a country code.

`BOT_PHONE_REGIONS` lists them ("GB,US"). Left unset, the team's time zone suggests one: a team
on Europe/London gets GB, with US kept as well, so nothing that was masked before stops being
masked. Zones that name no country (UTC) give US alone.
"""

from __future__ import annotations

import importlib.resources
import zoneinfo
from functools import cache
from pathlib import Path

import phonenumbers

DEFAULT_REGIONS: tuple[str, ...] = ("US",)
_ALIASES = {"UK": "GB"}  # the ISO code is GB, but UK is what people type


class RegionError(ValueError):
    """A region code phonenumbers does not know; the message says what is expected."""


def parse_regions(value: str) -> tuple[str, ...]:
    """ "gb, US" -> ("GB", "US"), in the order given, without repeats."""
    regions: list[str] = []
    for part in value.replace(";", ",").split(","):
        code = part.strip().upper()
        code = _ALIASES.get(code, code)
        if not code:
            continue
        if code not in phonenumbers.SUPPORTED_REGIONS:
            raise RegionError(
                f"{code!r} is not a two-letter region code phonenumbers knows, "
                "such as GB, US, DE, FR, IN or AU"
            )
        if code not in regions:
            regions.append(code)
    if not regions:
        raise RegionError("give at least one region code, such as GB,US")
    return tuple(regions)


def regions_for_timezone(timezone: str) -> tuple[str, ...]:
    """The country of an IANA zone first, then the defaults: Europe/Paris -> ("FR", "US")."""
    country = _zone_countries().get(timezone)
    if country is None or country not in phonenumbers.SUPPORTED_REGIONS:
        return DEFAULT_REGIONS
    return tuple(dict.fromkeys((country, *DEFAULT_REGIONS)))


@cache
def _zone_countries() -> dict[str, str]:
    """Zone name -> ISO country code, from the zone.tab the time-zone database ships."""
    for text in _zone_tables():
        mapping = {}
        for line in text.splitlines():
            fields = line.split("\t")
            if len(fields) >= 3 and not line.startswith("#"):
                mapping[fields[2]] = fields[0]
        if mapping:
            return mapping
    return {}


def _zone_tables() -> list[str]:
    tables = []
    for folder in zoneinfo.TZPATH:
        path = Path(folder) / "zone.tab"
        if path.is_file():
            tables.append(path.read_text("utf-8", errors="replace"))
    try:  # the tzdata package, where the system has no zone files
        resource = importlib.resources.files("tzdata").joinpath("zoneinfo", "zone.tab")
        tables.append(resource.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, UnicodeDecodeError):
        pass
    return tables
