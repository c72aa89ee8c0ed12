"""Print-ready A4 PDF files built from a few simple blocks, with reportlab.

Usage::

    from wattwijs.core.pdf import Heading, Paragraph, Table, render_pdf

    content = render_pdf(
        "Opleidingsschema",
        [
            Paragraph("Aanbod per thema."),
            Table(header=["Thema", "Beschikbaar"], rows=[["Zon-PV", 12]], widths=[3, 1]),
        ],
        landscape=True,
    )

The title is the document's first heading and its PDF metadata title. Every page ends in a footer line with
"WattWijs", the date of generation and the page number, in the active language. Tables wrap their text, repeat
their header row on each page and may run over many pages; pass ``landscape=True`` for wide ones. Text is set
in the PDF standard fonts, which cover Dutch (Windows-1252); other characters are replaced.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import landscape as landscape_size
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph as PlatypusParagraph  # type: ignore[import-untyped]
from reportlab.platypus import SimpleDocTemplate, Spacer
from reportlab.platypus import Table as PlatypusTable

__all__ = ["Block", "Heading", "Paragraph", "Table", "render_pdf"]

MARGIN = 15 * mm
HEADER_BACKGROUND = colors.HexColor("#e6f2ec")
GRID = colors.HexColor("#9aa5a0")


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is a section, 2 and 3 are sub-sections."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text (no markup)."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table with a header row; cells are shown with ``str()`` (``None`` as empty).

    ``widths`` are relative column widths (e.g. ``[3, 1, 1]``); by default all columns are equally wide.
    """

    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Sequence[float] | None = None


Block = Heading | Paragraph | Table


def _showable(text: object) -> str:
    """The text as the standard fonts can show it (Windows-1252)."""
    value = "" if text is None else str(text)
    return value.encode("cp1252", errors="replace").decode("cp1252")


def _plain(text: object) -> str:
    """Escaped for reportlab's paragraph markup."""
    return escape(_showable(text))


def _font_size(columns: int) -> float:
    if columns > 24:
        return 5.5
    if columns > 12:
        return 6.5
    return 8.5


def _table(block: Table, width: float, styles: Any) -> PlatypusTable:
    columns = max(len(block.header), 1)
    size = _font_size(columns)
    cell = ParagraphStyle("cell", parent=styles["BodyText"], fontSize=size, leading=size * 1.2, spaceAfter=0)
    head = ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold")
    weights = list(block.widths) if block.widths and len(block.widths) == columns else [1.0] * columns
    total = sum(weights)
    column_widths = [width * weight / total for weight in weights]
    room = [column_width - 4 for column_width in column_widths]

    def content(value: object, column: int) -> Any:
        # A paragraph wraps, but costs a hundred times more than a plain string: only text too wide gets one.
        text = _showable(value)
        if column < columns and stringWidth(text, "Helvetica", size) <= room[column]:
            return text
        return PlatypusParagraph(escape(text), cell)

    data: list[list[Any]] = [[PlatypusParagraph(_plain(text), head) for text in block.header]]
    data.extend([content(value, column) for column, value in enumerate(row)] for row in block.rows)
    table = PlatypusTable(data, colWidths=column_widths, repeatRows=1)
    table.setStyle(
        [
            ("FONT", (0, 1), (-1, -1), "Helvetica", size, size * 1.2),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("GRID", (0, 0), (-1, -1), 0.25, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
    )
    return table


def render_pdf(title: str, blocks: Iterable[Block], *, landscape: bool = False) -> bytes:
    """An A4 PDF (portrait, or landscape for wide tables) with ``title`` as heading and the blocks below it."""
    buffer = BytesIO()
    pagesize = landscape_size(A4) if landscape else A4
    generated = _("Generated by WattWijs on %(date)s") % {"date": formats.date_format(timezone.localdate(), "j F Y")}
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 5 * mm,
        title=title,
        author="WattWijs",
        creator="WattWijs",
        lang=get_language() or "nl",
    )
    styles = getSampleStyleSheet()
    heading_styles = {1: styles["Heading2"], 2: styles["Heading3"], 3: styles["Heading4"]}

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.HexColor("#3a3a3a"))
        y = MARGIN - 2 * mm
        canvas.drawString(MARGIN, y, _showable(f"WattWijs · {title}")[:120])
        page = _("page %(number)s") % {"number": doc.page}
        canvas.drawRightString(pagesize[0] - MARGIN, y, f"{generated} · {page}")
        canvas.restoreState()

    story: list[Any] = [PlatypusParagraph(_plain(title), styles["Title"])]
    for block in blocks:
        if isinstance(block, Heading):
            story.append(PlatypusParagraph(_plain(block.text), heading_styles.get(block.level, styles["Heading4"])))
        elif isinstance(block, Paragraph):
            story.append(PlatypusParagraph(_plain(block.text), styles["BodyText"]))
        else:
            story.append(_table(block, document.width, styles))
            story.append(Spacer(1, 4 * mm))
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
