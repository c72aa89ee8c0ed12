"""Every page in PAGES: no axe WCAG 2.1 AA violations, a sound page shell, and screenshots."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .axe import REPO_ROOT, assert_no_violations, axe_violations
from .conftest import login
from .pages import PAGES, PageCase

PASSWORD = "correct-horse-battery"
SCREENSHOT_DIR = REPO_ROOT / "var" / "screenshots"

_FOCUS_DOCUMENT_START = """
() => {
  document.body.tabIndex = -1;
  document.body.focus();
  document.body.removeAttribute('tabindex');
}
"""

page_cases = pytest.mark.parametrize("case", PAGES, ids=[case.name for case in PAGES])


def open_case(page: Page, live_server: Any, world: Any, case: PageCase) -> None:
    if case.user is not None:
        login(page, live_server, getattr(world, case.user).email, PASSWORD)
    response = page.goto(f"{live_server.url}{case.resolve(world)}")
    assert response is not None
    assert response.status == case.status


def _screenshot(page: Page, case: PageCase, width: int) -> None:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{case.name}-{width}.png"), full_page=True)


@page_cases
def test_no_axe_violations(page: Page, live_server: Any, world: Any, case: PageCase) -> None:
    open_case(page, live_server, world, case)
    assert_no_violations(page)
    _screenshot(page, case, 1280)


@page_cases
def test_no_axe_violations_on_narrow_screen(page: Page, live_server: Any, world: Any, case: PageCase) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    open_case(page, live_server, world, case)
    assert_no_violations(page)
    _screenshot(page, case, 375)


@page_cases
def test_exactly_one_main_landmark(page: Page, live_server: Any, world: Any, case: PageCase) -> None:
    open_case(page, live_server, world, case)
    expect(page.locator("main, [role=main]")).to_have_count(1)


@page_cases
def test_skip_link_is_first_focusable_and_moves_focus_to_main(
    page: Page, live_server: Any, world: Any, case: PageCase
) -> None:
    open_case(page, live_server, world, case)
    # Start keyboard navigation at the top of the document: forms with an autofocus field start elsewhere.
    page.evaluate(_FOCUS_DOCUMENT_START)
    page.keyboard.press("Tab")
    skip_link = page.locator("body > a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_attribute("href", "#main")
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


@page_cases
def test_html_lang_is_set(page: Page, live_server: Any, world: Any, case: PageCase) -> None:
    open_case(page, live_server, world, case)
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_axe_check_reports_violations(page: Page) -> None:
    """The helper really runs axe: a page without lang and with an unlabelled image fails."""
    page.set_content('<html><head><title>t</title></head><body><main><img src="data:,"></main></body></html>')
    ids = {violation["id"] for violation in axe_violations(page)}
    assert {"html-has-lang", "image-alt"} <= ids


def test_stylesheets_load(page: Page, live_server: Any) -> None:
    page.goto(f"{live_server.url}/")
    hrefs = page.locator("link[rel=stylesheet]").evaluate_all("links => links.map(link => link.href)")
    assert hrefs
    statuses = {href: page.request.get(href).status for href in hrefs}
    assert all(status == 200 for status in statuses.values()), statuses
