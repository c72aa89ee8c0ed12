"""The training map as XLSX workbooks: the matrix, the offers, the overlapping pairs and the gaps."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from wattwijs.training import selectors, tables
from wattwijs.training.selectors import OfferFilters

MAX_ROWS = 100_000


def _sheet(workbook: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Worksheet:
    sheet = workbook.create_sheet(title[:31])
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, row in enumerate(rows):
        if index >= MAX_ROWS:
            break
        sheet.append(list(row))
    sheet.freeze_panes = "B2"
    return sheet


def _about(workbook: Workbook, title: str) -> None:
    sheet = workbook.worksheets[0]
    sheet.title = _("About")[:31]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True)
    sheet.append([_("Source: WattWijs training map, %(date)s") % {"date": timezone.localdate().isoformat()}])
    sheet.append([_("Demo records are fictitious and are labelled as such.")])


def _bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def matrix_workbook(*, filters: OfferFilters, layout: str = "") -> bytes:
    """The matrix as a grid of totals, and every non-empty cell with available and in development."""
    matrix = selectors.matrix(filters=filters, layout=layout, cell_url=lambda *args: "")
    workbook = Workbook()
    _about(workbook, _("Training map"))
    _sheet(
        workbook,
        _("Matrix"),
        ["", *(column.label for column in matrix.columns)],
        ([row.header.label, *(cell.total for cell in row.cells)] for row in matrix.rows),
    )
    _sheet(
        workbook,
        _("Cells"),
        [_("Row"), _("Column"), _("Available"), _("In development")],
        ([row.label, column.label, cell.available, cell.developing] for row, column, cell in matrix.nonzero()),
    )
    return _bytes(workbook)


def offers_workbook(*, filters: OfferFilters, layout: str = "") -> bytes:
    """The offers the list shows for these filters, one row each."""
    workbook = Workbook()
    _about(workbook, _("Training offers"))
    offers = selectors.offer_list(filters)
    _sheet(
        workbook,
        _("Offers"),
        tables.offer_header(with_places=True),
        (tables.offer_row(offer, with_places=True) for offer in offers.iterator(chunk_size=2000)),
    )
    return _bytes(workbook)


def overlap_workbook(*, filters: OfferFilters, layout: str = "") -> bytes:
    workbook = Workbook()
    _about(workbook, _("Overlap"))
    rows = selectors.overlap_rows(selectors.overlap_pairs()[:MAX_ROWS])
    _sheet(workbook, _("Overlap"), tables.overlap_header(), (tables.overlap_row(row) for row in rows))
    return _bytes(workbook)


def gaps_workbook(*, filters: OfferFilters, layout: str = "") -> bytes:
    workbook = Workbook()
    _about(workbook, _("Gaps"))
    _sheet(workbook, _("Gaps"), tables.gap_header(), (tables.gap_row(row) for row in selectors.all_region_gaps()))
    return _bytes(workbook)
