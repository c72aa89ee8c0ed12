"""End-to-end flows through the real UI, one behaviour per test."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from wattwijs.core.models import Invitation, Membership, Role

from .conftest import login

PASSWORD = "correct-horse-battery"
LANGUAGE_BUTTON = 'form[action$="/i18n/setlang/"] button[name=language]'
SUCCESS_MESSAGE = ".messages .message-success"


def org_link(slug: str) -> str:
    return f'section.results a[href="/organisaties/{slug}/"]'


# Logging in


def test_login_with_the_form_reaches_the_profile(page: Page, live_server: Any, world: Any) -> None:
    login(page, live_server, world.alice.email, PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/account/")
    expect(page.locator("header details.user-menu")).to_be_visible()


def test_wrong_password_shows_an_error_and_stays_on_the_login_page(page: Page, live_server: Any, world: Any) -> None:
    login_url = f"{live_server.url}/account/login/"
    page.goto(login_url)
    page.fill("input[name=username]", world.alice.email)
    page.fill("input[name=password]", "wrong-horse-battery")
    page.click("main form[method=post] button[type=submit]")
    expect(page.locator("main .error-summary[role=alert]")).to_be_visible()
    expect(page).to_have_url(login_url)
    expect(page.locator("header a.login-link")).to_be_visible()


# Language


def test_language_switch_changes_html_lang_and_back(page: Page, live_server: Any, world: Any) -> None:
    url = f"{live_server.url}/organisaties/"
    page.goto(url)
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "nl")
    expect(page.locator(LANGUAGE_BUTTON)).to_have_attribute("value", "en")

    page.click(LANGUAGE_BUTTON)
    expect(html).to_have_attribute("lang", "en")
    expect(page).to_have_url(url)
    expect(page.locator(LANGUAGE_BUTTON)).to_have_attribute("value", "nl")

    page.click(LANGUAGE_BUTTON)
    expect(html).to_have_attribute("lang", "nl")
    expect(page).to_have_url(url)


# Browsing organisations


def test_kind_facet_filters_the_list_and_shows_a_chip(page: Page, live_server: Any, world: Any) -> None:
    page.goto(f"{live_server.url}/organisaties/")
    expect(page.locator("ul.active-filters")).to_have_count(0)

    page.click('aside.facets a[href*="kind=school"]')
    expect(page).to_have_url(re.compile(r"[?&]kind=school(&|$)"))
    expect(page.locator("ul.active-filters li.chip")).to_have_count(1)
    expect(page.locator('aside.facets [aria-current="true"]')).to_have_count(1)
    expect(page.locator(org_link("roc-test"))).to_be_visible()
    expect(page.locator(org_link("gemeente-test"))).to_have_count(0)


def test_removing_the_chip_clears_the_filter(page: Page, live_server: Any, world: Any) -> None:
    page.goto(f"{live_server.url}/organisaties/?kind=school")
    expect(page.locator(org_link("gemeente-test"))).to_have_count(0)

    page.click("ul.active-filters li.chip a")
    expect(page).not_to_have_url(re.compile(r"kind="))
    expect(page.locator("ul.active-filters")).to_have_count(0)
    expect(page.locator(org_link("roc-test"))).to_be_visible()
    expect(page.locator(org_link("gemeente-test"))).to_be_visible()


def test_search_form_filters_without_javascript(no_js_page: Page, live_server: Any, world: Any) -> None:
    page = no_js_page
    page.goto(f"{live_server.url}/organisaties/")
    page.fill("form.filter-bar input[name=q]", "ROC")
    page.click("form.filter-bar button[type=submit]")
    expect(page).to_have_url(re.compile(r"/organisaties/\?(.*&)?q=ROC(&|$)"))
    expect(page.locator(org_link("roc-test"))).to_be_visible()
    expect(page.locator(org_link("gemeente-test"))).to_have_count(0)


# Managing members


def _bob_membership(world: Any) -> Membership:
    return Membership.objects.get(user=world.bob, organisation=world.roc)


def _open_members(page: Page, live_server: Any, world: Any) -> None:
    login(page, live_server, world.alice.email, PASSWORD)
    page.goto(f"{live_server.url}/organisaties/{world.roc.slug}/leden/")


def test_invite_a_new_member(page: Page, live_server: Any, world: Any) -> None:
    email = "nieuwe.collega@example.org"
    _open_members(page, live_server, world)
    form = page.locator('form[action$="/leden/uitnodigen/"]')
    form.locator("input[name=email]").fill(email)
    form.locator("select[name=role]").select_option(Role.COACH.value)
    form.locator("button[type=submit]").click()

    expect(page.locator(SUCCESS_MESSAGE)).to_be_visible()
    expect(page.locator('section[aria-labelledby="invitations-title"] li', has_text=email)).to_be_visible()
    invitation = Invitation.objects.get(organisation=world.roc, email=email)
    assert invitation.role == Role.COACH
    assert invitation.is_open
    assert invitation.invited_by == world.alice


def test_change_a_members_role(page: Page, live_server: Any, world: Any) -> None:
    membership = _bob_membership(world)
    _open_members(page, live_server, world)
    page.locator(f"select#role-{membership.pk}").select_option(Role.MENTOR.value)
    page.click(f'form[action$="/leden/{membership.pk}/rol/"] button[type=submit]')

    expect(page.locator(SUCCESS_MESSAGE)).to_be_visible()
    expect(page.locator(f"select#role-{membership.pk}")).to_have_value(Role.MENTOR.value)
    membership.refresh_from_db()
    assert membership.role == Role.MENTOR


def test_remove_a_member_via_the_confirmation_page(page: Page, live_server: Any, world: Any) -> None:
    membership = _bob_membership(world)
    remove_path = f"/organisaties/{world.roc.slug}/leden/{membership.pk}/verwijderen/"
    _open_members(page, live_server, world)
    page.click(f'main a[href="{remove_path}"]')
    expect(page).to_have_url(f"{live_server.url}{remove_path}")
    assert Membership.objects.filter(pk=membership.pk).exists()

    page.click("main form[method=post] button[type=submit]")
    expect(page).to_have_url(f"{live_server.url}/organisaties/{world.roc.slug}/leden/")
    expect(page.locator(SUCCESS_MESSAGE)).to_be_visible()
    expect(page.locator(f'main a[href="{remove_path}"]')).to_have_count(0)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert Membership.objects.filter(user=world.alice, organisation=world.roc).exists()
