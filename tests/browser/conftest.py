"""Fixtures for the browser tests: one headless Chromium per session, a fresh context per test.

Every test here runs against pytest-django's ``live_server`` on a transactional test database.
The reference data (regions, themes) comes from a data migration, so the database is restored
with ``serialized_rollback`` after each flush.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls there otherwise.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The site's default language; Chromium would otherwise announce en-US and get English pages.
LOCALE = "nl-NL"
DESKTOP = {"width": 1280, "height": 800}
BROWSER_DIR = Path(__file__).resolve().parent

expect.set_options(timeout=10_000)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright(django_db_setup: None, django_db_blocker: Any) -> Iterator[Playwright]:
    """Start Playwright after the test databases exist.

    Once Playwright's event loop runs in this thread, Django hands out new, context-local connection
    objects. Carry over the serialized database contents that ``serialized_rollback`` restores from.
    """
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as p:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        yield p
        with django_db_blocker.unblock():
            connections.close_all()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def _browser_db(transactional_db: None, django_db_serialized_rollback: None) -> None:
    """The live server runs in another thread, so tests need real commits (and the reference data back)."""


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(bypass_csp=True, locale=LOCALE, viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False, bypass_csp=True, locale=LOCALE, viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def login(page: Page, live_server: Any, email: str, password: str) -> None:
    """Log in through the real login form and wait for the redirect to the profile page."""
    page.goto(f"{live_server.url}/account/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_url(f"{live_server.url}/account/")
