from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wattwijs.core.models import OrganisationKind
from wattwijs.core.tests.factories import OrganisationFactory, region
from wattwijs.practice import services_sessions
from wattwijs.practice.models import Ambition, AmbitionAction, AmbitionLevel, ProgressUpdate, Sector
from wattwijs.practice.selectors_sessions import AmbitionFilters, ambition_list, progress_percentage
from wattwijs.practice.services_sessions import AmbitionData

from .factories_sessions import AmbitionActionFactory, AmbitionFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

D = Decimal


# Progress ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "expected"),
    [
        (20, 120, 70, 50),
        (20, 120, 20, 0),
        (20, 120, 150, 100),  # past the target counts as done
        (20, 120, 10, 0),  # moving away from the target counts as no progress
        (25, 12, 18, 54),  # a target below the baseline: 7 of 13 down
        (0, 3, 1, 33),
    ],
)
def test_progress_is_the_share_of_the_way_from_baseline_to_target(baseline, target, latest, expected):
    assert progress_percentage(D(baseline), D(target), D(latest)) == expected


def test_there_is_no_progress_without_a_measurement():
    assert progress_percentage(D(0), D(10), None) is None


def test_the_overview_uses_the_latest_measurement():
    ambition = AmbitionFactory(baseline=D(0), target_value=D(200))
    ProgressUpdateFactory(ambition=ambition, measured_on=date(2026, 6, 1), value=D(150))
    ProgressUpdateFactory(ambition=ambition, measured_on=date(2026, 3, 1), value=D(20))
    [listed] = ambition_list(AmbitionFilters())
    assert (listed.latest_value, listed.latest_on, listed.progress) == (D(150), date(2026, 6, 1), 75)


def test_the_overview_page_shows_the_percentage_as_bar_and_in_the_table(client):
    ambition = AmbitionFactory(goal="Warmtepompen voor iedereen", baseline=D(20), target_value=D(120))
    ProgressUpdateFactory(ambition=ambition, value=D(70))
    content = client.get("/praktijk/agenda/").content.decode()
    assert '<progress value="50" max="100"' in content
    assert "<td>50%</td>" in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("niveau=school", {"School"}),
        ("niveau=regio", {"Regio"}),
        ("niveau=landelijk", {"Landelijk vmbo", "Landelijk mbo"}),
        ("regio=AMR24", {"Regio"}),
        ("sector=vmbo", {"Landelijk vmbo", "Regio"}),  # "beide" counts for vmbo and for mbo
        ("sector=mbo", {"School", "Regio", "Landelijk mbo"}),
        ("niveau=onzin", {"School", "Regio", "Landelijk vmbo", "Landelijk mbo"}),
    ],
)
def test_the_overview_filters(client, world, query, expected):
    AmbitionFactory(goal="School", level=AmbitionLevel.SCHOOL, school=world.roc, region=region("AMR12"))
    AmbitionFactory(goal="Regio", level=AmbitionLevel.REGION, region=region("AMR24"), sector=Sector.BOTH)
    AmbitionFactory(goal="Landelijk vmbo", level=AmbitionLevel.NATIONAL, sector=Sector.VMBO)
    AmbitionFactory(goal="Landelijk mbo", level=AmbitionLevel.NATIONAL, sector=Sector.MBO)
    goals = {a.goal for a in client.get(f"/praktijk/agenda/?{query}").context["ambitions"]}
    assert goals == expected


@pytest.mark.parametrize("count", [3, 60])
def test_the_overview_needs_at_most_ten_queries(client, world, django_assert_max_num_queries, count):
    for n in range(count):
        ambition = AmbitionFactory(level=AmbitionLevel.REGION, region=region("AMR12" if n % 2 else "AMR24"))
        ProgressUpdateFactory(ambition=ambition, measured_on=date(2026, 3, 1))
        ProgressUpdateFactory(ambition=ambition, measured_on=date(2026, 6, 1))
    client.force_login(world.alice)
    with django_assert_max_num_queries(10):
        assert client.get("/praktijk/agenda/?sector=mbo").status_code == 200


@pytest.mark.parametrize("size", [1, 25])
def test_the_ambition_page_needs_at_most_ten_queries(client, world, django_assert_max_num_queries, size):
    ambition = AmbitionFactory(owner=world.roc)
    for n in range(size):
        AmbitionActionFactory(ambition=ambition, owner=world.gemeente)
        ProgressUpdateFactory(ambition=ambition, measured_on=date(2026, 1, 1) + timedelta(days=n))
    client.force_login(world.alice)
    with django_assert_max_num_queries(10):
        assert client.get(ambition.get_absolute_url()).status_code == 200


