from datetime import date

import pytest

from wattwijs.core.models import Membership, Role
from wattwijs.core.tests.factories import UserFactory, region, theme
from wattwijs.library.tests.factories import material
from wattwijs.practice.models import (
    ChainStep,
    InnovationProject,
    Practice,
    PracticePartner,
    PracticeResult,
    PublicationStatus,
)
from wattwijs.training.tests.factories import OfferFactory

from .factories import PracticeFactory, PracticeResultFactory, ProjectFactory, SuccessFactorFactory

pytestmark = pytest.mark.django_db


def _many_practices(count):
    factors = [SuccessFactorFactory(chain_step=step) for step in (ChainStep.INTAKE, ChainStep.TRAINING)]
    for n in range(count):
        practice = PracticeFactory(
            region=region("AMR12" if n % 2 else "AMR24"),
            themes=[theme("isolatie-renovatie"), theme("zon-pv")],
            success_factors=factors,
        )
        PracticeResultFactory(practice=practice)
        PracticeResultFactory(practice=practice, indicator="gestart", value=14)
        PracticePartner.objects.create(practice=practice, name="Bouwer", role="werkgever")


# The list ----------------------------------------------------------------------------------------


def test_the_list_shows_published_practices(client):
    PracticeFactory(title="Renoveren in Overvecht")
    content = client.get("/praktijk/").content.decode()
    assert "Renoveren in Overvecht" in content
    assert "1 praktijkvoorbeeld" in content


def test_the_list_hides_drafts_from_visitors(client):
    PracticeFactory(title="Nog geheim", status=PublicationStatus.DRAFT)
    assert "Nog geheim" not in client.get("/praktijk/").content.decode()


def test_the_list_shows_its_own_drafts_to_the_owner(client, world):
    PracticeFactory(title="Eigen concept", status=PublicationStatus.DRAFT, owner=world.roc)
    client.force_login(world.alice)
    assert "Eigen concept" in client.get("/praktijk/").content.decode()


def test_the_list_hides_archived_practices(client):
    PracticeFactory(title="Oud voorbeeld", status=PublicationStatus.ARCHIVED)
    assert "Oud voorbeeld" not in client.get("/praktijk/").content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=isolatie-renovatie", "Isolatie"),
        ("theme=gebouwde-omgeving", "Isolatie"),  # a main theme includes its sub-themes
        ("region=AMR24", "Rotterdam"),
        ("target=nieuwkomers", "Rotterdam"),
        ("q=zonnepanelen", "Rotterdam"),
    ],
)
def test_the_list_filters(client, query, expected):
    PracticeFactory(title="Isolatie Utrecht", themes=[theme("isolatie-renovatie")], region=region("AMR12"))
    PracticeFactory(
        title="Zon Rotterdam",
        themes=[theme("windenergie")],
        region=region("AMR24"),
        target_group="nieuwkomers",
        summary="Statushouders leggen zonnepanelen.",
    )
    practices = [p.title for p, _result in client.get(f"/praktijk/?{query}").context["cards"]]
    assert len(practices) == 1
    assert expected in practices[0]


def test_the_list_filters_by_success_factor(client):
    factor = SuccessFactorFactory(code="vaste-begeleider")
    PracticeFactory(title="Met begeleider", success_factors=[factor])
    PracticeFactory(title="Zonder begeleider")
    cards = client.get("/praktijk/?factor=vaste-begeleider").context["cards"]
    assert [p.title for p, _result in cards] == ["Met begeleider"]


def test_the_facets_count_with_the_other_filters_applied(client):
    PracticeFactory(themes=[theme("zon-pv")], region=region("AMR12"))
    PracticeFactory(themes=[theme("zon-pv")], region=region("AMR24"))
    PracticeFactory(themes=[theme("warmtepompen")], region=region("AMR24"))
    groups = client.get("/praktijk/?region=AMR24").context["facet_groups"]
    theme_counts = {v["facet"].value: v["facet"].count for v in groups[0]["values"]}
    assert theme_counts == {"zon-pv": 1, "warmtepompen": 1}


def test_the_list_shows_removable_chips_for_active_filters(client):
    PracticeFactory(region=region("AMR24"))
    content = client.get("/praktijk/?region=AMR24&q=wijk").content.decode()
    assert 'class="chip"><a href="?q=wijk"' in content


def test_the_list_shows_an_empty_state(client):
    content = client.get("/praktijk/?q=bestaatniet").content.decode()
    assert "Geen praktijkvoorbeelden gevonden met deze filters." in content


