"""A scenario as an XLSX workbook: sources, the gap per year, every non-empty cell and the sensitivity."""

from __future__ import annotations

from io import BytesIO

import numpy as np
from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]

from wattwijs.capacity import selectors
from wattwijs.capacity.models import Occupation, Scenario
from wattwijs.core.models import Region, Theme

EXAMPLE_NOTE = "Voorbeeldcijfers: deze cijfers zijn een voorbeeld en geen echte statistiek."


def _header(sheet: object, names: list[str]) -> None:
    sheet.append(names)  # type: ignore[attr-defined]
    for cell in sheet[1]:  # type: ignore[index]
        cell.font = Font(bold=True)


def scenario_workbook(scenario: Scenario) -> bytes:
    workbook = Workbook()
    about = workbook.worksheets[0]
    about.title = _("About")[:31]
    about.append([_("Scenario: %(name)s") % {"name": scenario.name}])
    about["A1"].font = Font(bold=True)
    result = getattr(scenario, "result", None)
    if result is not None and (result.uses_examples or scenario.is_example):
        about.append([EXAMPLE_NOTE])
    about.append([_("Parameters")])
    for label, value in selectors.parameter_rows(scenario):
        about.append([label, value])
    about.append([_("Sources")])
    for source in result.sources if result is not None else []:
        about.append([source])
    if result is None:
        return _bytes(workbook)
    found = selectors.overview(scenario=scenario)
    years = workbook.create_sheet(_("Per year")[:31])
    _header(years, [_("Year"), _("Demand (FTE)"), _("Supply (FTE)"), _("Gap (FTE)")])
    for row in found.per_year:
        years.append([int(row.label), round(row.demand, 1), round(row.supply, 1), round(row.gap, 1)])
    axes, demand, supply = selectors.detail_arrays(result)
    regions = Region.objects.in_bulk(axes["regions"])
    themes = Theme.objects.in_bulk(axes["themes"])
    occupations = Occupation.objects.in_bulk(axes["occupations"])
    cells = workbook.create_sheet(_("Cells")[:31])
    _header(
        cells,
        [_("Region"), _("Theme"), _("Occupation"), _("Year"), _("Demand (FTE)"), _("Supply (FTE)"), _("Gap (FTE)")],
    )
    for r, t, o, y in zip(*np.nonzero((demand > 0.05) | (supply > 0.05)), strict=True):
        cells.append(
            [
                regions[axes["regions"][r]].name,
                themes[axes["themes"][t]].name,
                occupations[axes["occupations"][o]].name,
                axes["years"][y],
                round(float(demand[r, t, o, y]), 2),
                round(float(supply[r, t, o, y]), 2),
                round(float(demand[r, t, o, y] - supply[r, t, o, y]), 2),
            ]
        )
    sensitivity = workbook.create_sheet(_("Sensitivity")[:31])
    _header(sensitivity, [_("Parameter"), _("Gap change at −10%"), _("Gap change at +10%")])
    for tornado in selectors.tornado_rows(result):
        sensitivity.append([tornado["label"], round(tornado["low"], 1), round(tornado["high"], 1)])
    return _bytes(workbook)


def _bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