def test_the_ambition_page_shows_actions_and_history(client, world):
    ambition = AmbitionFactory(owner=world.roc)
    AmbitionActionFactory(ambition=ambition, owner=world.gemeente, description="Praktijklokaal inrichten")
    ProgressUpdateFactory(ambition=ambition, measured_on=date(2026, 3, 1), value=D(12), note="Eerste meting")
    content = client.get(ambition.get_absolute_url()).content.decode()
    assert "Praktijklokaal inrichten" in content
    assert "Gemeente Test" in content
    assert "Eerste meting" in content


# Services ----------------------------------------------------------------------------------------


def _ambition_data(world, **changes):
    values = {
        "level": AmbitionLevel.SCHOOL,
        "school": world.roc,
        "region": region("AMR12"),
        "sector": Sector.MBO,
        "goal": "Elke student leert een warmtepomp plaatsen",
        "indicator": "Studenten met keuzedeel",
        "baseline": D(20),
        "target_value": D(120),
        "deadline": date(2028, 1, 1),
        "owner": world.roc,
    }
    values.update(changes)
    return AmbitionData(**values)


def test_a_coordinator_adds_a_school_ambition(world):
    ambition = services_sessions.ambition_create(actor=world.alice, data=_ambition_data(world))
    assert (ambition.school, ambition.owner) == (world.roc, world.roc)


def test_a_school_ambition_without_a_school_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services_sessions.ambition_create(actor=world.alice, data=_ambition_data(world, school=None))
    assert "school" in error.value.message_dict
    assert not Ambition.objects.exists()


def test_a_school_ambition_without_a_region_takes_the_schools_region(world):
    ambition = services_sessions.ambition_create(actor=world.alice, data=_ambition_data(world, region=None))
    assert ambition.region == world.roc.region


def test_a_target_equal_to_the_baseline_is_refused(world):
    with pytest.raises(ValidationError):
        services_sessions.ambition_create(actor=world.alice, data=_ambition_data(world, target_value=D(20)))


def test_a_national_ambition_keeps_no_school_or_region(world):
    ambition = services_sessions.ambition_create(
        actor=world.admin, data=_ambition_data(world, level=AmbitionLevel.NATIONAL)
    )
    assert (ambition.school, ambition.region) == (None, None)


def test_a_coordinator_may_not_add_a_national_ambition(world):
    with pytest.raises(ValidationError) as error:
        services_sessions.ambition_create(actor=world.alice, data=_ambition_data(world, level=AmbitionLevel.NATIONAL))
    assert "Alleen platformbeheerders" in str(error.value.message_dict["level"])
    assert not Ambition.objects.exists()


def test_an_ambition_for_another_school_is_refused(world):
    other_school = OrganisationFactory(kind=OrganisationKind.SCHOOL, region=region("AMR12"))
    with pytest.raises(ValidationError) as error:
        services_sessions.ambition_create(actor=world.alice, data=_ambition_data(world, school=other_school))
    assert "school" in error.value.message_dict
    assert not Ambition.objects.exists()


def test_an_ambition_for_a_region_without_the_actors_organisations_is_refused(world):
    data = _ambition_data(world, level=AmbitionLevel.REGION, school=None, region=region("AMR24"))
    with pytest.raises(ValidationError) as error:
        services_sessions.ambition_create(actor=world.alice, data=data)
    assert "regio" in str(error.value.message_dict["region"])
    assert not Ambition.objects.exists()


def test_an_ambition_cannot_be_moved_to_another_region(world):
    ambition = services_sessions.ambition_create(
        actor=world.alice, data=_ambition_data(world, level=AmbitionLevel.REGION, school=None)
    )
    data = _ambition_data(world, level=AmbitionLevel.REGION, school=None, region=region("AMR24"), goal="Verplaatst")
    with pytest.raises(ValidationError):
        services_sessions.ambition_update(actor=world.alice, ambition=ambition, data=data)
    ambition.refresh_from_db()
    assert (ambition.region, ambition.goal) == (region("AMR12"), "Elke student leert een warmtepomp plaatsen")


def test_a_coordinator_adds_an_ambition_for_their_own_region(world):
    data = _ambition_data(world, level=AmbitionLevel.REGION, school=None)
    assert services_sessions.ambition_create(actor=world.alice, data=data).region == region("AMR12")


