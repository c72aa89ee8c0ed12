from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from wattwijs.practice.models import SessionStatus

from .factories_sessions import ThemeSessionFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _feed(client):
    response = client.get("/praktijk/themasessies.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _events(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_has_one_event_per_session(client):
    ThemeSessionFactory(theme="Nazorg", date=timezone.localdate() + timedelta(days=10))
    ThemeSessionFactory(theme="Matching", date=timezone.localdate() + timedelta(days=40))
    assert set(_events(_feed(client))) == {"Nazorg", "Matching"}


def test_an_event_starts_and_ends_in_amsterdam_time(client):
    day = date(timezone.localdate().year + 1, 7, 2)  # summer time: UTC+2
    ThemeSessionFactory(theme="Zomer", date=day, start_time=time(13, 30), end_time=time(16, 0))
    event = _events(_feed(client))["Zomer"]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime(day.year, 7, 2, 13, 30, tzinfo=AMSTERDAM)
    assert start.utcoffset() == timedelta(hours=2)
    assert end == datetime(day.year, 7, 2, 16, 0, tzinfo=AMSTERDAM)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"


def test_the_feed_describes_its_timezone(client):
    ThemeSessionFactory(date=timezone.localdate() + timedelta(days=10))
    assert [str(tz["TZID"]) for tz in _feed(client).walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_an_event_has_a_stable_uid_a_timestamp_a_link_and_a_plain_description(client):
    session = ThemeSessionFactory(
        theme="Werven",
        date=timezone.localdate() + timedelta(days=10),
        agenda="<ol><li>Welkom &amp; kennismaking</li></ol>",
    )
    event = _events(_feed(client))["Werven"]
    assert str(event["UID"]) == f"themasessie-{session.pk}@testserver"
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert str(event["URL"]) == f"http://testserver{session.get_absolute_url()}"
    description = str(event["DESCRIPTION"])
    assert "Welkom & kennismaking" in description
    assert "<" not in description


def test_a_cancelled_session_is_in_the_feed_as_cancelled(client):
    ThemeSessionFactory(theme="Afgelast", date=timezone.localdate() + timedelta(days=10), status="geannuleerd")
    ThemeSessionFactory(theme="Gaat door", date=timezone.localdate() + timedelta(days=20))
    events = _events(_feed(client))
    assert str(events["Afgelast"]["STATUS"]) == "CANCELLED"
    assert str(events["Gaat door"]["STATUS"]) == "CONFIRMED"


def test_sessions_older_than_a_year_are_left_out(client):
    ThemeSessionFactory(
        theme="Lang geleden", date=timezone.localdate() - timedelta(days=400), status=SessionStatus.HELD
    )
    assert "Lang geleden" not in _events(_feed(client))


@pytest.mark.parametrize("count", [2, 50])
def test_the_feed_needs_at_most_ten_queries(client, django_assert_max_num_queries, count):
    for n in range(count):
        ThemeSessionFactory(date=timezone.localdate() + timedelta(days=n))
    with django_assert_max_num_queries(10):
        _feed(client)