def test_the_card_shows_the_newest_placement_as_key_result(client):
    practice = PracticeFactory()
    PracticeResultFactory(practice=practice, measured_on=date(2025, 1, 1), value=3)
    PracticeResultFactory(practice=practice, measured_on=date(2026, 1, 1), value=9)
    [(_practice, result)] = client.get("/praktijk/").context["cards"]
    assert result.value == 9


@pytest.mark.parametrize("count", [3, 60])
def test_the_list_needs_at_most_ten_queries(client, django_assert_max_num_queries, count):
    _many_practices(count)
    with django_assert_max_num_queries(10):
        response = client.get("/praktijk/?theme=gebouwde-omgeving")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 60])
def test_the_list_needs_at_most_ten_queries_for_a_logged_in_coordinator(
    client, world, django_assert_max_num_queries, count
):
    _many_practices(count)
    client.force_login(world.alice)
    with django_assert_max_num_queries(10):
        response = client.get("/praktijk/?region=AMR12&q=renovatie")
    assert response.status_code == 200


# The detail page ---------------------------------------------------------------------------------


def test_the_detail_shows_the_approach_partners_results_and_factors(client, world):
    factor = SuccessFactorFactory(name="Leren op een echt project", code="echt-project")
    practice = PracticeFactory(
        approach_training_format="<p>Vier dagen werken, één dag school.</p>", success_factors=[factor]
    )
    PracticePartner.objects.create(practice=practice, organisation=world.gemeente, role="gemeente")
    PracticeResultFactory(practice=practice, value=12)
    content = client.get(practice.get_absolute_url()).content.decode()
    assert "<p>Vier dagen werken, één dag school.</p>" in content
    assert "Gemeente Test" in content
    assert "<td>12</td>" in content
    assert 'href="/praktijk/toolkit/#echt-project"' in content


def test_the_detail_renders_plain_text_as_paragraphs(client):
    practice = PracticeFactory(lessons="Eerste les.\n\nTweede les.")
    content = client.get(practice.get_absolute_url()).content.decode()
    assert "<p>Eerste les.</p><p>Tweede les.</p>" in content


def test_the_detail_never_renders_a_script(client):
    # Stored without the service, as if an older row held it: the page still cleans it.
    practice = PracticeFactory(lessons="<p>Les</p><script>alert(1)</script>")
    content = client.get(practice.get_absolute_url()).content.decode()
    assert "alert(1)" not in content


def test_a_draft_is_not_found_for_visitors(client):
    practice = PracticeFactory(status=PublicationStatus.DRAFT)
    assert client.get(practice.get_absolute_url()).status_code == 404


def test_a_draft_is_shown_to_its_owner(client, world):
    practice = PracticeFactory(status=PublicationStatus.DRAFT, owner=world.roc)
    client.force_login(world.alice)
    assert client.get(practice.get_absolute_url()).status_code == 200


def _full_practice(world, size):
    factors = [SuccessFactorFactory() for _ in range(size)]
    practice = PracticeFactory(themes=[theme("zon-pv"), theme("warmtepompen")], success_factors=factors)
    for n in range(size):
        PracticePartner.objects.create(practice=practice, organisation=world.gemeente, role="gemeente", position=n)
        PracticeResultFactory(practice=practice, measured_on=date(2025, 1, 1 + n))
        ProjectFactory(grew_into=practice)
        practice.resources.add(material(title=f"Materiaal {n}").resource)
        practice.training_offers.add(OfferFactory())
    return practice


