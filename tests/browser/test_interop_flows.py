"""Bulk import of learning materials through the real UI: upload, read the errors, import only the valid rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from wattwijs.library.models import ResourceVersion
from wattwijs.library.tests.factories import MBO3

from .axe import assert_no_violations
from .conftest import login

PASSWORD = "correct-horse-battery"
HEADER = "titel;beschrijving;webadres;licentie;niveaus;soort\n"


def test_upload_see_the_errors_and_import_only_the_valid_rows(
    page: Page, live_server: Any, world: Any, tmp_path: Path
) -> None:
    sheet = tmp_path / "materialen.csv"
    sheet.write_text(
        HEADER
        + f"Omvormer aansluiten;Werkplaatsopdracht omvormer.;https://leermiddelen.example.org/a;cc-by-40;{MBO3};exercise\n"
        + f"Laadpaal;Zonder geldige licentie.;https://leermiddelen.example.org/b;cc-by-99;{MBO3};exercise\n",
        encoding="utf-8-sig",
    )
    login(page, live_server, world.alice.email, PASSWORD)
    page.goto(f"{live_server.url}/leermiddelen/")
    page.get_by_role("link", name="Importeren uit een spreadsheet").click()
    page.set_input_files("input[name=file]", str(sheet))
    page.click("#import-upload button[type=submit]")

    errors = page.locator("table.import-errors tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text("3")
    expect(errors.first).to_contain_text("licentie")
    expect(errors.first).to_contain_text("“cc-by-99” is geen licentiecode")
    assert_no_violations(page)

    page.get_by_label("Alleen de geldige rijen").check()
    page.click("#import-confirm button[type=submit]")
    expect(page.locator(".messages .message-success")).to_contain_text("1 leermiddel is geïmporteerd als concept")
    expect(page.locator(".messages .message-success")).to_contain_text("1 rij met fouten is overgeslagen")
    version = ResourceVersion.objects.get()
    assert (version.title, version.status) == ("Omvormer aansluiten", ResourceVersion.Status.DRAFT)
