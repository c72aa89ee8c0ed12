"""CSV import: a per-row Dutch report, and nothing saved when any row is wrong."""

import pytest
from django.core.exceptions import PermissionDenied

from wattwijs.capacity.importing import import_csv
from wattwijs.capacity.models import Driver, LabourIntensity
from wattwijs.capacity.tests.factories import DriverFactory, OccupationFactory, WorkUnitFactory
from wattwijs.core.models import AuditEntry, Role
from wattwijs.core.tests.factories import MembershipFactory, region

pytestmark = pytest.mark.django_db

HEADER = "regio,thema,eenheid,jaar,volume,bron\n"


@pytest.fixture
def coordinator():
    WorkUnitFactory()
    OccupationFactory()
    return MembershipFactory(role=Role.COORDINATOR).user


def _drivers(user, body):
    return import_csv(actor=user, kind="drivers", content=(HEADER + body).encode())


def test_it_saves_valid_drivers_and_audits_the_import(coordinator):
    report = _drivers(coordinator, "AMR12,warmtepompen,warmtepomp,2027,450,Warmtemonitor 2026\n")
    assert report.ok and report.saved == 1
    driver = Driver.objects.get()
    assert (driver.region.code, driver.year, driver.volume, driver.source) == ("AMR12", 2027, 450, "Warmtemonitor 2026")
    assert AuditEntry.objects.filter(action="capacity.import_drivers").exists()


def test_it_replaces_the_volume_of_an_existing_driver(coordinator):
    DriverFactory(year=2027, volume=10)
    _drivers(coordinator, "AMR12;warmtepompen;warmtepomp;2027;20;Nieuwe bron\n".replace(";", ","))
    assert Driver.objects.get().volume == 20


def test_it_reads_semicolon_separated_files_with_a_decimal_comma(coordinator):
    content = b"regio;thema;eenheid;jaar;volume;bron\nAMR12;warmtepompen;warmtepomp;2027;12,5;Bron\n"
    assert import_csv(actor=coordinator, kind="drivers", content=content).ok
    assert Driver.objects.get().volume == 12.5


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("AMR12,warmtepompen,warmtepomp,2027,-5,Bron", "Volume mag niet negatief zijn (-5)"),
        ("AMR12,warmtepompen,warmtepomp,2040,5,Bron", "Jaar “2040” ligt buiten 2026–2035"),
        ("AMR99,warmtepompen,warmtepomp,2027,5,Bron", "Onbekende regio “AMR99”"),
        ("AMR12,kernfusie,warmtepomp,2027,5,Bron", "Onbekend thema “kernfusie”"),
        ("AMR12,warmtepompen,warmtepomp,2027,5,", "De bron ontbreekt"),
    ],
)
def test_a_bad_row_is_reported_by_number_and_nothing_is_saved(coordinator, row, message):
    report = _drivers(coordinator, f"AMR12,warmtepompen,warmtepomp,2026,5,Bron\n{row}\n")
    assert not report.ok
    assert report.errors[0][0] == 3
    assert message in report.errors[0][1]
    assert not Driver.objects.exists()


def test_negative_hours_in_labour_intensities_are_refused(coordinator):
    content = b"eenheid,beroep,uren,bron\nwarmtepomp,monteur-warmtepompen,-2,Bron\n"
    report = import_csv(actor=coordinator, kind="intensities", content=content)
    assert report.errors == [(2, "Uren mag niet negatief zijn (-2).")]
    assert not LabourIntensity.objects.exists()


def test_labour_intensities_are_saved(coordinator):
    content = b"eenheid,beroep,uren,bron\nwarmtepomp,monteur-warmtepompen,22,ISSO\n"
    assert import_csv(actor=coordinator, kind="intensities", content=content).saved == 1
    assert LabourIntensity.objects.get().hours == 22


def test_a_file_without_the_columns_is_refused(coordinator):
    report = import_csv(actor=coordinator, kind="drivers", content=b"regio,jaar\nAMR12,2027\n")
    assert report.errors[0][0] == 1
    assert "thema" in report.errors[0][1]


def test_only_coordinators_import():
    viewer = MembershipFactory(role=Role.VIEWER).user
    with pytest.raises(PermissionDenied):
        _drivers(viewer, "AMR12,warmtepompen,warmtepomp,2027,5,Bron\n")
    assert region("AMR12")


def test_adoption_above_one_hundred_percent_is_refused_and_nothing_is_saved(coordinator):
    from wattwijs.capacity.models import InnovationAdoption
    from wattwijs.capacity.tests.factories import InnovationFactory

    InnovationFactory(name="Prefab")
    content = b"innovatie,jaar,invoering\nPrefab,2027,40\nPrefab,2028,120%\n"
    report = import_csv(actor=coordinator, kind="adoption", content=content)
    assert report.errors == [(3, "Invoering “120%” is geen percentage van 0 tot 100.")]
    assert not InnovationAdoption.objects.exists()


def test_adoption_per_year_is_saved(coordinator):
    from wattwijs.capacity.models import InnovationAdoption
    from wattwijs.capacity.tests.factories import InnovationFactory

    InnovationFactory(name="Prefab")
    content = b"innovatie,jaar,invoering\nPrefab,2027,40\nPrefab,2028,55%\n"
    assert import_csv(actor=coordinator, kind="adoption", content=content).saved == 2
    assert list(InnovationAdoption.objects.order_by("year").values_list("percent", flat=True)) == [40, 55]
