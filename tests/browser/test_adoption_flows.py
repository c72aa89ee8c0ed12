"""Navolging through the real UI: a coordinator publishes a practice example, a coordinator of another region
records that it follows it, and the spread overview shows it."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from wattwijs.practice.models import Adoption, Practice

from .conftest import login

PASSWORD = "correct-horse-battery"


def test_a_practice_is_published_followed_by_another_region_and_shown_in_the_spread(
    page: Page, live_server: Any, world: Any
) -> None:
    login(page, live_server, world.alice.email, PASSWORD)
    page.goto(f"{live_server.url}/praktijk/voorbeelden/nieuw/")
    page.fill("input[name=title]", "Renoveren met werkzoekenden")
    page.select_option("select[name=owner]", str(world.roc.pk))
    page.select_option("select[name=region]", "AMR12")
    page.select_option("select[name=target_group]", "werkzoekenden")
    page.select_option("select[name=status]", "gepubliceerd")
    page.get_by_role("button", name="Praktijkvoorbeeld opslaan").click()
    expect(page.locator("h1")).to_contain_text("Renoveren met werkzoekenden")
    practice = Practice.objects.get(title="Renoveren met werkzoekenden")
    assert practice.status == "gepubliceerd"

    page.context.clear_cookies()
    login(page, live_server, world.charlie.email, PASSWORD)
    page.goto(f"{live_server.url}{practice.get_absolute_url()}")
    expect(page.locator("#wie-volgt")).to_have_text("Wie volgt dit al")
    page.get_by_role("button", name="Leg vast dat uw regio dit navolgt").click()
    page.select_option("select[name=region]", label="Rijnmond")
    page.select_option("select[name=status]", "gestart")
    page.fill("input[name=started_on]", "2026-02-01")
    page.fill("textarea[name=adapted]", "Drie dagen werk en twee dagen school.")
    page.fill("input[name=contact_name]", "Contact Rijnmond")
    page.click("main form[method=post] button[type=submit]")
    expect(page.locator(".messages .message-success")).to_be_visible()
    section = page.locator("section", has=page.locator("#wie-volgt"))
    expect(section).to_contain_text("Rijnmond")
    expect(section).to_contain_text("Gestart")
    expect(section).to_contain_text("Drie dagen werk en twee dagen school.")
    assert Adoption.objects.get().region.code == "AMR24"

    page.goto(f"{live_server.url}/praktijk/navolging/")
    row = page.locator("tbody tr", has=page.locator("th", has_text="Renoveren met werkzoekenden"))
    expect(row.locator("td").first).to_have_text("1")
    row.get_by_role("link", name="Vergelijkbare regio’s").click()
    expect(page.locator("#vergelijkbaar")).to_contain_text("Renoveren met werkzoekenden")
    expect(page.locator("main")).to_contain_text("Amersfoort")
