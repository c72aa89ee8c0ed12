"""The leermiddelenbank through the real UI.

An author shares a material, a moderator publishes it, and a teacher finds it with a facet, adds it to
a collection, reviews it and makes an adaptation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, UserFactory
from wattwijs.library.models import Collection, Resource, ResourceVersion, Review
from wattwijs.library.tests.factories import MBO3

from .conftest import login

PASSWORD = "correct-horse-battery"


def test_share_publish_find_collect_review_and_adapt(page: Page, live_server: Any, world: Any, tmp_path: Path) -> None:
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

    teacher = UserFactory(email="docent@example.org")
    MembershipFactory(user=teacher, organisation=world.gemeente, role=Role.AUTHOR)
    collection = Collection.objects.create(title="Mijn lessen", owner=teacher)
    page.context.clear_cookies()
    login(page, live_server, teacher.email, PASSWORD)
    page.goto(f"{live_server.url}/leermiddelen/?q=warmtepompen")
    page.locator(".facets").get_by_role("link", name="CC BY-SA 4.0").click()
    expect(page.locator(".result-card")).to_have_count(1)
    page.locator(".result-card .add-to-collection button").click()
    expect(page.locator(".result-card .add-result")).to_contain_text("Mijn lessen")
    assert collection.items.count() == 1

    page.get_by_role("link", name="Hybride warmtepomp inregelen").click()
    expect(page.locator("#attribution")).to_contain_text("CC BY-SA 4.0")
    page.click("a[href$='/beoordelen/']")
    page.check("input[name=rating][value='4']")
    page.fill("textarea[name=text]", "Duidelijke opdracht, goed te doen in twee lesuren.")
    page.click("main form button[type=submit]")
    expect(page.locator(".messages .message-success")).to_be_visible()
    assert Review.objects.get().rating == 4

    page.click("a[href$='/bewerking-maken/']")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/bewerken/")
    adaptation = Resource.objects.get(adapted_from__isnull=False)
    assert (adaptation.publisher, adaptation.versions.get().licence) == (world.gemeente, "cc-by-sa-40")
