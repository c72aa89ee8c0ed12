"""The training map as print-ready PDF files: the matrix, the offers, the overlapping pairs and the gaps."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wattwijs.core.models import Region
from wattwijs.core.pdf import Block, Heading, Paragraph, Table, render_pdf
from wattwijs.framework.models import Qualification
from wattwijs.training import selectors, tables
from wattwijs.training.models import LEVEL_CHOICES, OfferKind, OfferStatus, TargetGroup
from wattwijs.training.selectors import Cell, Matrix, OfferFilters

# A PDF is for reading and printing; the XLSX export has every row.
MAX_ROWS = 500
# Wider matrices are turned a quarter so that they fit a landscape page.
MAX_COLUMNS = 20

DIMENSIONS = {
    "theme": gettext_lazy("Theme"),
    "region": gettext_lazy("Region"),
    "kind": gettext_lazy("Kind"),
    "target": gettext_lazy("Target group"),
}


def _source() -> Paragraph:
    return Paragraph(_("Source: offers registered in WattWijs by their providers. Demo offers are fictitious."))


def _joined(items: Iterable[object]) -> str:
    return ", ".join(str(item) for item in items) or "—"


def _filter_summary(filters: OfferFilters) -> list[Block]:
    chosen = []
    if filters.level:
        chosen.append(str(dict(LEVEL_CHOICES).get(int(filters.level), filters.level)))
    if filters.target:
        chosen.append(str(dict(TargetGroup.choices).get(filters.target, filters.target)))
    if filters.kind:
        chosen.append(str(dict(OfferKind.choices).get(filters.kind, filters.kind)))
    if filters.status == "beschikbaar":
        chosen.append(_("available"))
    elif filters.status:
        chosen.append(str(dict(OfferStatus.choices).get(filters.status, filters.status)))
    if not chosen:
        return []
    return [Paragraph(_("Filters: %(filters)s") % {"filters": ", ".join(chosen)})]


def _count(cell: Cell) -> str:
    if not cell.total:
        return ""
    return f"{cell.available} +{cell.developing}" if cell.developing else str(cell.available)


def _dimension(name: str) -> str:
    return str(DIMENSIONS.get(name, name))


def _matrix_table(matrix: Matrix) -> Table:
    if len(matrix.columns) <= MAX_COLUMNS:
        return Table(
            header=[_dimension(matrix.row_dimension), *(column.label for column in matrix.columns)],
            rows=[[row.header.label, *(_count(cell) for cell in row.cells)] for row in matrix.rows],
            widths=[3, *([1] * len(matrix.columns))],
        )
    return Table(
        header=[_dimension(matrix.column_dimension), *(row.header.label for row in matrix.rows)],
        rows=[
            [column.label, *(_count(row.cells[index]) for row in matrix.rows)]
            for index, column in enumerate(matrix.columns)
        ],
        widths=[3, *([1] * len(matrix.rows))],
    )


def matrix_pdf(*, filters: OfferFilters, layout: str = "") -> bytes:
    """The matrix on a landscape page, with the offers per row below it."""
    matrix = selectors.matrix(filters=filters, layout=layout, cell_url=lambda *args: "")
    blocks: list[Block] = [
        Paragraph(
            _(
                "Each number is the number of offers available; a plus shows the offers in development. "
                "Rows: %(rows)s. Columns: %(columns)s."
            )
            % {"rows": _dimension(matrix.row_dimension), "columns": _dimension(matrix.column_dimension)}
        ),
        *_filter_summary(filters),
        _matrix_table(matrix),
        Heading(_("Offers per %(dimension)s") % {"dimension": _dimension(matrix.row_dimension).lower()}),
        Table(
            header=[_dimension(matrix.row_dimension), _("Available"), _("In development")],
            rows=[[total.header.label, total.available, total.developing] for total in matrix.row_totals],
            widths=[3, 1, 1],
        ),
        _source(),
    ]
    return render_pdf(_("Training map"), blocks, landscape=True)


def _first_rows_note(shown: int, total: int) -> list[Block]:
    if total <= shown:
        return []
    return [
        Paragraph(
            _("This file shows the first %(shown)s of %(total)s; the Excel file has them all.")
            % {"shown": shown, "total": total}
        )
    ]


def offers_pdf(*, filters: OfferFilters, layout: str = "") -> bytes:
    """The offers the list shows for these filters, at most ``MAX_ROWS``."""
    queryset = selectors.offer_list(filters)
    total = queryset.count()
    rows = [tables.as_text(tables.offer_row(offer, with_places=False)) for offer in queryset[:MAX_ROWS]]
    blocks: list[Block] = [
        Paragraph(_("%(count)s offers") % {"count": total}),
        *_first_rows_note(len(rows), total),
        Table(
            header=tables.offer_header(with_places=False),
            rows=rows,
            widths=[4, 2, 1.5, 1, 3, 3, 3, 2.5, 1.5, 1],
        ),
        _source(),
    ]
    return render_pdf(_("Training offers"), blocks, landscape=True)


def overlap_pdf(*, region: Region | None = None, verdict: str = "") -> bytes:
    """The overlapping pairs the overlap list shows for this region and verdict, at most ``MAX_ROWS``."""
    pairs = selectors.overlap_filter(selectors.overlap_pairs(), region=region, verdict=verdict)
    rows = selectors.overlap_rows(pairs[:MAX_ROWS])
    blocks: list[Block] = [
        Paragraph(_("%(count)s overlapping pairs") % {"count": len(pairs)}),
        *([Paragraph(_("Region: %(name)s") % {"name": region.name})] if region else []),
        *_first_rows_note(len(rows), len(pairs)),
        Table(
            header=tables.overlap_header(),
            rows=[tables.as_text(tables.overlap_row(row)) for row in rows],
            widths=[3, 2, 3, 2, 4, 1.5, 3],
        ),
    ]
    return render_pdf(_("Overlap"), blocks, landscape=True)


def gaps_pdf(*, filters: OfferFilters | None = None, layout: str = "") -> bytes:
    """Per region: the priority themes and the target groups without an offer."""
    blocks: list[Block] = [
        Paragraph(
            _(
                "Per region: the priority themes (set by the region's coordinators) and the target groups for "
                "which no offer is available or in development."
            )
        ),
        Table(
            header=tables.gap_header(),
            rows=[tables.as_text(tables.gap_row(row)) for row in selectors.all_region_gaps()],
            widths=[2, 3, 3],
        ),
    ]
    return render_pdf(_("Gaps"), blocks)


def region_gaps_pdf(*, region: Region, qualification: Qualification | None = None) -> bytes:
    """What is missing in one region, with its offers per theme; for a qualification, the uncovered work processes."""
    gaps = selectors.region_gaps(region=region, qualification=qualification)
    supply = selectors.region_theme_supply(region=region)
    blocks: list[Block] = [
        Heading(_("Priority themes without offer")),
        Paragraph(
            _joined(theme.name for theme in gaps.priority_themes_without_offer)
            if gaps.priority_themes_without_offer
            else _("Every priority theme has at least one offer (or no priorities are set).")
        ),
        Heading(_("Target groups without offer")),
        Paragraph(
            _joined(gaps.target_groups_without_offer)
            if gaps.target_groups_without_offer
            else _("Every target group has at least one offer.")
        ),
    ]
    if gaps.qualification is not None:
        blocks.append(Heading(_("Work processes no offer covers")))
        blocks.append(
            Paragraph(
                _("Offers in this region cover %(covered)s of the %(total)s work processes of %(name)s.")
                % {"covered": gaps.covered_count, "total": gaps.total_count, "name": gaps.qualification}
            )
        )
        if gaps.uncovered_work_processes:
            blocks.append(
                Table(
                    header=[_("Code"), _("Work process")],
                    rows=[[wp.code, wp.name] for wp in gaps.uncovered_work_processes],
                    widths=[1, 5],
                )
            )
    blocks.extend(
        [
            Heading(_("What the region offers per theme")),
            Table(
                header=[_("Theme"), _("Available"), _("In development"), _("Priority")],
                rows=[
                    [
                        row.theme.name,
                        row.available,
                        row.developing,
                        _("Priority, no offer") if row.is_gap else (_("Priority") if row.is_priority else ""),
                    ]
                    for row in supply
                ],
                widths=[4, 1, 1, 2],
            ),
            _source(),
        ]
    )
    return render_pdf(_("Gaps in %(name)s") % {"name": region.name}, blocks)
