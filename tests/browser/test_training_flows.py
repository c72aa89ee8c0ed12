"""The opleidingsschema through the real UI: a coordinator filters the matrix, opens a cell, judges an overlapping
pair and exports the matrix to Excel."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, UserFactory, region, theme
from wattwijs.framework.models import FrameworkVersion
from wattwijs.framework.tests.factories import VersionFactory, qualification_with_work_processes
from wattwijs.training.models import OfferKind, OverlapMark, TargetGroup
from wattwijs.training.tests.factories import OfferFactory

from .conftest import DESKTOP, LOCALE, login

PASSWORD = "correct-horse-battery"


def test_a_coordinator_filters_the_map_opens_a_cell_marks_an_overlap_and_exports(
    page: Page, live_server: Any, world: Any
) -> None:
    version = VersionFactory(slug="kader-2026", status=FrameworkVersion.Status.ADOPTED)
    work_processes = list(qualification_with_work_processes(version, count=5).core_tasks.get().work_processes.all())
    coordinator = UserFactory(email="coordinator@example.org")
    MembershipFactory(user=coordinator, organisation=world.gemeente, role=Role.COORDINATOR)
    school = OrganisationFactory(name="Vakschool Test")
    for provider, title in ((world.roc, "Warmtepomp bijscholing ROC"), (school, "Warmtepomp bijscholing Vakschool")):
        OfferFactory(
            title=title,
            providers=[provider],
            kind=OfferKind.FURTHER_TRAINING,
            level=3,
            regions=[region("AMR12")],
            themes=[theme("warmtepompen")],
            target_groups=[TargetGroup.WORKERS],
            work_processes=work_processes,
        )
    OfferFactory(title="Zonnepanelen BOL", kind=OfferKind.BOL, level=2, themes=[theme("zon-pv")])

    login(page, live_server, coordinator.email, PASSWORD)
    page.goto(f"{live_server.url}/opleidingen/")
    page.select_option("select[name=level]", "3")
    page.click("form.matrix-filters button[type=submit]")
    expect(page).to_have_url(f"{live_server.url}/opleidingen/?indeling=thema-regio&level=3&target=&kind=&status=")
    row = page.locator("table.matrix tbody tr", has=page.locator("th", has_text="Warmtepompen"))
    row.get_by_role("link").first.click()
    expect(page.locator(".result-card")).to_have_count(2)
    expect(page.locator("main")).not_to_contain_text("Zonnepanelen BOL")

    page.goto(f"{live_server.url}/opleidingen/overlap/")
    card = page.locator(".overlap-card").first
    expect(card).to_contain_text("100% dezelfde werkprocessen, zelfde doelgroep")
    card.locator("summary").click()
    card.get_by_label("Afstemmen").check()
    card.get_by_label("Notitie").fill("Samen één startmoment plannen")
    card.get_by_role("button", name="Oordeel opslaan").click()
    expect(page.locator(".messages .message-success")).to_be_visible()
    mark = OverlapMark.objects.get()
    assert (mark.verdict, mark.note) == ("afstemmen", "Samen één startmoment plannen")
    expect(page.locator(".overlap-card").first).to_contain_text("Afstemmen")

    page.goto(f"{live_server.url}/opleidingen/?level=3")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Downloaden als Excel (XLSX)").click()
    workbook = load_workbook(BytesIO(download_info.value.path().read_bytes()))
    sheet = workbook["Matrix"]
    header = [cell.value for cell in sheet[1]]
    counts = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert counts["Warmtepompen"][header.index("Midden-Utrecht")] == 2
    assert counts["Zon-PV"][header.index("Midden-Utrecht")] == 0


def _chart_offers() -> None:
    OfferFactory(title="Warmtepomp bijscholing", themes=[theme("warmtepompen")], regions=[region("AMR12")])
    OfferFactory(title="Zonnepanelen BOL", themes=[theme("zon-pv")], regions=[region("AMR12"), region("AMR16")])


def test_the_map_draws_its_chart_from_the_table_under_the_sites_content_security_policy(
    browser: Browser, live_server: Any
) -> None:
    _chart_offers()
    context = browser.new_context(locale=LOCALE, viewport=DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{live_server.url}/opleidingen/")

    figure = page.locator("figure.chart")
    expect(figure).to_be_visible()
    expect(figure.locator("figcaption")).to_have_text(
        "Gebouwde omgeving heeft de meeste opleidingen: 2 beschikbaar en 0 in ontwikkeling."
    )
    drawn = page.evaluate(
        "() => { const chart = Chart.getChart(document.querySelector('figure.chart canvas'));"
        " return [chart.data.labels, chart.data.datasets.map(d => [d.label, d.data])]; }"
    )
    labels = page.locator("#row-totals tbody th").all_text_contents()
    available = [int(text) for text in page.locator("#row-totals tbody td:nth-of-type(1)").all_text_contents()]
    assert drawn[0] == labels
    assert drawn[1][0] == ["Beschikbaar", available]
    assert drawn[1][1][0] == "In ontwikkeling"
    expect(page.locator("#row-totals")).to_be_visible()
    assert errors == []
    context.close()


def test_without_javascript_the_map_shows_the_table_instead_of_an_empty_chart(
    no_js_page: Page, live_server: Any
) -> None:
    _chart_offers()

    no_js_page.goto(f"{live_server.url}/opleidingen/regios/AMR12/")

    expect(no_js_page.locator("figure.chart")).to_be_hidden()
    expect(no_js_page.locator("#supply")).to_contain_text("Warmtepompen")


def test_a_visitor_downloads_the_map_as_a_pdf(page: Page, live_server: Any) -> None:
    _chart_offers()
    page.goto(f"{live_server.url}/opleidingen/?indeling=thema-soort")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Downloaden als pdf").click()

    assert download_info.value.suggested_filename == "opleidingsschema-schema.pdf"
    reader = PdfReader(BytesIO(download_info.value.path().read_bytes()))
    text = "\n".join(pdf_page.extract_text() for pdf_page in reader.pages)
    assert "Opleidingsschema" in text
    assert "Warmtepompen" in text
