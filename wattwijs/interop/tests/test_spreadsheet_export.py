"""Exports of search results to CSV and XLSX: the whole result, published materials only, no formulas."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from wattwijs.core.tests.factories import theme
from wattwijs.library.models import ResourceVersion
from wattwijs.library.tests.factories import MBO3, material

pytestmark = pytest.mark.django_db


def csv_rows(client, query: str = "") -> list[dict[str, str]]:
    response = client.get(f"/leermiddelen/exporteren.csv{query}")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def xlsx_rows(client, query: str = "") -> list[tuple]:
    response = client.get(f"/leermiddelen/exporteren.xlsx{query}")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return list(workbook.worksheets[0].iter_rows(values_only=True))


def test_the_csv_export_holds_the_metadata_of_each_result(client):
    version = material(
        "Omvormer vervangen",
        themes=[theme("zon-pv")],
        keywords=["omvormer", "storing"],
        authors=["Sanne de Vries"],
        levels=[MBO3],
    )
    [row] = csv_rows(client)
    assert row["id"] == str(version.resource_id)
    assert row["link"].endswith(version.resource.get_absolute_url())
    assert (row["titel"], row["licentie"], row["themas"]) == ("Omvormer vervangen", "cc-by-40", "zon-pv")
    assert row["niveaus"] == "MBO, Niveau 3: Vakopleiding"
    assert (row["trefwoorden"], row["auteurs"], row["fictief"]) == ("omvormer|storing", "Sanne de Vries", "ja")


def test_the_export_follows_the_query_and_the_filters(client):
    material("Omvormer vervangen", licence="cc-by-40")
    material("Omvormer inregelen", licence="cc-by-sa-40")
    material("Laadpaal aansluiten", "Sluit een laadpaal aan.", licence="cc-by-sa-40")
    titles = [row["titel"] for row in csv_rows(client, "?q=omvormer&licence=cc-by-sa-40")]
    assert titles == ["Omvormer inregelen"]


def test_the_export_holds_every_result_not_just_the_first_page(client, settings):
    for number in range(settings.PAGE_SIZE + 3):
        material(f"Materiaal {number}")
    assert len(csv_rows(client)) == settings.PAGE_SIZE + 3


def test_drafts_and_archived_materials_are_not_exported(client):
    material("Gepubliceerd")
    material("Concept", status=ResourceVersion.Status.DRAFT)
    material("Ingediend", status=ResourceVersion.Status.SUBMITTED)
    assert [row["titel"] for row in csv_rows(client)] == ["Gepubliceerd"]


def test_cells_that_start_like_a_formula_are_protected_in_csv(client):
    material('=HYPERLINK("https://kwaad.example.org")', "+31 voorbeeld")
    [row] = csv_rows(client)
    assert row["titel"] == '\'=HYPERLINK("https://kwaad.example.org")'
    assert row["beschrijving"] == "'+31 voorbeeld"


def test_cells_that_start_like_a_formula_are_protected_in_xlsx(client):
    material("@SUM(A1:A2)", "-1 beschrijving")
    header, row = xlsx_rows(client)
    assert row[header.index("titel")] == "'@SUM(A1:A2)"
    assert row[header.index("beschrijving")] == "'-1 beschrijving"


def test_the_xlsx_export_has_the_same_columns_and_values_as_the_csv(client):
    material("Omvormer vervangen", keywords=["omvormer"])
    header, row = xlsx_rows(client)
    [csv_row] = csv_rows(client)
    assert list(header) == list(csv_row)
    assert row[header.index("titel")] == "Omvormer vervangen"
    assert row[header.index("trefwoorden")] == "omvormer"


def test_an_unknown_format_is_not_found(client):
    assert client.get("/leermiddelen/exporteren.json").status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_reads_a_bounded_number_of_queries(client, django_assert_max_num_queries, fmt, settings):
    for number in range(30):
        material(f"Materiaal {number}", themes=[theme("zon-pv")], authors=["A", "B"])
    with django_assert_max_num_queries(10):
        response = client.get(f"/leermiddelen/exporteren.{fmt}")
        b"".join(response.streaming_content)


def test_an_exported_row_imports_again(client, world):
    from wattwijs.interop import spreadsheets

    material("Omvormer vervangen", publisher=world.roc, themes=[theme("zon-pv")], authors=["Sanne de Vries"])
    response = client.get("/leermiddelen/exporteren.csv")
    rows = spreadsheets.read(b"".join(response.streaming_content), fmt="csv")
    # The export's own columns (id, link, publication date) are not import columns.
    reduced = [
        spreadsheets.Row(row.number, {k: v for k, v in row.values.items() if k in spreadsheets.COLUMN_NAMES})
        for row in rows
    ]
    checked = spreadsheets.check(reduced, actor=world.alice)
    assert checked.errors == []
    assert checked.valid[0].data["title"] == "Omvormer vervangen"


def test_the_search_page_links_to_the_export_of_the_same_search(client):
    material("Omvormer vervangen")
    body = client.get("/leermiddelen/", {"q": "omvormer"}).content.decode()
    assert 'href="/leermiddelen/exporteren.csv?q=omvormer"' in body
    assert 'href="/leermiddelen/exporteren.xlsx?q=omvormer"' in body


def test_the_export_stops_at_the_configured_number_of_results(client, settings):
    settings.INTEROP_EXPORT_MAX_ROWS = 2
    for number in range(3):
        material(f"Materiaal {number}")
    assert len(csv_rows(client)) == 2


def test_the_results_page_says_when_only_the_first_results_are_exported(client, settings):
    settings.INTEROP_EXPORT_MAX_ROWS = 2
    for number in range(3):
        material(f"Materiaal {number}")
    assert "Exporteer de eerste 2 resultaten" in client.get("/leermiddelen/").content.decode()
