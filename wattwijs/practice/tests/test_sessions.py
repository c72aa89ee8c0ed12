from datetime import date, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wattwijs.core.models import AuditEntry
from wattwijs.practice import services_sessions
from wattwijs.practice.models import SessionAction, SessionStatus, ThemeSession
from wattwijs.practice.selectors_sessions import Quarter, sessions_in_quarter
from wattwijs.practice.services_sessions import SessionActionData, SessionData

from .factories import PracticeFactory, SuccessFactorFactory
from .factories_sessions import SessionActionFactory, ThemeSessionFactory

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localdate()


def _data(world, **changes):
    values = {
        "theme": "Nazorg na plaatsing",
        "date": _today() + timedelta(days=30),
        "start_time": time(13, 30),
        "end_time": time(16, 0),
        "organiser": world.roc,
        "agenda": "<p>Welkom</p><script>alert(1)</script>",
    }
    values.update(changes)
    return SessionData(**values)


# Quarters ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-4", (2026, 4)), ("2027-1", (2027, 1)), ("2026-5", (2025, 2)), ("kwartaal", (2025, 2)), ("", (2025, 2))],
)
def test_a_quarter_is_read_from_the_query_string_or_falls_back_to_today(text, expected):
    quarter = Quarter.parse(text, default=date(2025, 5, 20))
    assert (quarter.year, quarter.number) == expected


def test_the_quarter_before_the_first_is_the_last_of_the_year_before():
    assert Quarter(2026, 1).previous == Quarter(2025, 4)
    assert Quarter(2026, 4).next == Quarter(2027, 1)


def test_a_quarter_holds_only_its_own_sessions_grouped_by_month():
    ThemeSessionFactory(theme="Eind september", date=date(2026, 9, 30))
    ThemeSessionFactory(theme="Begin oktober", date=date(2026, 10, 1))
    ThemeSessionFactory(theme="December", date=date(2026, 12, 31))
    ThemeSessionFactory(theme="Volgend jaar", date=date(2027, 1, 1))
    groups = sessions_in_quarter(Quarter(2026, 4))
    assert [g.month for g in groups] == [date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)]
    assert [[s.theme for s in g.sessions] for g in groups] == [["Begin oktober"], [], ["December"]]


# The calendar page -------------------------------------------------------------------------------


def test_the_calendar_shows_the_chosen_quarter_with_links_to_the_quarters_around_it(client):
    ThemeSessionFactory(theme="Warmtenetten in Groningen", date=date(2026, 11, 12))
    content = client.get("/praktijk/themasessies/?kwartaal=2026-4").content.decode()
    assert "Warmtenetten in Groningen" in content
    assert "?kwartaal=2026-3" in content
    assert "?kwartaal=2027-1" in content
    assert "/praktijk/themasessies.ics" in content


def test_the_calendar_says_when_a_month_has_no_sessions(client):
    content = client.get("/praktijk/themasessies/?kwartaal=2030-1").content.decode()
    assert content.count("Geen themasessies in deze maand.") == 3


@pytest.mark.parametrize("count", [3, 60])
def test_the_calendar_needs_at_most_ten_queries(client, world, django_assert_max_num_queries, count):
    for n in range(count):
        ThemeSessionFactory(date=date(2026, 10, 1) + timedelta(days=n % 90), organiser=world.roc)
    client.force_login(world.alice)
    with django_assert_max_num_queries(10):
        assert client.get("/praktijk/themasessies/?kwartaal=2026-4").status_code == 200


@pytest.mark.parametrize("size", [1, 15])
def test_the_session_page_needs_at_most_ten_queries(client, world, django_assert_max_num_queries, size):
    session = ThemeSessionFactory(organiser=world.roc)
    session.practices.set([PracticeFactory() for _ in range(size)])
    session.success_factors.set([SuccessFactorFactory() for _ in range(size)])
    session.participants.set([world.gemeente])
    for _ in range(size):
        SessionActionFactory(session=session, owner=world.gemeente)
    client.force_login(world.alice)
    with django_assert_max_num_queries(10):
        assert client.get(session.get_absolute_url()).status_code == 200


