"""Training companies and chain coordinators add and change learning places (leerbanen)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from wattwijs.core.models import AuditEntry, Theme
from wattwijs.framework.models import FrameworkVersion, WorkProcess
from wattwijs.framework.selectors import alignments_of
from wattwijs.framework.tests.factories import UnitFactory, VersionFactory, qualification_with_work_processes
from wattwijs.pathways import permissions, services
from wattwijs.pathways.models import LearningPlace
from wattwijs.pathways.tests.factories import CandidateFactory, LearningPlaceFactory, PlacementFactory

pytestmark = pytest.mark.django_db

NEW_URL = reverse("pathways:learning_place_create")


def edit_url(place):
    return reverse("pathways:learning_place_edit", args=[place.pk])


@pytest.fixture
def framework():
    version = VersionFactory(status=FrameworkVersion.Status.ADOPTED)
    qualification = qualification_with_work_processes(version)
    work_processes = list(WorkProcess.objects.filter(core_task__qualification=qualification).order_by("code"))
    return {"version": version, "work_processes": work_processes, "unit": UnitFactory(version=version)}


def place_post(pw, **changes):
    data = {
        "chain": pw.chain.pk,
        "organisation": pw.company.pk,
        "title": "Leerling-monteur zonnepanelen",
        "theme": "",
        "capacity": "3",
        "level": "2",
        "hours_per_week": "32",
        "start_date": "2027-02-01",
        "driving_licence_required": "on",
    }
    return {**data, **changes}


def fill_place(place, count):
    for _ in range(count):
        PlacementFactory(candidate=CandidateFactory(chain=place.chain), learning_place=place)


# Permissions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("mo", True),  # mentor at a partner that takes on placement
        ("carla", True),  # coordinator of the chain
        ("admin", True),
        ("max", False),  # mentor at a company that is no partner of any chain
        ("bob", False),  # coach at a school partner
        ("uwe", False),  # viewer at UWV
        ("charlie", False),
    ],
)
def test_it_lets_only_placement_partners_and_coordinators_offer_places(pw, user, expected):
    assert permissions.can_offer_places(getattr(pw, user)) is expected


def test_an_admin_of_a_partner_without_placement_cannot_offer_places(pw):
    assert permissions.can_offer_places(pw.world.alice) is False


@pytest.mark.parametrize(
    ("user", "expected"),
    [("mo", True), ("carla", True), ("admin", True), ("max", False), ("dave", False), ("uwe", False)],
)
def test_it_lets_only_the_own_company_and_the_chain_coordinator_manage_a_place(pw, user, expected):
    assert permissions.can_manage_place(getattr(pw, user), pw.place) is expected


def test_the_pages_ask_anonymous_visitors_to_log_in(client, pw):
    assert client.get(NEW_URL).status_code == 302
    assert client.get(edit_url(pw.place)).status_code == 302


@pytest.mark.parametrize("user", ["uwe", "bob", "max"])
def test_the_new_place_page_is_forbidden_without_a_place_role(client, pw, user):
    client.force_login(getattr(pw, user))
    assert client.get(NEW_URL).status_code == 403


@pytest.mark.parametrize("user", ["max", "dave", "uwe"])
def test_the_edit_page_is_forbidden_for_other_organisations_and_chains(client, pw, user):
    client.force_login(getattr(pw, user))
    assert client.post(edit_url(pw.place), place_post(pw, capacity="5")).status_code == 403
    pw.place.refresh_from_db()
    assert pw.place.capacity == 1


def test_the_list_and_detail_link_to_the_forms_only_for_who_may_use_them(client, pw):
    other = LearningPlaceFactory(chain=pw.other_chain)
    client.force_login(pw.mo)
    body = client.get(reverse("pathways:learning_place_list")).content.decode()
    assert NEW_URL in body and edit_url(pw.place) in body and edit_url(other) not in body
    assert edit_url(pw.place) in client.get(pw.place.get_absolute_url()).content.decode()
    client.force_login(pw.uwe)
    body = client.get(reverse("pathways:learning_place_list")).content.decode()
    assert NEW_URL not in body and edit_url(pw.place) not in body


# Creating -------------------------------------------------------------------------


def test_a_mentor_adds_a_place_with_what_it_asks_of_a_candidate(client, pw, framework):
    theme = Theme.objects.filter(parent__isnull=False).first()
    wanted = framework["work_processes"][:2]
    client.force_login(pw.mo)
    response = client.post(
        NEW_URL,
        place_post(pw, theme=theme.pk, work_processes=[wp.pk for wp in wanted], units=[framework["unit"].pk]),
    )
    place = LearningPlace.objects.get(title="Leerling-monteur zonnepanelen")
    assert response.status_code == 302 and response.url == place.get_absolute_url()
    assert (place.organisation, place.chain, place.theme) == (pw.company, pw.chain, theme)
    assert (place.capacity, place.level, place.hours_per_week) == (3, 2, 32)
    assert place.start_date == datetime.date(2027, 2, 1) and place.driving_licence_required
    requirements = alignments_of(obj=place)
    assert set(requirements["work_process"]) == set(wanted) and requirements["unit"] == [framework["unit"]]


def test_adding_a_place_is_audited(pw):
    place = services.learning_place_create(
        actor=pw.carla, chain=pw.chain, organisation=pw.company, data={"title": "Isolatiemedewerker", "capacity": 2}
    )
    entry = AuditEntry.objects.get(action="pathways.learning_place_create")
    assert (entry.actor, entry.object_id, entry.organisation) == (pw.carla, str(place.pk), pw.company)


def test_a_mentor_cannot_add_a_place_for_another_company(client, pw):
    # The other company takes on placement in the chain too, but mo does not work there.
    from wattwijs.pathways.tests.factories import ChainStepFactory

    ChainStepFactory(chain=pw.chain, organisation=pw.other_company, step="plaatsing")
    client.force_login(pw.mo)
    response = client.post(NEW_URL, place_post(pw, organisation=pw.other_company.pk))
    assert response.status_code == 400
    assert not LearningPlace.objects.filter(organisation=pw.other_company).exists()


def test_the_service_refuses_a_place_for_someone_elses_company(pw):
    with pytest.raises(PermissionDenied):
        services.learning_place_create(
            actor=pw.max, chain=pw.chain, organisation=pw.company, data={"title": "Monteur", "capacity": 1}
        )
    assert LearningPlace.objects.count() == 1


def test_the_service_refuses_a_company_that_does_not_take_on_placement_in_the_chain(pw):
    with pytest.raises(ValidationError) as error:
        services.learning_place_create(
            actor=pw.carla, chain=pw.chain, organisation=pw.uwv, data={"title": "Monteur", "capacity": 1}
        )
    assert "neemt in Transitiehuis Midden geen plaatsing op zich" in error.value.message_dict["organisation"][0]
    assert LearningPlace.objects.count() == 1


def test_invalid_input_shows_dutch_errors_and_saves_nothing(client, pw):
    client.force_login(pw.mo)
    response = client.post(NEW_URL, place_post(pw, title="", capacity="0", hours_per_week="61", level="5"))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"title", "capacity", "hours_per_week", "level"}
    assert "Dit veld is verplicht." in errors["title"]
    assert LearningPlace.objects.count() == 1


def test_work_processes_of_two_framework_versions_are_refused(pw, framework):
    other = VersionFactory()
    with pytest.raises(ValidationError) as error:
        services.learning_place_create(
            actor=pw.mo,
            chain=pw.chain,
            organisation=pw.company,
            data={"title": "Monteur", "capacity": 1},
            work_processes=framework["work_processes"][:1],
            units=[UnitFactory(version=other)],
        )
    assert "één versie van het kwalificatiekader" in error.value.message_dict["work_processes"][0]
    assert LearningPlace.objects.count() == 1


# Editing --------------------------------------------------------------------------


def test_a_coordinator_edits_a_place_of_their_chain(client, pw, framework):
    client.force_login(pw.carla)
    assert client.get(edit_url(pw.place)).status_code == 200
    response = client.post(
        edit_url(pw.place),
        place_post(pw, title="Servicemonteur", capacity="4", work_processes=[framework["work_processes"][0].pk]),
    )
    assert response.status_code == 302
    pw.place.refresh_from_db()
    assert (pw.place.title, pw.place.capacity, pw.place.level) == ("Servicemonteur", 4, 2)
    assert alignments_of(obj=pw.place)["work_process"] == framework["work_processes"][:1]
    entry = AuditEntry.objects.get(action="pathways.learning_place_update")
    assert entry.actor == pw.carla and "capacity" in entry.details["fields"]


def test_editing_keeps_the_company_and_the_chain(client, pw):
    client.force_login(pw.carla)
    client.post(edit_url(pw.place), place_post(pw, organisation=pw.other_company.pk, chain=pw.other_chain.pk))
    pw.place.refresh_from_db()
    assert (pw.place.organisation, pw.place.chain) == (pw.company, pw.chain)


def test_the_capacity_cannot_drop_below_the_candidates_placed_there(client, pw):
    place = LearningPlaceFactory(organisation=pw.company, chain=pw.chain, title="Monteur", capacity=3)
    fill_place(place, 2)
    client.force_login(pw.mo)
    response = client.post(edit_url(place), place_post(pw, title="Andere titel", capacity="1"))
    assert response.status_code == 400
    message = response.context["form"].errors["capacity"][0]
    assert "2 kandidaten" in message and "niet lager zijn dan 2" in message
    place.refresh_from_db()
    assert (place.title, place.capacity) == ("Monteur", 3)
    assert not AuditEntry.objects.filter(action="pathways.learning_place_update").exists()


def test_the_capacity_may_equal_the_candidates_placed_there(pw):
    place = LearningPlaceFactory(organisation=pw.company, chain=pw.chain, capacity=3)
    fill_place(place, 2)
    PlacementFactory(
        candidate=CandidateFactory(chain=pw.chain), learning_place=place, ended_on=datetime.date(2026, 6, 1)
    )
    services.learning_place_update(actor=pw.mo, place=place, data={"capacity": 2})
    place.refresh_from_db()
    assert place.capacity == 2


def test_the_list_checks_who_may_edit_in_a_fixed_number_of_queries(client, pw, django_assert_max_num_queries):
    for _ in range(20):
        LearningPlaceFactory(organisation=pw.company, chain=pw.chain)
    client.force_login(pw.mo)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("pathways:learning_place_list"))
    assert len(response.context["manageable"]) == 21


def test_a_place_that_is_already_too_full_keeps_its_other_changes(pw):
    place = LearningPlaceFactory(organisation=pw.company, chain=pw.chain, title="Monteur", capacity=3)
    fill_place(place, 3)
    LearningPlace.objects.filter(pk=place.pk).update(capacity=2)
    place.refresh_from_db()
    services.learning_place_update(actor=pw.mo, place=place, data={"title": "Servicemonteur", "capacity": 2})
    place.refresh_from_db()
    assert (place.title, place.capacity) == ("Servicemonteur", 2)
