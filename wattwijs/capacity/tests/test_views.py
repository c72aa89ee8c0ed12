"""The capacity pages: overviews from stored results, scenarios, comparison, editor, export, adoption."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from wattwijs.capacity import demo
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


def test_a_negative_parameter_is_refused_and_changes_nothing(client, examples, coordinator):
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
    response = client.post("/arbeidscapaciteit/scenarios/voorbeeld-basis/bewerken/", data)
    assert response.status_code == 200
    assert Scenario.objects.get(slug="voorbeeld-basis").demand_factor == 1


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
