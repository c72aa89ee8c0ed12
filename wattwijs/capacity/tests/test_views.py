"""The capacity pages: overviews from stored results, scenarios, comparison, editor, export, adoption."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from wattwijs.capacity import demo, services
from wattwijs.capacity.models import Scenario
from wattwijs.core.models import AuditEntry, Role
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, region
from wattwijs.training.models import RegionPriorityTheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def examples():
    demo.load()


@pytest.fixture
def coordinator(client):
    organisation = OrganisationFactory(region=region("AMR12"))
    user = MembershipFactory(role=Role.COORDINATOR, organisation=organisation).user
    client.force_login(user)
    return user


def test_the_national_overview_shows_the_base_scenario_labelled_as_example_figures(client, examples):
    content = client.get("/arbeidscapaciteit/").content.decode()
    assert "Basis" in content
    assert "voorbeeldcijfers" in content
    assert "Voorbeeldcijfers (WattWijs-demo), geen echte statistiek" in content
    assert 'id="per-theme"' in content


def test_the_national_overview_reads_stored_results_in_few_queries(client, examples, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/arbeidscapaciteit/?scenario=voorbeeld-gecombineerd&jaar=2030")


def test_the_regional_overview_shows_the_region(client, examples):
    content = client.get("/arbeidscapaciteit/regios/AMR12/").content.decode()
    assert "<h1>Arbeidscapaciteit in Midden-Utrecht</h1>" in content
    assert "Warmtepompen" in content


def test_the_scenario_list_pins_its_queries(client, examples, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        content = client.get("/arbeidscapaciteit/scenarios/").content.decode()
    assert "Gecombineerd" in content


def test_the_scenario_page_shows_the_tornado_table(client, examples):
    content = client.get("/arbeidscapaciteit/scenarios/voorbeeld-basis/").content.decode()
    assert 'id="tornado"' in content
    assert "Productieve uren per fte per jaar" in content


def test_visitors_see_no_editing_buttons(client, examples):
    content = client.get("/arbeidscapaciteit/scenarios/voorbeeld-basis/").content.decode()
    assert "Scenario kopiëren" not in content


def test_a_coordinator_copies_a_scenario_and_changes_a_parameter(client, examples, coordinator):
    response = client.post("/arbeidscapaciteit/scenarios/voorbeeld-basis/kopieren/")
    copy = Scenario.objects.get(copied_from__slug="voorbeeld-basis")
    assert response.url == f"/arbeidscapaciteit/scenarios/{copy.slug}/bewerken/"
    data = {
        "name": "Basis met meer opleiden",
        "kind": "meer-opleiden",
        "description": "",
        "demand_factor": "1",
        "hours_per_fte": "1500",
        "completion_rate": "70",
        "training_factor": "3",
        "switcher_factor": "1",
        "outflow_factor": "1",
        "innovation_factor": "0",
    }
    client.post(f"/arbeidscapaciteit/scenarios/{copy.slug}/bewerken/", data)
    copy.refresh_from_db()
    assert copy.training_factor == 3
    assert AuditEntry.objects.filter(action="capacity.scenario_update").exists()


def _own_copy(user):
    return services.scenario_copy(actor=user, scenario=Scenario.objects.get(slug="voorbeeld-basis"))


def test_a_negative_parameter_is_refused_and_changes_nothing(client, examples, coordinator):
    copy = _own_copy(coordinator)
    data = {
        "name": "Basis",
        "kind": "basis",
        "demand_factor": "-1",
        "hours_per_fte": "1500",
        "completion_rate": "70",
        "training_factor": "1",
        "switcher_factor": "1",
        "outflow_factor": "1",
        "innovation_factor": "0",
    }
    response = client.post(f"/arbeidscapaciteit/scenarios/{copy.slug}/bewerken/", data)
    assert response.status_code == 200
    copy.refresh_from_db()
    assert copy.demand_factor == 1


def test_visitors_cannot_edit_scenarios(client, examples):
    viewer = MembershipFactory(role=Role.VIEWER).user
    client.force_login(viewer)
    assert client.get("/arbeidscapaciteit/scenarios/voorbeeld-basis/bewerken/").status_code == 403
    assert client.post("/arbeidscapaciteit/scenarios/voorbeeld-basis/kopieren/").status_code == 403


def test_two_scenarios_are_compared_side_by_side(client, examples):
    content = client.get("/arbeidscapaciteit/vergelijken/?a=voorbeeld-basis&b=voorbeeld-gecombineerd").content.decode()
    assert 'id="compare-years"' in content
    assert "Basis" in content and "Gecombineerd" in content


def test_the_xlsx_export_holds_the_cells_and_the_example_label(client, examples):
    response = client.get("/arbeidscapaciteit/scenarios/voorbeeld-basis/export.xlsx")
    workbook = load_workbook(BytesIO(response.content))
    assert "Voorbeeldcijfers" in workbook.worksheets[0]["A2"].value
    assert workbook.worksheets[2].max_row > 100


def test_a_coordinator_adopts_the_largest_gaps_as_priority_themes(client, examples, coordinator):
    client.post("/arbeidscapaciteit/regios/AMR12/prioriteiten/", {"scenario": "voorbeeld-basis"})
    assert RegionPriorityTheme.objects.filter(region=region("AMR12")).count() == 3
    assert AuditEntry.objects.filter(action="capacity.priorities_adopt").exists()
    assert AuditEntry.objects.filter(action="training.priorities_set").exists()


def test_a_coordinator_of_another_region_cannot_adopt(client, examples):
    user = MembershipFactory(role=Role.COORDINATOR, organisation=OrganisationFactory(region=region("AMR01"))).user
    client.force_login(user)
    response = client.post("/arbeidscapaciteit/regios/AMR12/prioriteiten/", {"scenario": "voorbeeld-basis"})
    assert response.status_code == 403
    assert not RegionPriorityTheme.objects.exists()


def test_the_import_page_reports_bad_rows(client, coordinator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("d.csv", b"regio,thema,eenheid,jaar,volume,bron\nAMR99,zon-pv,x,2027,5,B\n")
    content = client.post("/arbeidscapaciteit/importeren/", {"kind": "drivers", "file": upload}).content.decode()
    assert "Er is niets ingelezen" in content
    assert "Onbekende regio" in content


def test_the_figures_page_shows_innovations_and_intensities_with_their_source(
    client, examples, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        content = client.get("/arbeidscapaciteit/cijfers/").content.decode()
    assert "Prefab installatiemodules" in content
    assert "Bron: Voorbeeldcijfers (WattWijs-demo), geen echte statistiek" in content
    assert "Monteur installatietechniek" in content


def _computed_over(**driver):
    """A computed scenario over one driver (100 heat pumps in 2035 at 15 hours: 1 FTE)."""
    from wattwijs.capacity.tests.factories import DriverFactory, LabourIntensityFactory, ScenarioFactory

    unit = driver.pop("unit", None)
    DriverFactory(year=2035, volume=100, **({"unit": unit} if unit else {}), **driver)
    LabourIntensityFactory(hours=15, **({"unit": unit} if unit else {}))
    scenario = ScenarioFactory()
    services.result_store(scenario=scenario)
    return scenario


def test_a_removed_occupation_is_shown_as_unknown(client):
    from wattwijs.capacity.models import Occupation

    scenario = _computed_over()
    Occupation.objects.all().delete()
    response = client.get(f"/arbeidscapaciteit/?scenario={scenario.slug}")
    assert response.status_code == 200
    assert '<th scope="row">Onbekend beroep</th>' in response.content.decode()


def test_a_removed_region_is_shown_as_unknown_without_a_link(client):
    from wattwijs.core.models import Region

    gone = Region.objects.create(
        code="AMR99", name="Verdwenen regio", province="Utrecht", reference_place="X", latitude=52, longitude=5
    )
    scenario = _computed_over(region=gone)
    gone.delete()
    response = client.get(f"/arbeidscapaciteit/?scenario={scenario.slug}")
    assert response.status_code == 200
    assert '<th scope="row">Onbekende regio</th>' in response.content.decode()


def test_a_removed_theme_is_shown_as_unknown_on_the_scenario_page(client):
    from wattwijs.capacity.models import WorkUnit
    from wattwijs.capacity.tests.factories import WorkUnitFactory
    from wattwijs.core.models import Theme

    gone = Theme.objects.create(code="kernfusie", name_nl="Kernfusie", name_en="Fusion", position=99)
    scenario = _computed_over(unit=WorkUnitFactory(code="reactor", theme=gone))
    WorkUnit.objects.filter(theme=gone).delete()
    gone.delete()
    response = client.get(scenario.get_absolute_url())
    assert response.status_code == 200
    assert '<th scope="row">Onbekend thema</th>' in response.content.decode()


def test_a_region_page_with_a_removed_theme_offers_only_existing_themes_to_adopt(client, coordinator):
    from wattwijs.capacity.models import WorkUnit
    from wattwijs.capacity.tests.factories import WorkUnitFactory
    from wattwijs.core.models import Theme

    gone = Theme.objects.create(code="kernfusie", name_nl="Kernfusie", name_en="Fusion", position=99)
    scenario = _computed_over(unit=WorkUnitFactory(code="reactor", theme=gone))
    WorkUnit.objects.filter(theme=gone).delete()
    gone.delete()
    response = client.get(f"/arbeidscapaciteit/regios/AMR12/?scenario={scenario.slug}")
    assert response.status_code == 200
    assert response.context["adoptable"] == []


def test_the_export_of_a_scenario_with_a_removed_occupation_names_it_unknown(client):
    from wattwijs.capacity.models import Occupation

    scenario = _computed_over()
    Occupation.objects.all().delete()
    response = client.get(f"/arbeidscapaciteit/scenarios/{scenario.slug}/export.xlsx")
    cells = load_workbook(BytesIO(response.content))["Cellen"]
    assert cells["C2"].value == "Onbekend beroep"


def test_built_in_sources_are_shown_translated_not_as_keys(client):
    from wattwijs.capacity import inputs
    from wattwijs.core.tests.factories import theme
    from wattwijs.training.models import TargetGroup
    from wattwijs.training.tests.factories import OfferFactory

    OfferFactory(
        places_available=20,
        regions=[region("AMR12")],
        themes=[theme("warmtepompen")],
        target_groups=[TargetGroup.SCHOOL_LEAVERS],
    )
    scenario = _computed_over()
    content = client.get(f"/arbeidscapaciteit/?scenario={scenario.slug}").content.decode()
    assert "<li>WattWijs: opleidingsaanbod voor schoolverlaters (plaatsen)</li>" in content
    assert inputs.PLACES_SOURCE not in content


def test_built_in_sources_follow_the_language_of_the_reader():
    from django.utils import translation

    from wattwijs.capacity import inputs, selectors
    from wattwijs.capacity.models import ScenarioResult

    result = ScenarioResult(sources=[inputs.PLACEMENTS_SOURCE, "Warmtemonitor 2026"])
    with translation.override("en"):
        assert selectors.source_labels(result) == [
            "WattWijs: placements in the Transitiehuizen over the last 12 months",
            "Warmtemonitor 2026",
        ]


def test_the_capacity_charts_load_the_shared_chart_script(client, examples):
    content = client.get("/arbeidscapaciteit/").content.decode()
    assert '<script src="/static/core/charts.js" defer></script>' in content
    assert '<link rel="stylesheet" href="/static/core/charts.css">' in content


def test_the_import_page_refuses_a_file_larger_than_allowed(client, coordinator, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.CAPACITY_IMPORT_MAX_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("d.csv", b"regio,thema,eenheid,jaar,volume,bron\n" + b"x" * 1024 * 1024)
    content = client.post("/arbeidscapaciteit/importeren/", {"kind": "drivers", "file": upload}).content.decode()
    assert "Het bestand is groter dan 1 MB" in content


def test_the_import_page_names_the_limits(client, coordinator, settings):
    settings.CAPACITY_IMPORT_MAX_BYTES = 3 * 1024 * 1024
    settings.CAPACITY_IMPORT_MAX_ROWS = 500
    content = client.get("/arbeidscapaciteit/importeren/").content.decode()
    assert "Een bestand bevat hoogstens 500 regels en 3 MB." in content


@pytest.mark.parametrize("year", ["²", "2030" * 2000])
def test_a_year_that_is_no_plain_number_shows_the_last_year(client, examples, year):
    assert client.get("/arbeidscapaciteit/", {"scenario": "voorbeeld-gecombineerd", "jaar": year}).status_code == 200
