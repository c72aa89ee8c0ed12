"""The Transitiehuis through the real UI.

A coach registers a candidate with consent and moves them through the stages on the board, the chain's
coordinator places them, the company's mentor sees only that candidate, and the coach records the
6-month aftercare checkpoint.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from wattwijs.core.models import OrganisationKind, Role
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from wattwijs.pathways.models import AftercareCheckpoint, Candidate, Placement
from wattwijs.pathways.tests.factories import CandidateFactory, ChainFactory, ChainStepFactory, LearningPlaceFactory

from .conftest import login

PASSWORD = "correct-horse-battery"
SUCCESS = ".messages .message-success"


def test_register_move_place_show_to_the_mentor_and_record_aftercare(page: Page, live_server: Any, world: Any) -> None:
    chain = ChainFactory(name="Transitiehuis Test", slug="transitiehuis-test", coordinating_organisation=world.roc)
    company = OrganisationFactory(name="Leerbedrijf Test", slug="leerbedrijf-test", kind=OrganisationKind.LEERBEDRIJF)
    for organisation, step in [(world.roc, "intake"), (world.roc, "opleiding"), (company, "plaatsing")]:
        ChainStepFactory(chain=chain, organisation=organisation, step=step)
    place = LearningPlaceFactory(organisation=company, chain=chain, title="Leerling-monteur warmtepompen")
    mentor = UserFactory(email="mentor@example.org")
    MembershipFactory(user=mentor, organisation=company, role=Role.MENTOR)
    someone_else = CandidateFactory(chain=chain, coach=world.bob, first_name="Niet", last_name="Voorgesteld")

    # The coach registers the candidate with consent for the school.
    login(page, live_server, world.bob.email, PASSWORD)
    page.goto(f"{live_server.url}/transitiehuis/kandidaten/nieuw/")
    page.fill("input[name=first_name]", "Sara")
    page.fill("input[name=last_name]", "Zijinstroom")
    page.fill("input[name=postcode]", "3581")
    page.select_option("select[name=region]", label="Midden-Utrecht")
    page.select_option("select[name=referral_source]", "uwv")
    page.check("input[name=consent_given]")
    page.check(f"input[name=consent_partners][value='{world.roc.pk}']")
    page.click("main form[method=post] button[type=submit]")
    expect(page.locator(SUCCESS)).to_be_visible()
    candidate = Candidate.objects.get(last_name="Zijinstroom")
    expect(page.locator(".consent-status")).to_contain_text("ROC Test")

    # On the board (htmx), the coach moves the candidate on, stage by stage.
    page.goto(f"{live_server.url}/transitiehuis/ketens/transitiehuis-test/bord/")
    for stage in ["intake", "orientatie", "matching", "opleiding", "begeleiding"]:
        page.locator(f"#move-{candidate.pk}").select_option(stage)
        page.locator(f"form[action$='/kandidaten/{candidate.pk}/fase/'] button").click()
        expect(page.locator(f"#col-{stage}")).to_contain_text("(1)")
        expect(page.locator(f"section[aria-labelledby=col-{stage}]")).to_contain_text("Sara Zijinstroom")
    assert Candidate.objects.get(pk=candidate.pk).stage == "begeleiding"

    # The coordinator places the candidate and moves them to the placement stage.
    page.context.clear_cookies()
    login(page, live_server, world.alice.email, PASSWORD)
    page.goto(f"{live_server.url}{candidate.get_absolute_url()}")
    page.locator("summary", has_text="Plaatsen op een leerbaan").click()
    page.select_option("select[name=placement-learning_place]", str(place.pk))
    page.fill("input[name=placement-start_date]", "2025-09-01")
    page.click("form[action$='/plaatsen/'] button")
    expect(page.locator(SUCCESS)).to_contain_text("geplaatst")
    page.select_option("#id_to_stage", "plaatsing")
    page.click("form[action$='/fase/'] button")
    expect(page.locator(SUCCESS)).to_be_visible()
    assert Placement.objects.get().candidate_id == candidate.pk

    # The mentor sees only the candidate proposed to their company, without contact details.
    page.context.clear_cookies()
    login(page, live_server, mentor.email, PASSWORD)
    page.goto(f"{live_server.url}/transitiehuis/kandidaten/")
    expect(page.locator("main table tbody tr")).to_have_count(1)
    expect(page.locator("main table")).to_contain_text("Sara Zijinstroom")
    expect(page.locator("main")).not_to_contain_text(someone_else.last_name)
    response = page.goto(f"{live_server.url}{someone_else.get_absolute_url()}")
    assert response is not None and response.status == 403

    # The coach records the 6-month checkpoint.
    page.context.clear_cookies()
    login(page, live_server, world.bob.email, PASSWORD)
    page.goto(f"{live_server.url}{candidate.get_absolute_url()}")
    page.locator("summary", has_text="Nazorgmoment vastleggen").click()
    placement = Placement.objects.get()
    prefix = f"checkpoint-{placement.pk}"
    page.select_option(f"select[name={prefix}-month]", "6")
    page.fill(f"input[name={prefix}-checked_on]", "2026-03-02")
    page.select_option(f"select[name={prefix}-outcome]", "werkt")
    page.click("form[action$='/nazorg/'] button")
    expect(page.locator(SUCCESS)).to_be_visible()
    assert AftercareCheckpoint.objects.get().outcome == "werkt"


def test_the_board_moves_a_candidate_without_javascript(no_js_page: Page, live_server: Any, world: Any) -> None:
    chain = ChainFactory(name="Transitiehuis Test", slug="transitiehuis-test", coordinating_organisation=world.roc)
    candidate = CandidateFactory(chain=chain, coach=world.bob, first_name="Zonder", last_name="Script")
    login(no_js_page, live_server, world.bob.email, PASSWORD)
    no_js_page.goto(f"{live_server.url}/transitiehuis/ketens/transitiehuis-test/bord/")
    no_js_page.locator(f"#move-{candidate.pk}").select_option("intake")
    no_js_page.locator(f"form[action$='/kandidaten/{candidate.pk}/fase/'] button").click()
    expect(no_js_page.locator("#col-intake")).to_contain_text("(1)")
    expect(no_js_page.locator(SUCCESS)).to_be_visible()