def _made_days_ago(ambition, days):
    made = timezone.localdate() - timedelta(days=days)
    ambition.created_at = datetime(made.year, made.month, made.day, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
    ambition.save(update_fields=["created_at"])
    return ambition


def test_the_owner_records_progress(world):
    ambition = _made_days_ago(AmbitionFactory(owner=world.roc), 30)
    services_sessions.progress_update_add(
        actor=world.alice, ambition=ambition, measured_on=timezone.localdate(), value=D(40)
    )
    assert list(ambition.progress_updates.values_list("value", flat=True)) == [D(40)]


def test_progress_in_the_future_is_refused(world):
    ambition = _made_days_ago(AmbitionFactory(owner=world.roc), 30)
    with pytest.raises(ValidationError) as error:
        services_sessions.progress_update_add(
            actor=world.alice, ambition=ambition, measured_on=timezone.localdate() + timedelta(days=1), value=D(40)
        )
    assert "toekomst" in str(error.value.message_dict["measured_on"])
    assert not ProgressUpdate.objects.exists()


def test_progress_before_the_ambition_was_made_is_refused(world):
    ambition = _made_days_ago(AmbitionFactory(owner=world.roc), 30)
    with pytest.raises(ValidationError):
        services_sessions.progress_update_add(
            actor=world.alice,
            ambition=ambition,
            measured_on=timezone.localdate() - timedelta(days=31),
            value=D(40),
        )
    assert not ProgressUpdate.objects.exists()


def test_another_organisation_may_not_record_progress(world):
    ambition = AmbitionFactory(owner=world.roc)
    with pytest.raises(PermissionDenied):
        services_sessions.progress_update_add(
            actor=world.charlie, ambition=ambition, measured_on=timezone.localdate(), value=D(1)
        )


# Pages and permissions ---------------------------------------------------------------------------


def test_a_coordinator_adds_an_ambition_through_the_form(client, world):
    client.force_login(world.alice)
    response = client.post(
        "/praktijk/agenda/nieuw/",
        {
            "goal": "Meer zij-instromers",
            "owner": world.roc.pk,
            "level": "regio",
            "region": "AMR12",
            "sector": "mbo",
            "indicator": "Geplaatst",
            "baseline": "10",
            "target_value": "60",
            "deadline": "2028-01-01",
        },
    )
    ambition = Ambition.objects.get()
    assert response.status_code == 302
    assert ambition.region == region("AMR12")


def test_editing_another_organisations_ambition_is_forbidden_and_saves_nothing(client, world):
    ambition = AmbitionFactory(owner=world.roc, goal="Origineel")
    client.force_login(world.charlie)
    response = client.post(
        f"{ambition.get_absolute_url()}bewerken/",
        {"goal": "Gekaapt", "owner": world.gemeente.pk, "level": "landelijk", "sector": "mbo", "indicator": "x"},
    )
    assert response.status_code == 403
    ambition.refresh_from_db()
    assert ambition.goal == "Origineel"


def test_adding_an_action_to_another_organisations_ambition_is_forbidden(client, world):
    ambition = AmbitionFactory(owner=world.roc)
    client.force_login(world.charlie)
    response = client.post(
        f"{ambition.get_absolute_url()}acties/",
        {"action-description": "Iets", "action-owner": world.gemeente.pk, "action-status": "gepland"},
    )
    assert response.status_code == 403
    assert not AmbitionAction.objects.exists()


def test_recording_progress_for_another_organisations_ambition_is_forbidden(client, world):
    ambition = AmbitionFactory(owner=world.roc)
    client.force_login(world.charlie)
    response = client.post(
        f"{ambition.get_absolute_url()}voortgang/",
        {"progress-measured_on": timezone.localdate().isoformat(), "progress-value": "5"},
    )
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_the_owner_adds_an_action_on_the_ambition_page(client, world):
    ambition = AmbitionFactory(owner=world.roc)
    client.force_login(world.alice)
    response = client.post(
        f"{ambition.get_absolute_url()}acties/",
        {"action-description": "Lokaal inrichten", "action-owner": world.gemeente.pk, "action-status": "lopend"},
    )
    assert response.status_code == 302
    assert AmbitionAction.objects.get().owner == world.gemeente


def test_future_progress_on_the_page_is_refused_with_a_dutch_message(client, world):
    ambition = AmbitionFactory(owner=world.roc)
    client.force_login(world.alice)
    response = client.post(
        f"{ambition.get_absolute_url()}voortgang/",
        {"progress-measured_on": (timezone.localdate() + timedelta(days=3)).isoformat(), "progress-value": "5"},
    )
    assert response.status_code == 400
    assert "De datum ligt in de toekomst" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_visitors_see_no_forms_on_the_ambition_page(client):
    ambition = AmbitionFactory()
    assert "voortgang/" not in client.get(ambition.get_absolute_url()).content.decode()
