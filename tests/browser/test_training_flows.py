"""The opleidingsschema through the real UI: a coordinator filters the matrix, opens a cell, judges an overlapping
pair and exports the matrix to Excel."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, UserFactory, region, theme
from wattwijs.framework.models import FrameworkVersion
from wattwijs.framework.tests.factories import VersionFactory, qualification_with_work_processes
from wattwijs.training.models import OfferKind, OverlapMark, TargetGroup
from wattwijs.training.tests.factories import OfferFactory

from .conftest import login

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
