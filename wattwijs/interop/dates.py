"""UTC datestamps as OAI-PMH writes and reads them: ``YYYY-MM-DDThh:mm:ssZ`` or ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

SECONDS_GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
DAY_GRANULARITY = "YYYY-MM-DD"

# ASCII digits only: strptime also reads other scripts' digits, which the protocol does not allow.
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SECONDS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_LAST_MOMENT = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Datestamp:
    """A parsed ``from``/``until`` value: the moment it starts, its granularity and the moment after it."""

    start: datetime
    granularity: str

    @property
    def end(self) -> datetime:
        """The first moment after the day or second the value names (``until`` includes all of it)."""
        step = timedelta(days=1) if self.granularity == DAY_GRANULARITY else timedelta(seconds=1)
        if self.start > _LAST_MOMENT - step:  # the last day or second a datetime can hold
            return _LAST_MOMENT
        return self.start + step


def format_datestamp(value: datetime) -> str:
    """An aware datetime in UTC at seconds granularity."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datestamp(value: str) -> Datestamp | None:
    """The datestamp a ``from``/``until`` argument names; None when it is not a valid one."""
    try:
        if _DAY.fullmatch(value):
            return Datestamp(datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC), DAY_GRANULARITY)
        if _SECONDS.fullmatch(value):
            return Datestamp(datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), SECONDS_GRANULARITY)
    except ValueError:  # a well-formed but impossible date, such as 2026-02-30
        return None
    return None
