import re
from io import BytesIO

import pytest
from django.contrib.staticfiles import finders
from openpyxl import load_workbook

from wattwijs.core.tests.factories import OrganisationFactory, region, theme
from wattwijs.training.models import OfferKind, OfferStatus, OverlapMark, TargetGroup, TrainingOffer
from wattwijs.training.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def _offers(count):
    provider = OrganisationFactory()
    for number in range(count):
        OfferFactory(
            providers=[provider],
            regions=[region("AMR12"), region("AMR16")],
            themes=[theme("zon-pv"), theme("warmtepompen")],
            target_groups=[TargetGroup.WORKERS, TargetGroup.JOB_SEEKERS],
            status=OfferStatus.IN_DEVELOPMENT if number % 2 else OfferStatus.RUNNING,
        )


def _post_data(world, **changes):
    data = {
        "title": "Cursus warmtepomp",
        "kind": "cursus",
        "status": "gepland",
        "providers": [world.roc.pk],
        "regions": ["AMR12"],
        "themes": ["warmtepompen"],
        "target_groups": ["werkenden"],
    }
    data.update(changes)
    return data


def test_it_lists_offers_with_facet_counts(client):
    OfferFactory(title="Zonnepanelen leggen", themes=[theme("zon-pv")])
    OfferFactory(title="Warmtepomp bijscholing", themes=[theme("warmtepompen")])
    content = client.get("/opleidingen/aanbod/").content.decode()
    assert "2 opleidingen" in content
    assert 'Zon-PV <span class="count">(1)</span>' in content


def test_it_filters_the_list_by_theme_including_sub_themes(client):
    OfferFactory(title="Zonnepanelen leggen", themes=[theme("zon-pv")])
    OfferFactory(title="Laadpalen", themes=[theme("laadinfrastructuur")])
    content = client.get("/opleidingen/aanbod/?theme=gebouwde-omgeving").content.decode()
    assert "Zonnepanelen leggen" in content
    assert "Laadpalen" not in content


def test_it_shows_active_filters_as_removable_chips(client):
    OfferFactory(kind=OfferKind.BBL)
    content = client.get("/opleidingen/aanbod/?kind=bbl&q=warmte").content.decode()
    assert 'class="chip"><a href="?q=warmte"' in content


def test_it_shows_an_empty_state_with_what_to_try(client):
    content = client.get("/opleidingen/aanbod/?q=bestaatniet").content.decode()
    assert "Geen opleidingen gevonden met deze filters." in content


def test_it_drops_a_filter_value_that_does_not_exist(client):
    OfferFactory()
    response = client.get("/opleidingen/aanbod/?level=9&sort=nonsense")
    assert response.status_code == 200
    assert "1 opleiding" in response.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_queries_do_not_grow_with_offers(client, django_assert_max_num_queries, count):
    _offers(count)
    with django_assert_max_num_queries(14):
        client.get("/opleidingen/aanbod/")


@pytest.mark.parametrize("count", [3, 30])
def test_the_matrix_queries_do_not_grow_with_offers(client, django_assert_max_num_queries, count):
    _offers(count)
    with django_assert_max_num_queries(5):
        client.get("/opleidingen/?level=3&target=werkenden")


def test_it_counts_available_and_developing_offers_per_cell(client):
    _offers(3)
    matrix = client.get("/opleidingen/").context["matrix"]
    rows = {row.header.key: row for row in matrix.rows}
    column = [c.key for c in matrix.columns].index("AMR12")
    cell = rows["zon-pv"].cells[column]
    assert (cell.available, cell.developing) == (2, 1)
    # The parent theme counts each offer once, although it has two of its sub-themes.
    assert rows["gebouwde-omgeving"].cells[column].total == 3


