"""Exports of a scenario: names and sources that look like formulas are written as text, never run."""

import csv
from io import BytesIO, StringIO

import pytest
from openpyxl import load_workbook

from wattwijs.capacity import services
from wattwijs.capacity.tests.factories import DriverFactory, LabourIntensityFactory, ScenarioFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://example.org/x","klik")'


@pytest.fixture
def scenario():
    DriverFactory(year=2030, volume=100, source="@SUM(1+1)")
    LabourIntensityFactory(hours=15)
    scenario = ScenarioFactory(name=FORMULA)
    services.result_store(scenario=scenario)
    return scenario


def test_the_xlsx_export_writes_a_formula_like_name_as_text(client, scenario):
    response = client.get(f"/arbeidscapaciteit/scenarios/{scenario.slug}/export.xlsx")
    cell = load_workbook(BytesIO(response.content)).worksheets[0]["B1"]
    assert cell.value == "'" + FORMULA
    assert cell.data_type == "s"


def test_the_xlsx_export_writes_a_formula_like_source_as_text(client, scenario):
    response = client.get(f"/arbeidscapaciteit/scenarios/{scenario.slug}/export.xlsx")
    values = [row[0] for row in load_workbook(BytesIO(response.content)).worksheets[0].values]
    assert "'@SUM(1+1)" in values
    assert "@SUM(1+1)" not in values


def test_the_csv_export_writes_a_formula_like_name_as_text(client, scenario):
    response = client.get(f"/arbeidscapaciteit/scenarios/{scenario.slug}/export.csv")
    rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Scenario", "'" + FORMULA]


def test_the_csv_export_holds_a_row_per_cell_with_demand(client, scenario):
    response = client.get(f"/arbeidscapaciteit/scenarios/{scenario.slug}/export.csv")
    rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1] == ["Regio", "Thema", "Beroep", "Jaar", "Vraag (fte)", "Aanbod (fte)", "Tekort (fte)"]
    assert ["Midden-Utrecht", "Warmtepompen", "Monteur warmtepompen", "2030", "1.0", "0.0", "1.0"] in rows
