"""The themasessies as an iCalendar (RFC 5545) feed, built with the icalendar library."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.html import strip_tags
from icalendar import Calendar, Event

from wattwijs.practice.models import SessionStatus, ThemeSession

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _plain(rich: str) -> str:
    """Sanitised rich text as plain text: tags dropped, entities decoded, blank lines kept between blocks."""
    text = rich.replace("</p>", "</p>\n\n").replace("<br>", "\n").replace("</li>", "</li>\n")
    return html.unescape(strip_tags(text)).strip()


def session_calendar(
    sessions: Iterable[ThemeSession], *, host: str, absolute_url: Callable[[str], str], name: str
) -> bytes:
    """An iCalendar document with one VEVENT per session; cancelled sessions keep their event as CANCELLED."""
    calendar = Calendar()
    calendar.add("prodid", "-//WattWijs//Themasessies//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    for session in sessions:
        event = Event()
        event.add("uid", f"themasessie-{session.pk}@{host}")
        event.add("dtstamp", session.updated_at)
        event.add("dtstart", datetime.combine(session.date, session.start_time, tzinfo=AMSTERDAM))
        event.add("dtend", datetime.combine(session.date, session.end_time, tzinfo=AMSTERDAM))
        event.add("summary", session.theme)
        description = "\n\n".join(part for part in (session.organiser.name, _plain(session.agenda)) if part)
        event.add("description", description)
        if session.location:
            event.add("location", session.location)
        event.add("url", absolute_url(session.get_absolute_url()))
        event.add("status", "CANCELLED" if session.status == SessionStatus.CANCELLED else "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    document: bytes = calendar.to_ical()
    return document
