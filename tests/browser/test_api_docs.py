"""The interactive API documentation works under the site's Content Security Policy, from local assets only."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, expect

from .conftest import DESKTOP, LOCALE


def test_the_api_docs_render_under_the_content_security_policy(browser: Browser, live_server: Any) -> None:
    context = browser.new_context(locale=LOCALE, viewport=DESKTOP)
    page = context.new_page()
    violations: list[str] = []
    outside: list[str] = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("WattWijs API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    context.close()
    assert violations == [] and outside == []
