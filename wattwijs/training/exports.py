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

from wattwijs.training import selectors
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
        [
            _("Title"),
            _("Kind"),
            _("Status"),
            _("Level"),
            _("Providers"),
            _("Regions"),
            _("Themes"),
            _("Target groups"),
            _("First start date"),
            _("Places available"),
            _("Fictitious"),
        ],
        (
            [
                offer.title,
                offer.get_kind_display(),
                offer.get_status_display(),
                offer.level,
                ", ".join(p.name for p in offer.providers.all()),
                ", ".join(r.name for r in offer.regions.all()),
                ", ".join(t.name for t in offer.themes.all()),
                ", ".join(str(link.get_target_group_display()) for link in offer.target_group_links.all()),
                offer.start_date,
                offer.places_available,
                _("yes") if offer.is_fictitious else _("no"),
            ]
            for offer in offers.iterator(chunk_size=2000)
        ),
    )
    return _bytes(workbook)


def overlap_workbook(*, filters: OfferFilters, layout: str = "") -> bytes:
    workbook = Workbook()
    _about(workbook, _("Overlap"))
    rows = selectors.overlap_rows(selectors.overlap_pairs()[:MAX_ROWS])
    _sheet(
        workbook,
        _("Overlap"),
        [_("Offer"), _("Provider"), _("Offer"), _("Provider"), _("Reason"), _("Verdict"), _("Note")],
        (
            [
                row.first.title,
                ", ".join(p.name for p in row.first.providers.all()),
                row.second.title,
                ", ".join(p.name for p in row.second.providers.all()),
                row.reason,
                row.mark.get_verdict_display() if row.mark else "",
                row.mark.note if row.mark else "",
            ]
            for row in rows
        ),
    )
    return _bytes(workbook)


def gaps_workbook(*, filters: OfferFilters, layout: str = "") -> bytes:
    workbook = Workbook()
    _about(workbook, _("Gaps"))
    _sheet(
        workbook,
        _("Gaps"),
        [_("Region"), _("Priority themes without offer"), _("Target groups without offer")],
        (
            [
                row.region.name,
                ", ".join(theme.name for theme in row.priority_themes_without_offer),
                ", ".join(row.target_groups_without_offer),
            ]
            for row in selectors.all_region_gaps()
        ),
    )
    return _bytes(workbook)
