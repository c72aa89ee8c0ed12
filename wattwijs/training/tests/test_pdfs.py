from io import BytesIO

import pytest
from pypdf import PdfReader

from wattwijs.core.tests.factories import region, theme
from wattwijs.training import services
from wattwijs.training.models import OfferStatus, OverlapVerdict, TargetGroup
from wattwijs.training.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def _pdf_text(response):
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)


@pytest.mark.parametrize(
    ("path", "filename"),
    [
        ("/opleidingen/export/schema.pdf", "opleidingsschema-schema.pdf"),
        ("/opleidingen/export/aanbod.pdf", "opleidingsschema-aanbod.pdf"),
        ("/opleidingen/export/overlap.pdf", "opleidingsschema-overlap.pdf"),
        ("/opleidingen/export/witte-vlekken.pdf", "opleidingsschema-witte-vlekken.pdf"),
        ("/opleidingen/regios/AMR12/witte-vlekken.pdf", "witte-vlekken-amr12.pdf"),
    ],
)
def test_it_answers_a_pdf_file_to_download(client, path, filename):
    response = client.get(path)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response.content.startswith(b"%PDF-")


def test_it_answers_404_for_a_pdf_it_does_not_make(client):
    assert client.get("/opleidingen/export/iets.pdf").status_code == 404


def test_it_puts_the_matrix_counts_in_the_pdf(client):
    OfferFactory(regions=[region("AMR12")], themes=[theme("zon-pv")])
    OfferFactory(regions=[region("AMR12")], themes=[theme("zon-pv")], status=OfferStatus.IN_DEVELOPMENT)

    text = _pdf_text(client.get("/opleidingen/export/schema.pdf?indeling=thema-soort"))

    assert "Opleidingsschema" in text
    assert "1 +1" in text


def test_it_turns_a_wide_matrix_so_regions_are_rows_in_the_pdf(client):
    OfferFactory(regions=[region("AMR12")], themes=[theme("zon-pv")])

    response = client.get("/opleidingen/export/schema.pdf")
    first_page = PdfReader(BytesIO(response.content)).pages[0]

    assert first_page.mediabox.width > first_page.mediabox.height
    assert "Rijen: Thema. Kolommen: Regio." in _pdf_text(response)
    # Each cell is a text line of its own: the region's row starts with its two non-empty cells.
    assert "\nMidden-Utrecht\n1\n1\n" in _pdf_text(response)


def test_it_names_the_filters_of_the_matrix_in_the_pdf(client):
    text = _pdf_text(client.get("/opleidingen/export/schema.pdf?level=3&target=werkzoekenden"))

    assert "Filters: mbo-niveau 3, Werkzoekenden" in text


def test_it_lists_the_filtered_offers_in_the_pdf(client):
    OfferFactory(title="Zonnepanelen leggen", themes=[theme("zon-pv")])
    OfferFactory(title="Laadpalen aansluiten", themes=[theme("laadinfrastructuur")])

    text = _pdf_text(client.get("/opleidingen/export/aanbod.pdf?theme=zon-pv"))

    assert "Zonnepanelen leggen" in text
    assert "Laadpalen aansluiten" not in text


def test_it_says_when_the_offer_pdf_shows_only_the_first_offers(client, settings, monkeypatch):
    from wattwijs.training import pdfs

    monkeypatch.setattr(pdfs, "MAX_ROWS", 1)
    OfferFactory(title="Eerste")
    OfferFactory(title="Tweede")

    text = _pdf_text(client.get("/opleidingen/export/aanbod.pdf"))

    assert "de eerste 1 van 2" in text
    assert "Tweede" not in text


def test_it_lists_the_overlapping_pairs_with_their_verdict_in_the_pdf(world, client, work_processes):
    first = OfferFactory(title="Warmtepomp A", work_processes=work_processes[:5])
    second = OfferFactory(title="Warmtepomp B", work_processes=work_processes[:5])
    services.overlap_mark(actor=world.alice, first=first, second=second, verdict=OverlapVerdict.ALIGN, note="Bellen")

    text = _pdf_text(client.get("/opleidingen/export/overlap.pdf"))

    assert "Warmtepomp A" in text
    assert "Warmtepomp B" in text
    assert "100% dezelfde werkprocessen" in text
    assert "Bellen" in text


def test_it_keeps_the_overlap_filters_in_the_pdf(client, work_processes):
    OfferFactory(title="Warmtepomp A", work_processes=work_processes[:5])
    OfferFactory(title="Warmtepomp B", work_processes=work_processes[:5])

    text = _pdf_text(client.get("/opleidingen/export/overlap.pdf?region=AMR01"))

    assert "0 overlappende paren" in text
    assert "Warmtepomp A" not in text


def test_it_lists_the_gaps_of_every_region_in_the_pdf(world, client):
    services.region_priorities_set(actor=world.alice, region=region("AMR12"), themes=[theme("warmtenetten")])

    text = _pdf_text(client.get("/opleidingen/export/witte-vlekken.pdf"))

    assert "\nMidden-Utrecht\nWarmtenetten\n" in text


def test_it_lists_the_gaps_of_one_region_in_the_pdf(world, client):
    services.region_priorities_set(actor=world.alice, region=region("AMR12"), themes=[theme("warmtenetten")])
    OfferFactory(target_groups=[TargetGroup.WORKERS])

    text = _pdf_text(client.get("/opleidingen/regios/AMR12/witte-vlekken.pdf"))

    assert "Witte vlekken in Midden-Utrecht" in text
    assert "Warmtenetten" in text
    assert "Schoolverlaters, Zij-instromers, Werkzoekenden" in text


def test_it_lists_the_uncovered_work_processes_of_the_chosen_qualification_in_the_region_pdf(
    client, qualification, work_processes
):
    OfferFactory(work_processes=work_processes[:4])

    text = _pdf_text(client.get(f"/opleidingen/regios/AMR12/witte-vlekken.pdf?kwalificatie={qualification.pk}"))

    assert "dekken 4 van de 10 werkprocessen" in text
    assert "B1-K1-W5" in text
    assert "B1-K1-W2" not in text


def test_it_answers_404_for_the_gaps_pdf_of_a_region_that_does_not_exist(client):
    assert client.get("/opleidingen/regios/AMR99/witte-vlekken.pdf").status_code == 404