def test_the_session_page_shows_agenda_discussed_items_outcomes_and_actions(client, world):
    practice = PracticeFactory(title="Renoveren in Overvecht")
    factor = SuccessFactorFactory(name="Werven in de wijk", code="werven-in-de-wijk")
    session = ThemeSessionFactory(
        agenda="<ol><li>Welkom</li></ol>", outcomes="<p>Twee regio's nemen de aanpak over.</p>", date=date(2026, 1, 8)
    )
    session.practices.set([practice])
    session.success_factors.set([factor])
    SessionActionFactory(session=session, owner=world.gemeente, description="Werkbezoek plannen")
    content = client.get(session.get_absolute_url()).content.decode()
    assert f'href="{practice.get_absolute_url()}"' in content
    assert 'href="/praktijk/toolkit/#werven-in-de-wijk"' in content
    assert "nemen de aanpak over" in content
    assert "Werkbezoek plannen" in content
    assert "Gemeente Test" in content


# Services ----------------------------------------------------------------------------------------


def test_a_coordinator_plans_a_session_with_sanitised_agenda(world):
    session = services_sessions.session_create(actor=world.alice, data=_data(world))
    assert session.status == SessionStatus.PLANNED
    assert "<script>" not in session.agenda
    assert "<p>Welkom</p>" in session.agenda
    assert AuditEntry.objects.filter(action="practice.session_create").exists()


def test_a_past_session_marked_as_planned_is_refused_and_nothing_is_saved(world):
    with pytest.raises(ValidationError) as error:
        services_sessions.session_create(actor=world.alice, data=_data(world, date=_today() - timedelta(days=1)))
    assert "in het verleden" in str(error.value.message_dict["status"])
    assert not ThemeSession.objects.exists()


def test_an_existing_session_in_the_past_cannot_be_set_back_to_planned(world):
    session = ThemeSessionFactory(organiser=world.roc, date=_today() - timedelta(days=7), status=SessionStatus.HELD)
    with pytest.raises(ValidationError):
        services_sessions.session_update(
            actor=world.alice,
            session=session,
            data=_data(world, date=session.date, status=SessionStatus.PLANNED, theme="Gewijzigd"),
        )
    session.refresh_from_db()
    assert (session.status, session.theme) == (SessionStatus.HELD, session.theme)
    assert session.theme != "Gewijzigd"


def test_a_past_session_may_be_recorded_as_held_with_actions(world):
    data = _data(
        world,
        date=_today() - timedelta(days=3),
        status=SessionStatus.HELD,
        outcomes="<p>Afspraken gemaakt.</p>",
        actions=[SessionActionData(description="Werkbezoek", owner=world.gemeente)],
    )
    session = services_sessions.session_create(actor=world.alice, data=data)
    assert [a.owner for a in session.actions.all()] == [world.gemeente]


def test_a_future_session_cannot_have_been_held(world):
    with pytest.raises(ValidationError):
        services_sessions.session_create(actor=world.alice, data=_data(world, status=SessionStatus.HELD))


def test_a_session_that_ends_before_it_starts_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services_sessions.session_create(actor=world.alice, data=_data(world, end_time=time(12, 0)))
    assert "end_time" in error.value.message_dict


def test_another_organisation_may_not_update_a_session(world):
    session = ThemeSessionFactory(organiser=world.roc)
    with pytest.raises(PermissionDenied):
        services_sessions.session_update(actor=world.charlie, session=session, data=_data(world))


def test_a_coordinator_may_not_organise_in_another_organisations_name(world):
    with pytest.raises(ValidationError) as error:
        services_sessions.session_create(actor=world.alice, data=_data(world, organiser=world.gemeente))
    assert "organiser" in error.value.message_dict
    assert not ThemeSession.objects.exists()


# Forms and permissions ---------------------------------------------------------------------------


def _form(world, **changes):
    values = {
        "theme": "Nazorg na plaatsing",
        "organiser": world.roc.pk,
        "date": (_today() + timedelta(days=30)).isoformat(),
        "start_time": "13:30",
        "end_time": "16:00",
        "status": "gepland",
        "action_1_description": "Werkbezoek plannen",
        "action_1_owner": world.gemeente.pk,
        "action_1_status": "gepland",
    }
    values.update(changes)
    return values


