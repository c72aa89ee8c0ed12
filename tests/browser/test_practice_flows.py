"""Practice examples through the real UI: a coordinator describes and publishes a practice without JavaScript,
a visitor finds it through a filter and reads it, and the toolkit shows it under its success factor."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from wattwijs.library.tests.factories import material
from wattwijs.practice.models import ChainStep, Practice
from wattwijs.practice.tests.factories import SuccessFactorFactory
from wattwijs.training.tests.factories import OfferFactory

from .conftest import login

PASSWORD = "correct-horse-battery"


def test_a_coordinator_publishes_a_practice_that_a_visitor_finds_and_reads(
    no_js_page: Page, page: Page, live_server: Any, world: Any
) -> None:
    SuccessFactorFactory(code="leren-op-echt-project", name="Leren op een echt project", chain_step=ChainStep.TRAINING)

    login(no_js_page, live_server, world.alice.email, PASSWORD)
    no_js_page.goto(f"{live_server.url}/praktijk/voorbeelden/nieuw/")
    no_js_page.get_by_label("Titel:", exact=True).fill("Renoveren in de wijk")
    no_js_page.get_by_label("Status:", exact=True).select_option("gepubliceerd")
    no_js_page.get_by_label("Regio:", exact=True).select_option("AMR12")
    no_js_page.get_by_label("Doelgroep").select_option("werkzoekenden")
    no_js_page.get_by_label("Isolatie en renovatie").check()
    no_js_page.get_by_label("Opleidingsvorm").fill("Vier dagen werken op een project, één dag school.")
    no_js_page.get_by_label("Leren op een echt project").check()
    no_js_page.get_by_label("Partner 1: organisatie").select_option(label="Gemeente Test")
    no_js_page.get_by_label("Partner 1: rol").select_option("gemeente")
    no_js_page.get_by_label("Resultaat 1: datum").fill("2026-03-01")
    no_js_page.get_by_label("Resultaat 1: indicator").select_option("geplaatst")
    no_js_page.get_by_label("Resultaat 1: aantal mensen").fill("10")
    no_js_page.get_by_role("button", name="Praktijkvoorbeeld opslaan").click()
    expect(no_js_page.locator("h1")).to_contain_text("Renoveren in de wijk")
    assert Practice.objects.get().status == "gepubliceerd"

    page.goto(f"{live_server.url}/praktijk/")
    page.get_by_role("link", name="Leren op een echt project (1)").click()
    expect(page.locator(".result-card")).to_have_count(1)
    expect(page.locator(".result-card")).to_contain_text("Geplaatst: 10")
    page.get_by_role("link", name="Renoveren in de wijk").click()
    expect(page.locator("#partners").locator("..")).to_contain_text("Gemeente Test")
    expect(page.locator("main")).to_contain_text("Vier dagen werken op een project, één dag school.")

    page.goto(f"{live_server.url}/praktijk/toolkit/")
    factor = page.locator("article", has=page.locator("h3", has_text="Leren op een echt project"))
    expect(factor.get_by_role("link", name="Renoveren in de wijk")).to_be_visible()


def _fill_required(page: Page) -> None:
    page.get_by_label("Titel:", exact=True).fill("Omvormers in de wijk")
    page.get_by_label("Regio:", exact=True).select_option("AMR12")
    page.get_by_label("Doelgroep").select_option("werkzoekenden")


def test_a_coordinator_links_materials_and_offers_through_the_search_pickers(
    page: Page, live_server: Any, world: Any
) -> None:
    first = material("Omvormer aansluiten", publisher=world.gemeente, indexed=False).resource
    second = material("Omvormer storingzoeken", publisher=world.gemeente, indexed=False).resource
    material("Zonnepanelen leggen", publisher=world.gemeente, indexed=False)
    offer = OfferFactory(title="Basiscursus warmtepompen", providers=[world.gemeente])

    login(page, live_server, world.alice.email, PASSWORD)
    page.goto(f"{live_server.url}/praktijk/voorbeelden/nieuw/")
    _fill_required(page)
    resources = page.get_by_role("group", name="Gebruikte leermiddelen")
    resources.get_by_label("Zoek leermiddelen op titel").fill("aansluiten")
    expect(resources.get_by_role("status")).to_have_text("1 leermiddel gevonden")
    resources.get_by_label("Omvormer aansluiten").check()
    # A new search keeps what was ticked.
    resources.get_by_label("Zoek leermiddelen op titel").fill("storing")
    expect(resources.get_by_label("Omvormer storingzoeken")).to_be_visible()
    expect(resources.get_by_label("Omvormer aansluiten")).to_be_checked()
    resources.get_by_label("Omvormer storingzoeken").check()
    offers = page.get_by_role("group", name="Gebruikte opleidingen")
    offers.get_by_label("Zoek opleidingen op titel").fill("warmtepomp")
    offers.get_by_label("Basiscursus warmtepompen").check()
    page.get_by_role("button", name="Praktijkvoorbeeld opslaan").click()

    expect(page.locator("h1")).to_contain_text("Omvormers in de wijk")
    practice = Practice.objects.get()
    assert {r.pk for r in practice.resources.all()} == {first.pk, second.pk}
    assert list(practice.training_offers.all()) == [offer]


def test_enter_in_a_field_saves_the_practice(no_js_page: Page, live_server: Any, world: Any) -> None:
    login(no_js_page, live_server, world.alice.email, PASSWORD)
    no_js_page.goto(f"{live_server.url}/praktijk/voorbeelden/nieuw/")
    _fill_required(no_js_page)
    no_js_page.get_by_label("Titel:", exact=True).press("Enter")

    expect(no_js_page.locator("h1")).to_contain_text("Omvormers in de wijk")
    assert Practice.objects.exists()


def test_enter_in_a_picker_search_box_searches_without_javascript(
    no_js_page: Page, live_server: Any, world: Any
) -> None:
    material("Omvormer aansluiten", publisher=world.gemeente, indexed=False)
    login(no_js_page, live_server, world.alice.email, PASSWORD)
    no_js_page.goto(f"{live_server.url}/praktijk/voorbeelden/nieuw/")
    _fill_required(no_js_page)
    resources = no_js_page.get_by_role("group", name="Gebruikte leermiddelen")
    resources.get_by_label("Zoek leermiddelen op titel").fill("omvormer")
    resources.get_by_label("Zoek leermiddelen op titel").press("Enter")

    expect(resources.get_by_label("Omvormer aansluiten")).to_be_visible()
    assert not Practice.objects.exists()


def test_the_pickers_search_without_javascript(no_js_page: Page, live_server: Any, world: Any) -> None:
    wanted = material("Omvormer aansluiten", publisher=world.gemeente, indexed=False).resource

    login(no_js_page, live_server, world.alice.email, PASSWORD)
    no_js_page.goto(f"{live_server.url}/praktijk/voorbeelden/nieuw/")
    _fill_required(no_js_page)
    resources = no_js_page.get_by_role("group", name="Gebruikte leermiddelen")
    resources.get_by_label("Zoek leermiddelen op titel").fill("omvormer")
    resources.get_by_role("button", name="Zoeken").click()
    expect(resources.get_by_role("status")).to_have_text("1 leermiddel gevonden")
    expect(no_js_page.get_by_label("Titel:", exact=True)).to_have_value("Omvormers in de wijk")
    assert not Practice.objects.exists()
    resources.get_by_label("Omvormer aansluiten").check()
    no_js_page.get_by_role("button", name="Praktijkvoorbeeld opslaan").click()

    expect(no_js_page.locator("h1")).to_contain_text("Omvormers in de wijk")
    assert list(Practice.objects.get().resources.all()) == [wanted]
