"""The leermiddelenbank through the real UI: an author shares, a moderator publishes, a teacher finds it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, UserFactory
from wattwijs.library.models import ResourceVersion
from wattwijs.library.tests.factories import MBO3

from .conftest import login

PASSWORD = "correct-horse-battery"


def test_an_author_shares_a_moderator_publishes_and_a_teacher_finds_it_with_a_facet(
    page: Page, live_server: Any, world: Any, tmp_path: Path
) -> None:
    author = UserFactory(email="auteur@example.org")
    MembershipFactory(user=author, organisation=world.roc, role=Role.AUTHOR)
    pdf = tmp_path / "inregelen.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")

    login(page, live_server, author.email, PASSWORD)
    page.goto(f"{live_server.url}/leermiddelen/delen/")
    page.fill("input[name=title]", "Hybride warmtepomp inregelen")
    page.fill("textarea[name=description]", "Werkplaatsopdracht: regel de hybride warmtepomp in en meet de COP.")
    page.select_option("select[name=licence]", "cc-by-sa-40")
    page.check(f"input[name=educational_levels][value='{MBO3}']")
    page.check("input[name=learning_resource_types][value=exercise]")
    page.set_input_files("input[name=upload]", str(pdf))
    page.click("main form.resource-form button[type=submit]")
    expect(page.locator(".messages .message-success")).to_be_visible()
    page.click("form[action$='/indienen/'] button")
    expect(page.locator(".messages .message-success")).to_be_visible()

    page.context.clear_cookies()
    login(page, live_server, world.alice.email, PASSWORD)
    page.goto(f"{live_server.url}/leermiddelen/moderatie/")
    page.get_by_role("link", name="Hybride warmtepomp inregelen").click()
    page.click("form[action$='/publiceren/'] button")
    expect(page.locator(".messages .message-success")).to_be_visible()
    assert ResourceVersion.objects.get().status == ResourceVersion.Status.PUBLISHED

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/leermiddelen/?q=warmtepompen")
    page.locator(".facets").get_by_role("link", name="CC BY-SA 4.0").click()
    expect(page.locator(".result-card")).to_have_count(1)
    page.get_by_role("link", name="Hybride warmtepomp inregelen").click()
    expect(page.locator("#attribution")).to_contain_text("CC BY-SA 4.0")
