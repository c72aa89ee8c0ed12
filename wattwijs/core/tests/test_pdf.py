from __future__ import annotations

from io import BytesIO

from django.utils import formats, timezone, translation
from pypdf import PdfReader

from wattwijs.core.pdf import Heading, Paragraph, Table, render_pdf


def _read(content: bytes) -> PdfReader:
    return PdfReader(BytesIO(content))


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in _read(content).pages)


def test_it_makes_a_pdf_file() -> None:
    content = render_pdf("Opleidingsschema", [])

    assert content.startswith(b"%PDF-")


def test_it_sets_the_title_as_metadata_and_first_heading() -> None:
    content = render_pdf("Witte vlekken in Groot Amsterdam", [Paragraph("Tekst")])

    assert _read(content).metadata.title == "Witte vlekken in Groot Amsterdam"
    assert _text(content).index("Witte vlekken in Groot Amsterdam") < _text(content).index("Tekst")


def test_it_shows_headings_paragraphs_and_table_cells() -> None:
    content = render_pdf(
        "Titel",
        [
            Heading("Aanbod per thema"),
            Paragraph("Zon-PV heeft het meeste aanbod."),
            Table(header=["Thema", "Beschikbaar"], rows=[["Warmtepompen", 12], ["Isolatie", None]]),
        ],
    )

    text = _text(content)
    for expected in ("Aanbod per thema", "Zon-PV heeft het meeste aanbod.", "Thema", "Warmtepompen", "12", "Isolatie"):
        assert expected in text


def test_it_keeps_dutch_characters() -> None:
    content = render_pdf("Titel", [Paragraph("Coördinator van één café – “zo”")])

    assert "Coördinator van één café – “zo”" in _text(content)


def test_it_shows_markup_characters_as_text() -> None:
    content = render_pdf("Titel", [Paragraph("Lager <b>dan</b> & meer")], landscape=False)

    assert "Lager <b>dan</b> & meer" in _text(content)


def test_it_replaces_characters_the_fonts_cannot_show() -> None:
    content = render_pdf("Titel", [Paragraph("A ↔ B")])

    assert "A ? B" in _text(content)


def test_it_is_portrait_a4_by_default() -> None:
    box = _read(render_pdf("Titel", [])).pages[0].mediabox

    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_it_turns_the_page_for_wide_tables() -> None:
    box = _read(render_pdf("Titel", [], landscape=True)).pages[0].mediabox

    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_it_repeats_the_header_row_on_every_page() -> None:
    rows = [[f"Rij {number}", number] for number in range(200)]
    reader = _read(render_pdf("Titel", [Table(header=["Kolomkop", "Aantal"], rows=rows)]))

    assert len(reader.pages) > 1
    assert all("Kolomkop" in page.extract_text() for page in reader.pages)
    assert "Rij 199" in reader.pages[-1].extract_text()


def test_it_wraps_long_cell_text_within_its_column() -> None:
    long_text = "een lange omschrijving " * 20
    content = render_pdf("Titel", [Table(header=["Omschrijving", "Aantal"], rows=[[long_text, 1]], widths=[1, 1])])

    lines = [line for line in _text(content).splitlines() if "omschrijving" in line]
    assert len(lines) > 1


def test_it_puts_the_generation_date_and_wattwijs_in_the_footer() -> None:
    with translation.override("nl"):
        content = render_pdf("Titel", [])
        today = formats.date_format(timezone.localdate(), "j F Y")

    assert f"Gemaakt door WattWijs op {today}" in _text(content)


def test_it_numbers_the_pages_in_the_footer() -> None:
    rows = [[f"Rij {number}"] for number in range(200)]
    with translation.override("nl"):
        reader = _read(render_pdf("Titel", [Table(header=["Kop"], rows=rows)]))

    assert "pagina 2" in reader.pages[1].extract_text()
