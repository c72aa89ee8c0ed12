"""CSV import: a per-row Dutch report, and nothing saved when any row is wrong."""

import pytest
from django.core.exceptions import PermissionDenied

from wattwijs.capacity.models import Driver, InnovationAdoption, LabourIntensity
from wattwijs.capacity.services import figures_import as import_csv
from wattwijs.capacity.tests.factories import DriverFactory, InnovationFactory, OccupationFactory, WorkUnitFactory
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
    InnovationFactory(name="Prefab")
    content = b"innovatie,jaar,invoering\nPrefab,2027,40\nPrefab,2028,120%\n"
    report = import_csv(actor=coordinator, kind="adoption", content=content)
    assert report.errors == [(3, "Invoering “120%” is geen percentage van 0 tot 100.")]
    assert not InnovationAdoption.objects.exists()


def test_adoption_per_year_is_saved(coordinator):
    InnovationFactory(name="Prefab")
    content = b"innovatie,jaar,invoering\nPrefab,2027,40\nPrefab,2028,55%\n"
    assert import_csv(actor=coordinator, kind="adoption", content=content).saved == 2
    assert list(InnovationAdoption.objects.order_by("year").values_list("percent", flat=True)) == [40, 55]


GOOD_ROW = "AMR12,warmtepompen,warmtepomp,2026,5,Bron"


def test_a_row_with_more_values_than_columns_is_refused(coordinator):
    report = _drivers(coordinator, f"{GOOD_ROW}\n{GOOD_ROW.replace('2026', '2027')},extra\n")
    assert report.errors == [(3, "Deze rij heeft meer waarden dan de kopregel kolommen (6).")]
    assert not Driver.objects.exists()


def test_a_row_with_fewer_values_than_columns_is_refused(coordinator):
    report = _drivers(coordinator, f"{GOOD_ROW}\nAMR12,warmtepompen,warmtepomp,2027\n")
    assert report.errors[0][0] == 3
    assert report.errors[0][1].startswith("Deze rij heeft minder waarden dan de kopregel kolommen (6)")
    assert not Driver.objects.exists()


@pytest.mark.parametrize("volume", ["nan", "inf", "-inf", "NaN", "1e400", "1" * 400, "1_000"])
def test_a_volume_that_is_not_a_finite_number_is_refused(coordinator, volume):
    report = _drivers(coordinator, f"{GOOD_ROW}\nAMR12,warmtepompen,warmtepomp,2027,{volume},Bron\n")
    assert report.errors == [(3, f"Volume “{volume}” is geen getal.")]
    assert not Driver.objects.exists()


@pytest.mark.parametrize("hours", ["nan", "inf"])
def test_hours_that_are_not_a_finite_number_are_refused(coordinator, hours):
    content = f"eenheid,beroep,uren,bron\nwarmtepomp,monteur-warmtepompen,{hours},ISSO\n".encode()
    report = import_csv(actor=coordinator, kind="intensities", content=content)
    assert report.errors == [(2, f"Uren “{hours}” is geen getal.")]
    assert not LabourIntensity.objects.exists()


def test_an_adoption_of_nan_percent_is_refused(coordinator):
    InnovationFactory(name="Prefab")
    content = b"innovatie,jaar,invoering\nPrefab,2027,nan\n"
    report = import_csv(actor=coordinator, kind="adoption", content=content)
    assert report.errors == [(2, "Invoering “nan” is geen percentage van 0 tot 100.")]
    assert not InnovationAdoption.objects.exists()


@pytest.mark.parametrize("value", ["2027²", "٢٠٢٧", "２０２７"])
def test_a_year_in_digits_other_than_ascii_is_refused(coordinator, value):
    report = _drivers(coordinator, f"{GOOD_ROW}\nAMR12,warmtepompen,warmtepomp,{value},5,Bron\n")
    assert report.errors == [(3, f"Jaar “{value}” ligt buiten 2026–2035.")]
    assert not Driver.objects.exists()


def test_a_volume_in_digits_other_than_ascii_is_refused(coordinator):
    report = _drivers(coordinator, f"{GOOD_ROW}\nAMR12,warmtepompen,warmtepomp,2027,٥,Bron\n")
    assert report.errors == [(3, "Volume “٥” is geen getal.")]


def test_a_file_with_more_rows_than_allowed_is_refused(coordinator, settings):
    settings.CAPACITY_IMPORT_MAX_ROWS = 2
    body = "".join(f"AMR12,warmtepompen,warmtepomp,{year},5,Bron\n" for year in (2026, 2027, 2028))
    report = _drivers(coordinator, body)
    assert report.errors == [(0, "Een bestand bevat hoogstens 2 regels.")]
    assert not Driver.objects.exists()


def test_a_file_with_as_many_rows_as_allowed_is_saved(coordinator, settings):
    settings.CAPACITY_IMPORT_MAX_ROWS = 2
    body = "".join(f"AMR12,warmtepompen,warmtepomp,{year},5,Bron\n" for year in (2026, 2027))
    assert _drivers(coordinator, body).saved == 2


def test_a_file_larger_than_allowed_is_refused(coordinator, settings):
    settings.CAPACITY_IMPORT_MAX_BYTES = 1024 * 1024
    body = f"{GOOD_ROW}\n" + "," * (1024 * 1024)
    report = _drivers(coordinator, body)
    assert report.errors == [(0, "Het bestand is groter dan 1 MB; splits het in kleinere bestanden.")]
    assert not Driver.objects.exists()


def test_the_same_region_unit_and_year_twice_in_a_file_is_refused_by_row(coordinator):
    report = _drivers(coordinator, f"{GOOD_ROW}\nAMR12,warmtepompen,warmtepomp,2027,5,Bron\n{GOOD_ROW}\n")
    assert report.errors == [(4, "Deze regio, eenheid en dit jaar staan al in rij 2.")]
    assert not Driver.objects.exists()


def test_the_same_unit_and_occupation_twice_in_a_file_is_refused(coordinator):
    row = "warmtepomp,monteur-warmtepompen,22,ISSO\n"
    report = import_csv(actor=coordinator, kind="intensities", content=f"eenheid,beroep,uren,bron\n{row}{row}".encode())
    assert report.errors == [(3, "Deze eenheid en dit beroep staan al in rij 2.")]
    assert not LabourIntensity.objects.exists()


def test_the_same_innovation_and_year_twice_in_a_file_is_refused(coordinator):
    InnovationFactory(name="Prefab")
    content = b"innovatie,jaar,invoering\nPrefab,2027,40\nPrefab,2027,50\n"
    report = import_csv(actor=coordinator, kind="adoption", content=content)
    assert report.errors == [(3, "Deze innovatie en dit jaar staan al in rij 2.")]
    assert not InnovationAdoption.objects.exists()


def test_a_file_with_a_column_named_twice_is_refused(coordinator):
    content = b"regio,thema,eenheid,jaar,volume,bron,jaar\nAMR12,warmtepompen,warmtepomp,2026,5,Bron,2027\n"
    report = import_csv(actor=coordinator, kind="drivers", content=content)
    assert report.errors == [(1, "Kolommen die meer dan eens voorkomen: jaar.")]