def test_it_links_each_cell_to_its_filtered_list(client):
    _offers(1)
    matrix = client.get("/opleidingen/?level=3").context["matrix"]
    rows = {row.header.key: row for row in matrix.rows}
    column = [c.key for c in matrix.columns].index("AMR12")
    assert rows["zon-pv"].cells[column].url == "/opleidingen/aanbod/?level=3&theme=zon-pv&region=AMR12"


def test_it_switches_the_matrix_to_regions_by_target_groups(client):
    _offers(2)
    matrix = client.get("/opleidingen/?indeling=regio-doelgroep").context["matrix"]
    rows = {row.header.key: row for row in matrix.rows}
    column = [c.key for c in matrix.columns].index("werkzoekenden")
    assert rows["AMR16"].cells[column].total == 2


def test_it_filters_the_matrix_by_kind(client):
    OfferFactory(kind=OfferKind.BBL)
    OfferFactory(kind=OfferKind.COURSE)
    matrix = client.get("/opleidingen/?kind=bbl").context["matrix"]
    assert sum(cell.total for row in matrix.rows for cell in row.cells if not row.header.is_parent) == 1


def test_it_exports_the_matrix_to_xlsx(client):
    _offers(2)
    response = client.get("/opleidingen/export/schema.xlsx")
    workbook = load_workbook(BytesIO(response.content))
    sheet = workbook["Matrix"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Zon-PV")
    assert row[header.index("Midden-Utrecht")] == 2


def test_it_exports_the_offer_list_to_xlsx(client):
    OfferFactory(title="Zonnepanelen leggen")
    response = client.get("/opleidingen/export/aanbod.xlsx")
    sheet = load_workbook(BytesIO(response.content))["Opleidingen"]
    assert sheet["A2"].value == "Zonnepanelen leggen"


def test_it_shows_the_detail_page_with_format(client):
    offer = OfferFactory(days_at_work=4, days_at_school=1, format_note="op een project in de wijk")
    content = client.get(offer.get_absolute_url()).content.decode()
    assert "4 dagen op het werk, 1 dagen op school" in content


def test_it_shows_phase_and_expected_start_of_an_offer_in_development(client):
    offer = OfferFactory(status=OfferStatus.IN_DEVELOPMENT, development_phase="pilot", expected_start="2027-02-01")
    content = client.get(offer.get_absolute_url()).content.decode()
    assert "fase Pilot" in content
    assert "februari 2027" in content


def test_it_lets_a_provider_create_an_offer(world, client):
    client.force_login(world.alice)
    response = client.post("/opleidingen/aanbod/nieuw/", _post_data(world))
    offer = TrainingOffer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == offer.get_absolute_url()


def test_it_refuses_a_region_that_does_not_exist_and_saves_nothing(world, client):
    client.force_login(world.alice)
    response = client.post("/opleidingen/aanbod/nieuw/", _post_data(world, regions=["AMR99"]))
    assert response.status_code == 400
    assert "AMR99 bestaat niet. Kies uit de lijst." in response.content.decode()
    assert not TrainingOffer.objects.exists()


def test_it_refuses_a_theme_that_does_not_exist_and_saves_nothing(world, client):
    client.force_login(world.alice)
    response = client.post("/opleidingen/aanbod/nieuw/", _post_data(world, themes=["kernfusie"]))
    assert response.status_code == 400
    assert not TrainingOffer.objects.exists()


def test_it_refuses_an_end_date_before_the_start_in_the_form(world, client):
    client.force_login(world.alice)
    response = client.post(
        "/opleidingen/aanbod/nieuw/", _post_data(world, start_date="2026-09-01", end_date="2026-08-01")
    )
    assert response.status_code == 400
    assert "De einddatum ligt vóór de startdatum." in response.content.decode()
    assert not TrainingOffer.objects.exists()


def test_it_refuses_negative_places_in_the_form(world, client):
    client.force_login(world.alice)
    response = client.post("/opleidingen/aanbod/nieuw/", _post_data(world, places_available="-3"))
    assert response.status_code == 400
    assert not TrainingOffer.objects.exists()


def test_it_keeps_the_input_when_the_form_is_refused(world, client):
    client.force_login(world.alice)
    response = client.post("/opleidingen/aanbod/nieuw/", _post_data(world, places_available="-3"))
    assert 'value="Cursus warmtepomp"' in response.content.decode()


def test_it_forbids_editing_another_providers_offer(world, client):
    offer = OfferFactory(providers=[world.gemeente])
    client.force_login(world.alice)
    assert client.get(f"/opleidingen/aanbod/{offer.pk}/bewerken/").status_code == 403
    assert client.post(f"/opleidingen/aanbod/{offer.pk}/bewerken/", _post_data(world)).status_code == 403


def test_it_lets_a_provider_edit_its_own_offer(world, client):
    offer = OfferFactory(providers=[world.roc])
    client.force_login(world.alice)
    assert client.get(f"/opleidingen/aanbod/{offer.pk}/bewerken/").status_code == 200
    client.post(f"/opleidingen/aanbod/{offer.pk}/bewerken/", _post_data(world, title="Aangepast"))
    offer.refresh_from_db()
    assert offer.title == "Aangepast"


def test_it_shows_overlapping_pairs_with_the_reason(client, work_processes):
    OfferFactory(title="Eerste", work_processes=work_processes[:5])
    OfferFactory(title="Tweede", work_processes=work_processes[:5])
    content = client.get("/opleidingen/overlap/").content.decode()
    assert "100% dezelfde werkprocessen, zelfde doelgroep" in content


def test_it_lets_a_coordinator_mark_a_pair(world, client):
    first, second = OfferFactory(), OfferFactory()
    client.force_login(world.alice)
    response = client.post(
        f"/opleidingen/overlap/{first.pk}-{second.pk}/", {"verdict": "afstemmen", "note": "Bellen", "next": "/"}
    )
    assert response.status_code == 302
    assert OverlapMark.objects.get().note == "Bellen"


def test_it_forbids_marking_a_pair_to_a_coach(world, client):
    first, second = OfferFactory(), OfferFactory()
    client.force_login(world.bob)
    response = client.post(f"/opleidingen/overlap/{first.pk}-{second.pk}/", {"verdict": "afstemmen"})
    assert response.status_code == 403
    assert not OverlapMark.objects.exists()


def test_it_shows_the_region_page_with_gaps(client, qualification, work_processes):
    OfferFactory(work_processes=work_processes[:4])
    content = client.get(f"/opleidingen/regios/AMR12/?kwalificatie={qualification.pk}").content.decode()
    assert "dekken 4 van de 10 werkprocessen" in content


def test_it_saves_priority_themes_from_the_region_page(world, client):
    client.force_login(world.alice)
    response = client.post("/opleidingen/regios/AMR12/prioriteiten/", {"themes": ["warmtenetten"]})
    assert response.status_code == 302
    content = client.get("/opleidingen/witte-vlekken/").content.decode()
    assert '<span class="gap">Warmtenetten</span>' in content


def test_it_answers_404_for_a_region_that_does_not_exist(client):
    assert client.get("/opleidingen/regios/AMR99/").status_code == 404


def test_the_region_page_of_the_platform_links_to_the_training_map(client):
    assert "/opleidingen/regios/AMR12/" in client.get("/regios/AMR12/").content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_overlap_page_queries_do_not_grow_with_offers(client, django_assert_max_num_queries, count, work_processes):
    for _ in range(count):
        OfferFactory(providers=[OrganisationFactory()], work_processes=work_processes[:5])
    with django_assert_max_num_queries(14):
        client.get("/opleidingen/overlap/")


@pytest.mark.parametrize("count", [3, 30])
def test_the_gaps_page_queries_do_not_grow_with_offers(client, django_assert_max_num_queries, count):
    _offers(count)
    with django_assert_max_num_queries(5):
        client.get("/opleidingen/witte-vlekken/")


@pytest.mark.parametrize("count", [3, 30])
def test_the_region_page_queries_do_not_grow_with_offers(client, django_assert_max_num_queries, count):
    _offers(count)
    with django_assert_max_num_queries(16):
        client.get("/opleidingen/regios/AMR12/")


def test_it_shows_every_pair_for_a_region_that_does_not_exist(client, work_processes):
    OfferFactory(work_processes=work_processes[:5])
    OfferFactory(work_processes=work_processes[:5])
    response = client.get("/opleidingen/overlap/?region=AMR99")
    assert response.status_code == 200
    assert len(response.context["rows"]) == 1


def test_it_filters_the_overlap_by_region(client, work_processes):
    OfferFactory(work_processes=work_processes[:5])
    OfferFactory(work_processes=work_processes[:5])
    assert client.get("/opleidingen/overlap/?region=AMR01").context["rows"] == []


def test_it_draws_the_offers_per_theme_chart_from_a_table_on_the_matrix_page(client):
    _offers(3)
    content = client.get("/opleidingen/").content.decode()
    assert '<figure class="chart" data-chart-table="row-totals" hidden>' in content
    assert '<table id="row-totals" class="totals">' in content
    assert '<th scope="row">Zon-PV</th><td>2</td><td>1</td>' in content


def test_it_titles_the_chart_with_its_finding(client):
    OfferFactory(themes=[theme("warmtenetten")])
    content = client.get("/opleidingen/?indeling=regio-doelgroep").content.decode()
    assert "Midden-Utrecht heeft de meeste opleidingen: 1 beschikbaar en 0 in ontwikkeling." in content


def test_it_says_so_when_the_chart_has_no_offers(client):
    content = client.get("/opleidingen/").content.decode()
    assert "<figcaption>Geen opleidingen gevonden met deze filters.</figcaption>" in content


def test_it_draws_the_region_supply_chart_from_its_table(client):
    OfferFactory(themes=[theme("warmtepompen")], status=OfferStatus.IN_DEVELOPMENT)
    content = client.get("/opleidingen/regios/AMR12/").content.decode()
    assert '<figure class="chart" data-chart-table="supply" hidden>' in content
    # The main theme counts its sub-themes too and comes first.
    assert "Gebouwde omgeving heeft de meeste opleidingen: 0 beschikbaar en 1 in ontwikkeling." in content


@pytest.mark.parametrize("path", ["/opleidingen/", "/opleidingen/regios/AMR12/"])
def test_the_chart_pages_load_their_scripts_from_files_only(client, path):
    content = client.get(path).content.decode()
    scripts = re.findall(r"<script[^>]*>", content)
    assert '<script src="/static/vendor/chartjs/chart.umd.min.js" defer>' in scripts
    assert '<script src="/static/core/charts.js" defer>' in scripts
    assert all("src=" in script or 'type="application/json"' in script for script in scripts)


@pytest.mark.parametrize("path", ["vendor/chartjs/chart.umd.min.js", "core/charts.js"])
def test_it_serves_the_chart_scripts_as_static_files(path):
    assert finders.find(path) is not None


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("/opleidingen/?level=3", "/opleidingen/export/schema.pdf?level=3"),
        ("/opleidingen/aanbod/?theme=zon-pv", "/opleidingen/export/aanbod.pdf?theme=zon-pv"),
        ("/opleidingen/overlap/?region=AMR12", "/opleidingen/export/overlap.pdf?region=AMR12"),
        ("/opleidingen/witte-vlekken/", "/opleidingen/export/witte-vlekken.pdf"),
        ("/opleidingen/regios/AMR12/", "/opleidingen/regios/AMR12/witte-vlekken.pdf"),
    ],
)
def test_it_links_the_pdf_next_to_the_other_downloads(client, path, link):
    assert f'<a href="{link}">' in client.get(path).content.decode()
