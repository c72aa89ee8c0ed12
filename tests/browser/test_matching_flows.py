"""An intake round through the real UI: the coordinator gets the optimal proposal, changes one pair, confirms,
and the placements appear in the chain.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from playwright.sync_api import Page, expect

from wattwijs.core.models import OrganisationKind
from wattwijs.core.tests.factories import OrganisationFactory
from wattwijs.framework.models import Alignment
from wattwijs.framework.tests.factories import WorkProcessFactory
from wattwijs.pathways.models import Placement
from wattwijs.pathways.tests.factories import CandidateFactory, ChainFactory, LearningPlaceFactory

from .conftest import login

PASSWORD = "correct-horse-battery"


def _align(obj: Any, *work_processes: Any) -> None:
    content_type = ContentType.objects.get_for_model(obj)
    for wp in work_processes:
        Alignment.objects.create(content_type=content_type, object_id=obj.pk, work_process=wp)


def test_a_coordinator_edits_and_confirms_an_intake_round(page: Page, live_server: Any, world: Any) -> None:
    chain = ChainFactory(name="Transitiehuis Test", slug="transitiehuis-test", coordinating_organisation=world.roc)
    company = OrganisationFactory(name="Leerbedrijf Test", slug="leerbedrijf-test", kind=OrganisationKind.LEERBEDRIJF)
    heat, solar = WorkProcessFactory(), WorkProcessFactory()
    heat_place = LearningPlaceFactory(organisation=company, chain=chain, title="Monteur warmtepompen", capacity=1)
    solar_place = LearningPlaceFactory(organisation=company, chain=chain, title="Monteur zonnepanelen", capacity=1)
    _align(heat_place, heat)
    _align(solar_place, solar)
    anna = CandidateFactory(chain=chain, first_name="Anna", last_name="Warmte", stage="matching")
    bram = CandidateFactory(chain=chain, first_name="Bram", last_name="Zon", stage="matching")
    _align(anna, heat)
    _align(bram, solar)

    login(page, live_server, world.alice.email, PASSWORD)
    page.goto(f"{live_server.url}/transitiehuis/ketens/transitiehuis-test/")
    page.get_by_role("link", name="Intakeronde").click()

    # The optimal proposal puts each candidate at the place that asks what they can.
    anna_choice = page.locator(f"select[name=candidate-{anna.pk}]")
    bram_choice = page.locator(f"select[name=candidate-{bram.pk}]")
    expect(anna_choice).to_have_value(str(heat_place.pk))
    expect(bram_choice).to_have_value(str(solar_place.pk))
    expect(page.locator("#current-totals")).to_contain_text("2 geplaatst")

    # The coordinator knows better for one pair: Bram is not placed this round.
    bram_choice.select_option("")
    page.get_by_role("button", name="Totalen bijwerken").click()
    expect(page.locator("#current-totals")).to_contain_text("1 geplaatst")
    expect(page.locator(f"select[name=candidate-{bram.pk}]")).to_have_value("")

    page.get_by_role("button", name="Alle plaatsingen bevestigen").click()
    expect(page.locator(".messages .message-success")).to_contain_text("1 kandidaat is geplaatst")
    expect(page).to_have_url(f"{live_server.url}/transitiehuis/ketens/transitiehuis-test/")
    expect(page.locator("main")).to_contain_text("Huidige plaatsingen")
    expect(page.locator("main table").last).to_contain_text(anna.reference)
    expect(page.locator("main table").last).to_contain_text("Monteur warmtepompen")
    assert [(p.candidate_id, p.learning_place_id) for p in Placement.objects.all()] == [(anna.pk, heat_place.pk)]
