"""The qualification framework through the real UI: building and mapping a unit, and the lazy tree."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from wattwijs.framework.models import FrameworkUnit, FrameworkVersion
from wattwijs.framework.tests.factories import VersionFactory, qualification_with_work_processes

from .conftest import login

PASSWORD = "correct-horse-battery"


@pytest.fixture
def framework(world: Any) -> Any:
    draft = VersionFactory(name="Concept 2027", slug="concept-2027", status=FrameworkVersion.Status.DRAFT)
    return qualification_with_work_processes(draft, count=4, name="Eerste monteur installatietechniek")


def _fill_unit(page: Page, live_server: Any, qualification: Any) -> None:
    page.goto(f"{live_server.url}/kwalificatiekader/versies/concept-2027/eenheden/nieuw/")
    page.fill("input[name=code]", "KE-WP-01")
    page.fill("input[name=name]", "Hybride warmtepomp installeren en inregelen")
    page.fill("input[name=study_load_hours]", "120")
    page.select_option("select[name=level]", "3")
    page.locator(".tree-select-group > summary").first.click()


def test_an_editor_builds_a_unit_and_sees_the_coverage_change(
    page: Page, live_server: Any, world: Any, framework: Any
) -> None:
    login(page, live_server, world.alice.email, PASSWORD)
    page.goto(f"{live_server.url}{framework.get_absolute_url()}")
    expect(page.locator(".coverage progress")).to_have_attribute("value", "0")

    _fill_unit(page, live_server, framework)
    page.get_by_label("B1-K1-W1 Werkproces 1").check()
    page.get_by_label("B1-K1-W2 Werkproces 2").check()
    page.click("main form button[type=submit]")
    expect(page.locator(".messages .message-success")).to_be_visible()
    assert FrameworkUnit.objects.get(code="KE-WP-01").work_processes.count() == 2

    page.goto(f"{live_server.url}{framework.get_absolute_url()}")
    expect(page.locator(".coverage progress")).to_have_attribute("value", "2")
    expect(page.locator("main")).to_contain_text("KE-WP-01")


def test_the_filter_box_narrows_the_work_processes(page: Page, live_server: Any, world: Any, framework: Any) -> None:
    login(page, live_server, world.alice.email, PASSWORD)
    _fill_unit(page, live_server, framework)
    page.locator("[data-tree-filter] input").fill("W3")
    expect(page.get_by_label("B1-K1-W3 Werkproces 3")).to_be_visible()
    expect(page.get_by_label("B1-K1-W1 Werkproces 1")).to_be_hidden()


def test_the_unit_form_works_without_javascript(browser: Any, live_server: Any, world: Any, framework: Any) -> None:
    context = browser.new_context(java_script_enabled=False, bypass_csp=True, locale="nl-NL")
    page = context.new_page()
    login(page, live_server, world.alice.email, PASSWORD)
    _fill_unit(page, live_server, framework)
    page.get_by_label("B1-K1-W4 Werkproces 4").check()
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/kwalificatiekader/eenheden/*/")
    assert list(FrameworkUnit.objects.get().work_processes.values_list("code", flat=True)) == ["B1-K1-W4"]
    context.close()


def test_opening_a_core_task_in_the_tree_loads_its_work_processes(
    page: Page, live_server: Any, world: Any, framework: Any
) -> None:
    page.goto(f"{live_server.url}/kwalificatiekader/?versie=concept-2027")
    page.locator(".framework-tree > li > details > summary").first.click()
    page.locator(".framework-tree details details > summary").first.click()
    page.locator(".framework-tree details details details > summary").first.click()
    expect(page.locator(".framework-tree").get_by_role("link", name="B1-K1-W3 Werkproces 3")).to_be_visible()
