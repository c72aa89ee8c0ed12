import pytest
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from wattwijs.core.models import Invitation, Membership, Organisation, OrganisationKind, Region, Role
from wattwijs.core.tests.factories import OrganisationFactory, theme

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("wattwijs.core.views.connection.cursor", broken_cursor)
    assert client.get("/healthz").status_code == 503


def test_an_unknown_url_gives_the_dutch_404_page(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_the_home_page_links_to_the_organisation_directory(client):
    assert 'href="/organisaties/"' in client.get("/").content.decode()


def test_the_organisation_list_filters_by_kind(world, client):
    response = client.get("/organisaties/", {"kind": "school"})
    assert [o.name for o in response.context["page"].object_list] == ["ROC Test"]


def test_the_organisation_list_searches_by_name(world, client):
    response = client.get("/organisaties/", {"q": "gemeente"})
    assert [o.name for o in response.context["page"].object_list] == ["Gemeente Test"]


def test_the_organisation_list_filters_by_region(world, client):
    response = client.get("/organisaties/", {"region": "AMR24"})
    assert [o.name for o in response.context["page"].object_list] == ["Gemeente Test"]


def test_a_parent_theme_finds_organisations_of_its_sub_themes(world, client):
    OrganisationFactory(name="Zonnig BV", themes=[theme("zon-pv")])
    response = client.get("/organisaties/", {"theme": "gebouwde-omgeving"})
    assert [o.name for o in response.context["page"].object_list] == ["Zonnig BV"]


def test_facets_count_each_value_with_the_other_filters(world, client):
    response = client.get("/organisaties/", {"kind": "school"})
    kinds = {item["facet"].value: item["facet"].count for item in response.context["facet_groups"][0]["values"]}
    assert kinds == {"school": 1, "municipality": 1}


def test_kind_and_region_facets_each_apply_the_other_filter(world, client):
    response = client.get("/organisaties/", {"kind": "school", "region": "AMR24"})
    groups = {name: _facet_counts(response, name) for name in ("kind", "region")}
    assert groups == {"kind": {"municipality": 1}, "region": {world.roc.region.code: 1}}
    assert response.context["page"].paginator.count == 0


def _facet_counts(response, name):
    group = ["kind", "region", "theme"].index(name)
    return {item["facet"].value: item["facet"].count for item in response.context["facet_groups"][group]["values"]}


def _facet(response, name, value):
    return _facet_counts(response, name).get(value, 0)


def test_active_filters_show_as_removable_chips(world, client):
    response = client.get("/organisaties/", {"kind": "school", "q": "ROC"})
    assert [chip["url"] for chip in response.context["chips"]] == ["?kind=school", "?q=ROC"]


def test_an_unknown_sort_falls_back_to_name(world, client):
    response = client.get("/organisaties/", {"sort": "drop table"})
    assert response.status_code == 200


def test_htmx_requests_get_only_the_results(world, client):
    response = client.get("/organisaties/", headers={"HX-Request": "true"})
    assert "<header" not in response.content.decode()


def _organisations(count, start=0):
    regions = list(Region.objects.all())
    created = Organisation.objects.bulk_create(
        Organisation(name=f"Org {i}", slug=f"org-{i}", kind=OrganisationKind.COMPANY, region=regions[i % 35])
        for i in range(start, start + count)
    )
    created = Organisation.objects.filter(slug__in=[o.slug for o in created])
    through = Organisation.themes.through
    zon = theme("zon-pv")
    through.objects.bulk_create(through(organisation_id=o.pk, theme_id=zon.pk) for o in created)


def _count_queries(client, path):
    """Queries of one uncached request."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_organisation_list_uses_the_same_few_queries_for_5_and_500_organisations(client):
    _organisations(5)
    small = _count_queries(client, "/organisaties/")
    _organisations(495, start=5)
    assert (small, _count_queries(client, "/organisaties/")) == (small, small)
    assert small <= 10


def test_a_second_visit_reads_the_facet_counts_from_the_cache(client):
    _organisations(50)
    first = _count_queries(client, "/organisaties/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/organisaties/?sort=newest")
    assert len(queries) == first - 4


def test_a_new_organisation_is_counted_at_once_despite_the_cache(world, client):
    client.get("/organisaties/")
    OrganisationFactory(name="Nieuw Installatiebedrijf", kind=OrganisationKind.COMPANY)
    response = client.get("/organisaties/")
    assert _facet(response, "kind", OrganisationKind.COMPANY) == 1


def test_a_changed_theme_link_is_counted_at_once_despite_the_cache(world, client):
    client.get("/organisaties/")
    world.gemeente.themes.add(theme("warmtenetten"))
    response = client.get("/organisaties/")
    assert _facet(response, "theme", "warmtenetten") == 1


def test_the_filtered_organisation_list_needs_no_more_queries(client):
    _organisations(500)
    unfiltered = _count_queries(client, "/organisaties/")
    assert _count_queries(client, "/organisaties/?theme=gebouwde-omgeving&kind=company&sort=region") == unfiltered


@pytest.mark.parametrize("count", [5, 500])
def test_the_theme_page_queries_do_not_grow_with_organisations(client, django_assert_max_num_queries, count):
    _organisations(count)
    with django_assert_max_num_queries(8):
        client.get("/themas/zon-pv/")


@pytest.mark.parametrize("count", [5, 500])
def test_the_region_page_queries_do_not_grow_with_organisations(client, django_assert_max_num_queries, count):
    _organisations(count)
    with django_assert_max_num_queries(8):
        client.get("/regios/AMR12/")


def test_the_members_page_is_forbidden_to_a_non_admin(world, client):
    client.force_login(world.bob)
    assert client.get("/organisaties/roc-test/leden/").status_code == 403


def test_the_members_page_sends_anonymous_users_to_login(world, client):
    response = client.get("/organisaties/roc-test/leden/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_inviting_into_another_organisation_is_forbidden_and_changes_nothing(world, client):
    client.force_login(world.charlie)
    response = client.post("/organisaties/roc-test/leden/uitnodigen/", {"email": "x@example.org", "role": "admin"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_changing_a_role_in_another_organisation_is_forbidden_and_changes_nothing(world, client):
    bob = Membership.objects.get(user=world.bob)
    client.force_login(world.charlie)
    response = client.post(f"/organisaties/roc-test/leden/{bob.pk}/rol/", {"role": "admin"})
    assert response.status_code == 403
    bob.refresh_from_db()
    assert bob.role == Role.COACH


def test_removing_a_member_of_another_organisation_is_forbidden_and_changes_nothing(world, client):
    bob = Membership.objects.get(user=world.bob)
    client.force_login(world.charlie)
    assert client.post(f"/organisaties/roc-test/leden/{bob.pk}/verwijderen/").status_code == 403
    assert Membership.objects.filter(pk=bob.pk).exists()


def test_a_membership_id_from_another_organisation_is_not_found(world, client):
    charlie = Membership.objects.get(user=world.charlie)
    client.force_login(world.alice)
    assert client.post(f"/organisaties/roc-test/leden/{charlie.pk}/rol/", {"role": "viewer"}).status_code == 404


def test_an_invalid_invitation_keeps_the_input_and_shows_a_dutch_error(world, client):
    client.force_login(world.alice)
    response = client.post("/organisaties/roc-test/leden/uitnodigen/", {"email": "geen-adres", "role": "viewer"})
    body = response.content.decode()
    assert response.status_code == 400
    assert 'value="geen-adres"' in body
    assert "Voer een geldig e-mailadres in." in body
    assert not Invitation.objects.exists()


def test_an_admin_invites_a_member(world, client):
    client.force_login(world.alice)
    response = client.post("/organisaties/roc-test/leden/uitnodigen/", {"email": "nieuw@example.org", "role": "author"})
    assert response.status_code == 302
    assert Invitation.objects.get().role == Role.AUTHOR


def test_an_admin_changes_a_role(world, client):
    bob = Membership.objects.get(user=world.bob)
    client.force_login(world.alice)
    client.post(f"/organisaties/roc-test/leden/{bob.pk}/rol/", {"role": "mentor"})
    bob.refresh_from_db()
    assert bob.role == Role.MENTOR


def test_an_admin_removes_a_member_after_confirming(world, client):
    bob = Membership.objects.get(user=world.bob)
    client.force_login(world.alice)
    assert client.get(f"/organisaties/roc-test/leden/{bob.pk}/verwijderen/").status_code == 200
    client.post(f"/organisaties/roc-test/leden/{bob.pk}/verwijderen/")
    assert not Membership.objects.filter(pk=bob.pk).exists()


def test_the_members_page_lists_members_in_few_queries(world, client, django_assert_max_num_queries):
    client.force_login(world.alice)
    with django_assert_max_num_queries(10):
        client.get("/organisaties/roc-test/leden/")


def test_an_invitee_without_account_signs_up_and_becomes_member(world, client):
    invitation = Invitation.objects.create(organisation=world.roc, email="nieuw@example.org", role="viewer", token="t1")
    response = client.post(
        f"/uitnodiging/{invitation.token}/",
        {
            "first_name": "Nina",
            "last_name": "Nieuw",
            "password1": "lang-wachtwoord-2026",
            "password2": "lang-wachtwoord-2026",
        },
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user__email="nieuw@example.org", organisation=world.roc).exists()


def test_an_invitee_who_signed_up_stays_signed_in(world, client):
    invitation = Invitation.objects.create(organisation=world.roc, email="nieuw@example.org", role="viewer", token="t1")
    client.post(
        f"/uitnodiging/{invitation.token}/",
        {
            "first_name": "Nina",
            "last_name": "Nieuw",
            "password1": "lang-wachtwoord-2026",
            "password2": "lang-wachtwoord-2026",
        },
    )
    assert client.get("/account/").status_code == 200


def test_a_signup_with_different_passwords_saves_nothing(world, client):
    invitation = Invitation.objects.create(organisation=world.roc, email="nieuw@example.org", role="viewer", token="t2")
    client.post(
        f"/uitnodiging/{invitation.token}/",
        {"first_name": "Nina", "last_name": "Nieuw", "password1": "lang-wachtwoord-2026", "password2": "anders-2026!"},
    )
    assert not Membership.objects.filter(user__email="nieuw@example.org").exists()


def test_a_logged_in_user_with_another_address_cannot_accept(world, client):
    invitation = Invitation.objects.create(organisation=world.roc, email="iemand@example.org", role="admin", token="t3")
    client.force_login(world.charlie)
    client.post(f"/uitnodiging/{invitation.token}/")
    assert not Membership.objects.filter(user=world.charlie, organisation=world.roc).exists()


def test_an_org_admin_edits_the_organisation(world, client):
    client.force_login(world.alice)
    response = client.post(
        "/organisaties/roc-test/bewerken/",
        {"name": "ROC Test Nieuw", "kind": "school", "region": world.roc.region_id, "website": "", "description": ""},
    )
    assert response.status_code == 302
    world.roc.refresh_from_db()
    assert world.roc.name == "ROC Test Nieuw"


def test_an_invalid_website_is_refused_with_a_dutch_message(world, client):
    client.force_login(world.alice)
    response = client.post(
        "/organisaties/roc-test/bewerken/",
        {"name": "Ander", "kind": "school", "region": world.roc.region_id, "website": "geen url"},
    )
    assert "Voer een geldige URL in." in response.content.decode()
    world.roc.refresh_from_db()
    assert world.roc.name == "ROC Test"


def test_the_profile_lists_memberships(world, client):
    client.force_login(world.alice)
    assert "ROC Test" in client.get("/account/").content.decode()


def test_responses_carry_a_csp_without_unsafe_inline_scripts(client):
    policy = client.get("/")["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'self'" in script_src and "unsafe-inline" not in script_src


def test_a_fictitious_organisation_is_labelled(world, client):
    assert "badge-fictitious" in client.get("/organisaties/roc-test/").content.decode()


def test_hsts_is_sent_on_secure_requests(client):
    assert client.get("/", secure=True)["Strict-Transport-Security"].startswith("max-age=31536000")


def test_session_and_csrf_cookies_are_secure_outside_debug(settings):
    assert (not settings.DEBUG, not settings.DEBUG) == (settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)
