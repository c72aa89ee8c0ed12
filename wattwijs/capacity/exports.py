"""A scenario as an XLSX workbook (sources, the gap per year, every non-empty cell and the sensitivity) or as a
CSV file of its cells. Every text cell goes through ``core.spreadsheets``, so names are never run as formulas."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from io import BytesIO, StringIO

import numpy as np
from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]

from wattwijs.capacity import selectors
from wattwijs.capacity.models import Scenario, ScenarioResult
from wattwijs.core.spreadsheets import protect, xlsx_value

EXAMPLE_NOTE = "Voorbeeldcijfers: deze cijfers zijn een voorbeeld en geen echte statistiek."


def _append(sheet: object, values: Sequence[object]) -> None:
    sheet.append([xlsx_value(value) for value in values])  # type: ignore[attr-defined]


def _header(sheet: object, names: list[str]) -> None:
    _append(sheet, names)
    for cell in sheet[1]:  # type: ignore[index]
        cell.font = Font(bold=True)


def cell_header() -> list[str]:
    return [_("Region"), _("Theme"), _("Occupation"), _("Year"), _("Demand (FTE)"), _("Supply (FTE)"), _("Gap (FTE)")]


def cell_rows(result: ScenarioResult) -> Iterator[list[object]]:
    """Every region × theme × occupation × year with demand or supply, labelled by name."""
    axes, demand, supply = selectors.detail_arrays(result)
    labels = selectors.axis_labels(axes)
    for r, t, o, y in zip(*np.nonzero((demand > 0.05) | (supply > 0.05)), strict=True):
        yield [
            labels.regions[r][1],
            labels.themes[t][1],
            labels.occupations[o][1],
            axes["years"][y],
            round(float(demand[r, t, o, y]), 2),
            round(float(supply[r, t, o, y]), 2),
            round(float(demand[r, t, o, y] - supply[r, t, o, y]), 2),
        ]


def scenario_workbook(scenario: Scenario) -> bytes:
    workbook = Workbook()
    about = workbook.worksheets[0]
    about.title = _("About")[:31]
    _append(about, [_("Scenario"), scenario.name])
    about["A1"].font = Font(bold=True)
    result = getattr(scenario, "result", None)
    if result is not None and (result.uses_examples or scenario.is_example):
        _append(about, [EXAMPLE_NOTE])
    _append(about, [_("Parameters")])
    for label, value in selectors.parameter_rows(scenario):
        _append(about, [label, value])
    _append(about, [_("Sources")])
    for source in selectors.source_labels(result) if result is not None else []:
        _append(about, [source])
    if result is None:
        return _bytes(workbook)
    found = selectors.overview(scenario=scenario)
    years = workbook.create_sheet(_("Per year")[:31])
    _header(years, [_("Year"), _("Demand (FTE)"), _("Supply (FTE)"), _("Gap (FTE)")])
    for row in found.per_year:
        _append(years, [int(row.label), round(row.demand, 1), round(row.supply, 1), round(row.gap, 1)])
    cells = workbook.create_sheet(_("Cells")[:31])
    _header(cells, cell_header())
    for values in cell_rows(result):
        _append(cells, values)
    sensitivity = workbook.create_sheet(_("Sensitivity")[:31])
    _header(sensitivity, [_("Parameter"), _("Gap change at −10%"), _("Gap change at +10%")])
    for tornado in selectors.tornado_rows(result):
        _append(sensitivity, [tornado["label"], round(tornado["low"], 1), round(tornado["high"], 1)])
    return _bytes(workbook)


def scenario_csv(scenario: Scenario) -> str:
    """The scenario's cells as CSV (with a byte order mark, so Excel reads UTF-8), headed by its name."""
    buffer = StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([_("Scenario"), protect(scenario.name)])
    result = getattr(scenario, "result", None)
    if result is not None and (result.uses_examples or scenario.is_example):
        writer.writerow([EXAMPLE_NOTE])
    writer.writerow(cell_header())
    if result is not None:
        for values in cell_rows(result):
            writer.writerow([protect(value) if isinstance(value, str) else value for value in values])
    return buffer.getvalue()


def _bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