@pytest.mark.parametrize("size", [2, 20])
def test_the_detail_needs_at_most_ten_queries(client, world, django_assert_max_num_queries, size):
    practice = _full_practice(world, size)
    with django_assert_max_num_queries(10):
        response = client.get(practice.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_the_detail_needs_at_most_ten_queries_for_a_logged_in_owner(client, world, django_assert_max_num_queries, size):
    practice = _full_practice(world, size)
    client.force_login(world.alice)
    with django_assert_max_num_queries(10):
        response = client.get(practice.get_absolute_url())
    assert response.status_code == 200


def test_the_detail_lists_what_the_practice_uses_sorted_by_title(client):
    practice = PracticeFactory()
    practice.resources.add(material(title="Zonnepanelen leggen").resource, material(title="Asbest herkennen").resource)
    practice.training_offers.add(OfferFactory(title="Warmtepomp installeren"))
    ProjectFactory(grew_into=practice, title="Proeftuin Overvecht")
    links = client.get(practice.get_absolute_url()).context["links"]
    assert [link.title for link in links.resources] == ["Asbest herkennen", "Zonnepanelen leggen"]
    assert [link.title for link in links.offers] == ["Warmtepomp installeren"]
    assert [link.title for link in links.projects] == ["Proeftuin Overvecht"]


def test_the_detail_links_to_the_material_offer_and_project(client):
    practice = PracticeFactory()
    resource = material(title="Zonnepanelen leggen").resource
    offer = OfferFactory()
    practice.resources.add(resource)
    practice.training_offers.add(offer)
    project = ProjectFactory(grew_into=practice)
    content = client.get(practice.get_absolute_url()).content.decode()
    for url in (resource.get_absolute_url(), offer.get_absolute_url(), project.get_absolute_url()):
        assert f'href="{url}"' in content


def test_the_detail_leaves_out_draft_projects_it_grew_from(client):
    practice = PracticeFactory()
    ProjectFactory(grew_into=practice, title="Nog niet openbaar", status=PublicationStatus.DRAFT)
    assert not client.get(practice.get_absolute_url()).context["links"]


def test_the_owner_sees_an_edit_link(client, world):
    practice = PracticeFactory(owner=world.roc)
    client.force_login(world.alice)
    assert f"{practice.get_absolute_url()}bewerken/" in client.get(practice.get_absolute_url()).content.decode()


def test_another_organisation_sees_no_edit_link(client, world):
    practice = PracticeFactory(owner=world.roc)
    client.force_login(world.charlie)
    assert "bewerken/" not in client.get(practice.get_absolute_url()).content.decode()


# Create and edit ---------------------------------------------------------------------------------


def _form(world, **changes):
    data = {
        "title": "Renoveren in de wijk",
        "owner": world.roc.pk,
        "status": "gepubliceerd",
        "region": "AMR12",
        "target_group": "werkzoekenden",
        "themes": ["isolatie-renovatie"],
        "approach_training_format": "Vier dagen werken, één dag school.",
        "partner_1": world.gemeente.pk,
        "partner_1_role": "gemeente",
        "partner_2_name": "Bouwbedrijf De Wijk",
        "partner_2_role": "werkgever",
        "result_1_date": "2026-03-01",
        "result_1_indicator": "geplaatst",
        "result_1_value": "8",
    }
    data.update(changes)
    return data


def test_a_coordinator_adds_a_practice(client, world):
    client.force_login(world.alice)
    response = client.post("/praktijk/voorbeelden/nieuw/", _form(world))
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == practice.get_absolute_url()
    assert practice.partners.count() == 2
    assert PracticeResult.objects.get().value == 8


def test_the_form_keeps_input_and_explains_a_half_filled_result(client, world):
    client.force_login(world.alice)
    response = client.post("/praktijk/voorbeelden/nieuw/", _form(world, result_1_value=""))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Vul de datum, de indicator en het aantal in, of niets." in content
    assert 'value="Renoveren in de wijk"' in content
    assert not Practice.objects.exists()


def test_a_coach_may_not_open_the_form(client, world):
    client.force_login(world.bob)
    assert client.get("/praktijk/voorbeelden/nieuw/").status_code == 403


def test_a_visitor_is_sent_to_login(client):
    response = client.get("/praktijk/voorbeelden/nieuw/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_the_owner_edits_a_practice(client, world):
    practice = PracticeFactory(owner=world.roc)
    client.force_login(world.alice)
    response = client.post(f"{practice.get_absolute_url()}bewerken/", _form(world, title="Aangepast"))
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Aangepast"


def test_the_edit_form_is_filled_in(client, world):
    practice = PracticeFactory(owner=world.roc, title="Bestaand voorbeeld")
    PracticePartner.objects.create(practice=practice, name="Bouwer Jansen", role="werkgever")
    client.force_login(world.alice)
    content = client.get(f"{practice.get_absolute_url()}bewerken/").content.decode()
    assert 'value="Bestaand voorbeeld"' in content
    assert 'value="Bouwer Jansen"' in content


def test_editing_another_organisations_practice_is_forbidden_and_saves_nothing(client, world):
    practice = PracticeFactory(owner=world.roc, title="Origineel")
    client.force_login(world.charlie)
    response = client.post(
        f"{practice.get_absolute_url()}bewerken/", _form(world, owner=world.gemeente.pk, title="Gekaapt")
    )
    assert response.status_code == 403
    practice.refresh_from_db()
    assert practice.title == "Origineel"


def test_a_coordinator_may_not_choose_another_organisation_as_owner(client, world):
    client.force_login(world.alice)
    response = client.post("/praktijk/voorbeelden/nieuw/", _form(world, owner=world.gemeente.pk))
    assert response.status_code == 400
    assert not Practice.objects.exists()


# Innovation projects -----------------------------------------------------------------------------


def test_the_project_list_shows_published_projects(client):
    ProjectFactory(title="Warmtepomplab")
    ProjectFactory(title="Geheim lab", status=PublicationStatus.DRAFT)
    content = client.get("/praktijk/innovatieprojecten/").content.decode()
    assert "Warmtepomplab" in content
    assert "Geheim lab" not in content


def test_the_project_list_searches(client):
    ProjectFactory(title="Warmtepomplab")
    ProjectFactory(title="Laadplein")
    content = client.get("/praktijk/innovatieprojecten/?q=laadplein").content.decode()
    assert "Laadplein" in content
    assert "Warmtepomplab" not in content


@pytest.mark.parametrize("count", [3, 40])
def test_the_project_list_needs_at_most_ten_queries(client, django_assert_max_num_queries, count):
    for _ in range(count):
        project = ProjectFactory(grew_into=PracticeFactory())
        project.themes.set([theme("zon-pv")])
    with django_assert_max_num_queries(10):
        client.get("/praktijk/innovatieprojecten/")


def test_the_project_page_links_the_practice_it_grew_into(client):
    practice = PracticeFactory(title="Gegroeid voorbeeld")
    project = ProjectFactory(grew_into=practice)
    content = client.get(project.get_absolute_url()).content.decode()
    assert practice.get_absolute_url() in content


def test_a_coordinator_adds_a_project(client, world):
    client.force_login(world.alice)
    response = client.post(
        "/praktijk/innovatieprojecten/nieuw/",
        {
            "title": "Proefwoning",
            "owner": world.roc.pk,
            "status": "gepubliceerd",
            "region": "AMR12",
            "learning_question": "Leren studenten sneller?",
            "period_start": "2025-09-01",
            "period_end": "2026-06-30",
            "student_count": "20",
        },
    )
    assert response.status_code == 302
    assert InnovationProject.objects.get().student_count == 20


def test_a_project_that_ends_before_it_starts_is_refused(client, world):
    client.force_login(world.alice)
    response = client.post(
        "/praktijk/innovatieprojecten/nieuw/",
        {
            "title": "Proefwoning",
            "owner": world.roc.pk,
            "status": "concept",
            "region": "AMR12",
            "learning_question": "Leren studenten sneller?",
            "period_start": "2025-09-01",
            "period_end": "2025-01-01",
        },
    )
    assert response.status_code == 400
    assert not InnovationProject.objects.exists()


def test_editing_another_organisations_project_is_forbidden(client, world):
    project = ProjectFactory(owner=world.roc)
    client.force_login(world.charlie)
    assert client.get(f"{project.get_absolute_url()}bewerken/").status_code == 403


# Toolkit -----------------------------------------------------------------------------------------


def test_the_toolkit_groups_factors_by_chain_step_in_chain_order(client):
    SuccessFactorFactory(chain_step=ChainStep.AFTERCARE)
    SuccessFactorFactory(chain_step=ChainStep.RECRUITMENT)
    groups = client.get("/praktijk/toolkit/").context["groups"]
    assert [group.step for group in groups] == ["werving", "nazorg"]


def test_the_toolkit_lists_only_published_practices_per_factor(client):
    factor = SuccessFactorFactory()
    PracticeFactory(title="Gepubliceerd voorbeeld", success_factors=[factor])
    PracticeFactory(title="Concept voorbeeld", success_factors=[factor], status=PublicationStatus.DRAFT)
    content = client.get("/praktijk/toolkit/").content.decode()
    assert "Gepubliceerd voorbeeld" in content
    assert "Concept voorbeeld" not in content


def test_the_toolkit_shows_five_practices_of_a_factor_and_links_to_the_rest(client):
    factor = SuccessFactorFactory(code="echt-project")
    for n in range(8):
        PracticeFactory(title=f"Voorbeeld {n}", success_factors=[factor])
    factors = [f for group in client.get("/praktijk/toolkit/").context["groups"] for f in group.factors]
    assert [p.title for p in factors[0].published_practices] == [f"Voorbeeld {n}" for n in range(5)]


def test_the_toolkit_says_how_many_more_practices_a_factor_has(client):
    factor = SuccessFactorFactory(code="echt-project")
    for n in range(8):
        PracticeFactory(title=f"Voorbeeld {n}", success_factors=[factor])
    PracticeFactory(title="Concept", success_factors=[factor], status=PublicationStatus.DRAFT)
    content = client.get("/praktijk/toolkit/").content.decode()
    assert '<a href="/praktijk/?factor=echt-project">en 3 meer</a>' in content


def test_the_toolkit_has_no_more_link_for_five_practices(client):
    factor = SuccessFactorFactory()
    for _n in range(5):
        PracticeFactory(success_factors=[factor])
    assert "meer</a>" not in client.get("/praktijk/toolkit/").content.decode()


def test_the_toolkit_needs_as_few_queries_for_many_practices(client, django_assert_max_num_queries):
    for step in ChainStep.values:
        factor = SuccessFactorFactory(chain_step=step)
        for _n in range(8):
            PracticeFactory(success_factors=[factor])
    with django_assert_max_num_queries(5):
        client.get("/praktijk/toolkit/")


def test_the_toolkit_needs_few_queries(client, django_assert_max_num_queries):
    for step in ChainStep.values:
        factor = SuccessFactorFactory(chain_step=step)
        PracticeFactory(success_factors=[factor])
    with django_assert_max_num_queries(5):
        client.get("/praktijk/toolkit/")


def test_a_new_coordinator_can_create(client, world):
    user = UserFactory()
    Membership.objects.create(user=user, organisation=world.gemeente, role=Role.COORDINATOR)
    client.force_login(user)
    assert client.get("/praktijk/voorbeelden/nieuw/").status_code == 200


def test_the_project_detail_needs_at_most_ten_queries(client, world, django_assert_max_num_queries):
    project = ProjectFactory(grew_into=PracticeFactory())
    project.schools.set([world.roc])
    project.companies.set([world.gemeente])
    project.themes.set([theme("zon-pv")])
    with django_assert_max_num_queries(10):
        response = client.get(project.get_absolute_url())
    assert response.status_code == 200


def test_a_draft_project_is_not_found_for_visitors(client):
    project = ProjectFactory(status=PublicationStatus.DRAFT)
    assert client.get(project.get_absolute_url()).status_code == 404


def test_saving_the_edit_form_keeps_every_partner_and_result(client, world):
    practice = PracticeFactory(owner=world.roc)
    for n in range(8):
        PracticePartner.objects.create(practice=practice, name=f"Partner {n}", role="werkgever", position=n)
        PracticeResultFactory(practice=practice, measured_on=date(2025, 1, 1 + n))
    client.force_login(world.alice)
    form = client.get(f"{practice.get_absolute_url()}bewerken/").context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() not in (None, "")} | {
        "partner_rows": form.partner_count,
        "result_rows": form.result_count,
        "owner": world.roc.pk,
    }
    data["region"] = "AMR12"
    response = client.post(f"{practice.get_absolute_url()}bewerken/", data)
    assert response.status_code == 302
    assert (practice.partners.count(), practice.results.count()) == (8, 8)


def test_an_archived_practice_can_still_be_read_with_a_notice(client):
    practice = PracticeFactory(status=PublicationStatus.ARCHIVED)
    response = client.get(practice.get_absolute_url())
    assert response.status_code == 200
    assert "Dit praktijkvoorbeeld is gearchiveerd" in response.content.decode()


def test_the_form_preselects_the_only_organisation_a_coordinator_works_for(client, world):
    client.force_login(world.alice)
    form = client.get("/praktijk/voorbeelden/nieuw/").context["form"]
    assert form["owner"].value() == world.roc.pk


def test_newest_first_puts_drafts_without_a_publication_date_last(client, world):
    from django.utils import timezone

    from wattwijs.practice.models import PublicationStatus
    from wattwijs.practice.selectors import PracticeFilters, practice_list

    PracticeFactory(title="Concept", owner=world.roc, status=PublicationStatus.DRAFT, published_at=None)
    PracticeFactory(title="Gepubliceerd", owner=world.roc, published_at=timezone.now())
    titles = [p.title for p in practice_list(user=world.alice, filters=PracticeFilters(sort="newest"))]
    assert titles == ["Gepubliceerd", "Concept"]
