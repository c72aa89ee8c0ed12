"""Workforce capacity through the real UI: a coordinator copies a scenario, changes a parameter and compares
the copy with the original."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from wattwijs.capacity import demo
from wattwijs.capacity.models import Scenario
from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, UserFactory

from .conftest import login

PASSWORD = "correct-horse-battery"


def test_a_coordinator_copies_a_scenario_changes_a_parameter_and_compares_the_two(
    page: Page, live_server: Any, world: Any
) -> None:
    demo.load()
    coordinator = UserFactory(email="coordinator@example.org")
    MembershipFactory(user=coordinator, organisation=world.gemeente, role=Role.COORDINATOR)

    login(page, live_server, coordinator.email, PASSWORD)
    page.goto(f"{live_server.url}/arbeidscapaciteit/scenarios/voorbeeld-basis/")
    expect(page.locator("main")).to_contain_text("voorbeeldcijfers")
    page.get_by_role("button", name="Scenario kopiëren").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kopie van Basis aanpassen")
    page.get_by_label("Naam").fill("Basis met dubbele zij-instroom")
    page.get_by_label("Zij-instromers (× huidige plaatsingen)").fill("2")
    page.get_by_label("Uitstroom (× huidige percentages)").fill("0.5")
    page.get_by_role("button", name="Opslaan en berekenen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Basis met dubbele zij-instroom")

    copy = Scenario.objects.get(copied_from__slug="voorbeeld-basis")
    assert copy.outflow_factor == 0.5

    page.goto(f"{live_server.url}/arbeidscapaciteit/vergelijken/")
    page.get_by_label("Eerste scenario").select_option("voorbeeld-basis")
    page.get_by_label("Tweede scenario").select_option(copy.slug)
    page.get_by_role("button", name="Vergelijken").click()
    table = page.locator("#compare-years")
    expect(table).to_contain_text("Basis met dubbele zij-instroom")
    changed = page.locator("tr.changed")
    expect(changed).to_have_count(2)
    expect(changed.nth(0)).to_contain_text("Zij-instromers")
    expect(changed.nth(1)).to_contain_text("Uitstroom")
    # Less outflow: the copy's gap in 2035 is smaller, so the difference in the last row is negative.
    expect(table.locator("tbody tr").last.locator("td").last).to_contain_text("−")
