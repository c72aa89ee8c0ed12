"""Entering figures by hand: coordinators create and change occupations, drivers, labour intensities, supply
and innovations; bad input is refused next to the field and nothing is saved."""

import pytest

from wattwijs.capacity.models import (
    Driver,
    Innovation,
    InnovationAdoption,
    InnovationSaving,
    LabourIntensity,
    Occupation,
    Supply,
)
from wattwijs.capacity.tests.factories import (
    DriverFactory,
    InnovationFactory,
    OccupationFactory,
    SupplyFactory,
    WorkUnitFactory,
)
from wattwijs.core.models import AuditEntry, Role
from wattwijs.core.tests.factories import MembershipFactory, region, theme

pytestmark = pytest.mark.django_db

BASE = "/arbeidscapaciteit/cijfers"


@pytest.fixture
def coordinator(client):
    user = MembershipFactory(role=Role.COORDINATOR).user
    client.force_login(user)
    return user


@pytest.fixture
def unit():
    return WorkUnitFactory()


@pytest.fixture
def occupation():
    return OccupationFactory()


def _driver_data(unit, **changes):
    data = {"region": region("AMR12").pk, "unit": unit.pk, "year": "2027", "volume": "450", "source": "Monitor"}
    return {**data, **changes}


def test_a_coordinator_creates_a_driver_that_takes_the_theme_of_its_unit(client, coordinator, unit):
    response = client.post(f"{BASE}/aanjagers/nieuw/", _driver_data(unit))
    assert response.url == f"{BASE}/aanjagers/"
    driver = Driver.objects.get()
    assert (driver.year, driver.volume, driver.theme) == (2027, 450, theme("warmtepompen"))
    assert AuditEntry.objects.filter(action="capacity.driver_create").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"volume": "-5"}, "deze waarde minstens 0 is"),
        ({"volume": "nan"}, "Voer een getal in."),
        ({"year": "2040"}, "Selecteer een geldige keuze"),
        ({"source": ""}, "Dit veld is verplicht."),
    ],
)
def test_a_bad_driver_is_refused_next_to_the_field_and_nothing_is_saved(client, coordinator, unit, changes, message):
    response = client.post(f"{BASE}/aanjagers/nieuw/", _driver_data(unit, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Driver.objects.exists()


def test_a_second_driver_for_the_same_region_unit_and_year_is_refused(client, coordinator, unit):
    DriverFactory(unit=unit, year=2027)
    response = client.post(f"{BASE}/aanjagers/nieuw/", _driver_data(unit))
    assert response.status_code == 200
    assert Driver.objects.count() == 1


def test_a_coordinator_changes_a_driver(client, coordinator, unit):
    driver = DriverFactory(unit=unit, year=2027, volume=10)
    client.post(f"{BASE}/aanjagers/{driver.pk}/bewerken/", _driver_data(unit, volume="20"))
    driver.refresh_from_db()
    assert driver.volume == 20
    assert AuditEntry.objects.filter(action="capacity.driver_update").exists()


def test_a_coordinator_creates_an_occupation(client, coordinator):
    client.post(f"{BASE}/beroepen/nieuw/", {"name": "Netmonteur", "code": "netmonteur", "position": "3"})
    assert Occupation.objects.get(code="netmonteur").name == "Netmonteur"


def test_an_occupation_code_with_spaces_is_refused(client, coordinator):
    response = client.post(f"{BASE}/beroepen/nieuw/", {"name": "Netmonteur", "code": "net monteur", "position": "3"})
    assert response.status_code == 200
    assert not Occupation.objects.exists()


def test_a_coordinator_creates_a_labour_intensity(client, coordinator, unit, occupation):
    data = {"unit": unit.pk, "occupation": occupation.pk, "hours": "22,5", "source": "ISSO"}
    client.post(f"{BASE}/arbeidsintensiteiten/nieuw/", data)
    assert LabourIntensity.objects.get().hours == 22.5


def test_negative_hours_per_unit_are_refused(client, coordinator, unit, occupation):
    data = {"unit": unit.pk, "occupation": occupation.pk, "hours": "-1", "source": "ISSO"}
    assert client.post(f"{BASE}/arbeidsintensiteiten/nieuw/", data).status_code == 200
    assert not LabourIntensity.objects.exists()


def _supply_data(occupation, **changes):
    data = {
        "region": region("AMR12").pk,
        "occupation": occupation.pk,
        "workforce": "120",
        "retirement_rate": "3",
        "leaving_rate": "2",
        "other_inflow": "4",
        "source": "CBS",
    }
    return {**data, **changes}


def test_a_coordinator_creates_supply(client, coordinator, occupation):
    client.post(f"{BASE}/aanbod/nieuw/", _supply_data(occupation))
    assert Supply.objects.get().workforce == 120


def test_a_retirement_rate_above_one_hundred_percent_is_refused(client, coordinator, occupation):
    response = client.post(f"{BASE}/aanbod/nieuw/", _supply_data(occupation, retirement_rate="120"))
    assert "deze waarde hoogstens 100 is" in response.content.decode()
    assert not Supply.objects.exists()


def test_a_coordinator_changes_supply(client, coordinator, occupation):
    supply = SupplyFactory(occupation=occupation)
    client.post(f"{BASE}/aanbod/{supply.pk}/bewerken/", _supply_data(occupation, workforce="80"))
    supply.refresh_from_db()
    assert supply.workforce == 80


def test_a_coordinator_creates_an_innovation_with_a_saving_and_adoption(client, coordinator, unit, occupation):
    client.post(f"{BASE}/innovaties/nieuw/", {"name": "Prefab", "description": "", "source": "TNO"})
    innovation = Innovation.objects.get(name="Prefab")
    saving = {"innovation": innovation.pk, "unit": unit.pk, "occupation": occupation.pk, "hours_saved": "3"}
    client.post(f"{BASE}/besparingen/nieuw/", saving)
    client.post(f"{BASE}/invoering/nieuw/", {"innovation": innovation.pk, "year": "2030", "percent": "40"})
    assert InnovationSaving.objects.get().hours_saved == 3
    assert InnovationAdoption.objects.get().percent == 40


def test_adoption_above_one_hundred_percent_is_refused(client, coordinator):
    innovation = InnovationFactory()
    response = client.post(f"{BASE}/invoering/nieuw/", {"innovation": innovation.pk, "year": "2030", "percent": "101"})
    assert response.status_code == 200
    assert not InnovationAdoption.objects.exists()


@pytest.mark.parametrize(
    "kind", ["beroepen", "aanjagers", "arbeidsintensiteiten", "aanbod", "innovaties", "besparingen", "invoering"]
)
def test_the_entry_form_of_each_kind_opens_for_a_coordinator(client, coordinator, kind):
    assert client.get(f"{BASE}/{kind}/nieuw/").status_code == 200


def test_a_viewer_cannot_open_an_entry_form(client):
    client.force_login(MembershipFactory(role=Role.VIEWER).user)
    assert client.get(f"{BASE}/aanjagers/nieuw/").status_code == 403


def test_a_viewer_cannot_create_a_figure_and_nothing_is_saved(client, unit):
    client.force_login(MembershipFactory(role=Role.VIEWER).user)
    assert client.post(f"{BASE}/aanjagers/nieuw/", _driver_data(unit)).status_code == 403
    assert not Driver.objects.exists()


def test_a_viewer_cannot_change_a_figure(client, occupation):
    supply = SupplyFactory(occupation=occupation, workforce=1)
    client.force_login(MembershipFactory(role=Role.VIEWER).user)
    assert client.post(f"{BASE}/aanbod/{supply.pk}/bewerken/", _supply_data(occupation)).status_code == 403
    supply.refresh_from_db()
    assert supply.workforce == 1


def test_an_unknown_kind_is_not_found(client, coordinator):
    assert client.get(f"{BASE}/kernfusie/nieuw/").status_code == 404


def test_the_list_shows_the_figures_to_everyone_without_change_links(client, unit):
    DriverFactory(unit=unit, source="Warmtemonitor")
    content = client.get(f"{BASE}/aanjagers/").content.decode()
    assert "Warmtemonitor" in content
    assert "/bewerken/" not in content


def test_the_list_pins_its_queries(client, coordinator, unit, django_assert_max_num_queries):
    for year in range(2026, 2036):
        DriverFactory(unit=unit, year=year)
    with django_assert_max_num_queries(8):
        client.get(f"{BASE}/aanjagers/")


def test_the_service_refuses_a_negative_volume_and_saves_nothing(unit):
    from django.core.exceptions import ValidationError

    from wattwijs.capacity import services

    user = MembershipFactory(role=Role.COORDINATOR).user
    driver = Driver(region=region("AMR12"), unit=unit, year=2027, volume=-1, source="Bron")
    with pytest.raises(ValidationError):
        services.figure_save(actor=user, figure=driver)
    assert not Driver.objects.exists()


def test_the_service_refuses_a_viewer(occupation):
    from django.core.exceptions import PermissionDenied

    from wattwijs.capacity import services

    viewer = MembershipFactory(role=Role.VIEWER).user
    with pytest.raises(PermissionDenied):
        services.figure_save(actor=viewer, figure=Occupation(code="netmonteur", name="Netmonteur"))
    assert Occupation.objects.count() == 1