def test_a_coordinator_plans_a_session_through_the_form(client, world):
    client.force_login(world.alice)
    response = client.post("/praktijk/themasessies/nieuw/", _form(world))
    session = ThemeSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == session.get_absolute_url()
    assert SessionAction.objects.filter(session=session, owner=world.gemeente).exists()


def test_the_form_refuses_a_past_planned_session_with_a_dutch_message(client, world):
    client.force_login(world.alice)
    response = client.post(
        "/praktijk/themasessies/nieuw/", _form(world, date=(_today() - timedelta(days=10)).isoformat())
    )
    assert response.status_code == 400
    assert "kan daarom niet gepland zijn" in response.content.decode()
    assert not ThemeSession.objects.exists()


def test_editing_another_organisations_session_is_forbidden_and_saves_nothing(client, world):
    session = ThemeSessionFactory(organiser=world.roc, theme="Origineel")
    client.force_login(world.charlie)
    response = client.post(f"{session.get_absolute_url()}bewerken/", _form(world, organiser=world.gemeente.pk))
    assert response.status_code == 403
    session.refresh_from_db()
    assert session.theme == "Origineel"


def test_a_coach_may_not_plan_a_session(client, world):
    client.force_login(world.bob)
    assert client.get("/praktijk/themasessies/nieuw/").status_code == 403


def test_the_organiser_sees_an_edit_link_and_others_do_not(client, world):
    session = ThemeSessionFactory(organiser=world.roc)
    client.force_login(world.alice)
    assert f"{session.get_absolute_url()}bewerken/" in client.get(session.get_absolute_url()).content.decode()
    client.force_login(world.charlie)
    assert f"{session.get_absolute_url()}bewerken/" not in client.get(session.get_absolute_url()).content.decode()


# Home page ---------------------------------------------------------------------------------------


def test_the_home_page_shows_the_next_planned_session(client):
    ThemeSessionFactory(theme="Al geweest", date=_today() - timedelta(days=5), status=SessionStatus.HELD)
    ThemeSessionFactory(theme="Afgelast", date=_today() + timedelta(days=2), status=SessionStatus.CANCELLED)
    ThemeSessionFactory(theme="Later", date=_today() + timedelta(days=40))
    ThemeSessionFactory(theme="Eerstvolgende", date=_today() + timedelta(days=10))
    content = client.get("/").content.decode()
    assert "Eerstvolgende" in content
    assert "Later" not in content
    assert "Afgelast" not in content


def test_the_home_page_has_no_session_block_without_planned_sessions(client):
    assert "Volgende themasessie" not in client.get("/").content.decode()


def test_a_session_page_does_not_name_a_practice_that_went_back_to_draft(client):
    from wattwijs.practice.models import PublicationStatus

    session = ThemeSessionFactory()
    session.practices.set([PracticeFactory(title="Teruggezet naar concept", status=PublicationStatus.DRAFT)])
    assert "Teruggezet naar concept" not in client.get(session.get_absolute_url()).content.decode()


def test_editing_a_session_with_six_actions_keeps_all_six(client, world):
    session = ThemeSessionFactory(organiser=world.roc)
    for n in range(6):
        SessionActionFactory(session=session, owner=world.gemeente, description=f"Actie {n + 1}", position=n)
    client.force_login(world.alice)
    content = client.get(f"{session.get_absolute_url()}bewerken/").content.decode()
    assert 'name="action_rows" value="8"' in content
    assert 'value="Actie 6"' in content
    actions = {}
    for n in range(1, 7):
        actions[f"action_{n}_description"] = f"Actie {n}"
        actions[f"action_{n}_owner"] = world.gemeente.pk
        actions[f"action_{n}_status"] = "gepland"
    response = client.post(f"{session.get_absolute_url()}bewerken/", _form(world, action_rows="8", **actions))
    assert response.status_code == 302
    assert list(session.actions.order_by("position").values_list("description", flat=True)) == [
        f"Actie {n}" for n in range(1, 7)
    ]
