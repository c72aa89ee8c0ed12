"""The search-limited pickers for a practice's learning materials and training offers."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wattwijs.core.tests.factories import OrganisationFactory
from wattwijs.library.models import ResourceVersion
from wattwijs.library.tests.factories import material
from wattwijs.practice.models import Practice, PracticePartner
from wattwijs.training.tests.factories import OfferFactory

from .factories import PracticeFactory
from .test_views import _form

pytestmark = pytest.mark.django_db

RESOURCE_PICKER = "/praktijk/kiezer/leermiddelen/"
OFFER_PICKER = "/praktijk/kiezer/opleidingen/"
NEW = "/praktijk/voorbeelden/nieuw/"


def _resources(titles, publisher=None):
    publisher = publisher or OrganisationFactory()
    return [material(title, publisher=publisher, indexed=False).resource for title in titles]


def _checkbox(name, pk, *, checked=False):
    return f'<input type="checkbox" name="{name}" value="{pk}"{" checked" if checked else ""}>'


# The endpoints -----------------------------------------------------------------------------------


def test_the_resource_picker_finds_titles_in_any_case(client, world):
    wanted, other = _resources(["Warmtepomp INSTALLEREN", "Zonnepanelen leggen"])
    client.force_login(world.alice)
    content = client.get(RESOURCE_PICKER, {"resources_q": "warmtepomp"}).content.decode()
    assert _checkbox("resources", wanted.pk) in content
    assert f'value="{other.pk}"' not in content


def test_the_resource_picker_says_how_many_it_found(client, world):
    _resources(["Omvormer A", "Omvormer B", "Omvormer C"])
    client.force_login(world.alice)
    content = client.get(RESOURCE_PICKER, {"resources_q": "omvormer"}).content.decode()
    assert "3 leermiddelen gevonden" in content


def test_the_resource_picker_shows_at_most_twenty(client, world):
    _resources([f"Omvormer {n:02}" for n in range(25)])
    client.force_login(world.alice)
    content = client.get(RESOURCE_PICKER, {"resources_q": "omvormer"}).content.decode()
    assert content.count('type="checkbox"') == 20
    assert "Meer dan 20 leermiddelen gevonden" in content


def test_the_resource_picker_leaves_out_materials_without_a_published_version(client, world):
    material("Omvormer concept", status=ResourceVersion.Status.DRAFT, indexed=False)
    client.force_login(world.alice)
    content = client.get(RESOURCE_PICKER, {"resources_q": "omvormer"}).content.decode()
    assert 'type="checkbox"' not in content


def test_the_resource_picker_keeps_the_chosen_ones_checked(client, world):
    chosen, found = _resources(["Zonnepanelen leggen", "Omvormer aansluiten"])
    client.force_login(world.alice)
    content = client.get(RESOURCE_PICKER, {"resources_q": "omvormer", "resources": [chosen.pk]}).content.decode()
    assert _checkbox("resources", chosen.pk, checked=True) in content
    assert _checkbox("resources", found.pk) in content


def test_the_resource_picker_shows_nothing_for_an_empty_search(client, world):
    _resources(["Omvormer aansluiten"])
    client.force_login(world.alice)
    content = client.get(RESOURCE_PICKER, {"resources_q": "  "}).content.decode()
    assert 'type="checkbox"' not in content


def test_the_offer_picker_finds_titles(client, world):
    wanted = OfferFactory(title="Basiscursus warmtepompen")
    other = OfferFactory(title="Zonnepanelen monteren")
    client.force_login(world.alice)
    content = client.get(OFFER_PICKER, {"offers_q": "WARMTEPOMP"}).content.decode()
    assert _checkbox("training_offers", wanted.pk) in content
    assert f'value="{other.pk}"' not in content


def test_the_offer_picker_shows_at_most_twenty(client, world):
    OfferFactory.create_batch(22, title="Warmtepompcursus", providers=[world.roc])
    client.force_login(world.alice)
    content = client.get(OFFER_PICKER, {"offers_q": "warmtepomp"}).content.decode()
    assert content.count('type="checkbox"') == 20


@pytest.mark.parametrize("url", [RESOURCE_PICKER, OFFER_PICKER])
def test_the_pickers_send_a_visitor_to_login(client, url):
    response = client.get(url, {"resources_q": "a", "offers_q": "a"})
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


@pytest.mark.parametrize("url", [RESOURCE_PICKER, OFFER_PICKER])
def test_the_pickers_refuse_who_may_not_add_practices(client, world, url):
    client.force_login(world.bob)
    assert client.get(url, {"resources_q": "a", "offers_q": "a"}).status_code == 403


# The form ----------------------------------------------------------------------------------------


def test_the_search_button_shows_results_and_keeps_the_input_without_saving(client, world):
    (found,) = _resources(["Omvormer aansluiten"])
    client.force_login(world.alice)
    response = client.post(NEW, _form(world, resources_q="omvormer", search_resources="1"))
    assert response.status_code == 200
    content = response.content.decode()
    assert _checkbox("resources", found.pk) in content
    assert 'value="Renoveren in de wijk"' in content
    assert "1 leermiddel gevonden" in content
    assert not Practice.objects.exists()


def test_a_new_search_text_without_a_button_searches_instead_of_saving(client, world):
    (found,) = _resources(["Omvormer aansluiten"])
    client.force_login(world.alice)
    response = client.post(NEW, _form(world, resources_q="omvormer", resources_q_shown=""))
    assert _checkbox("resources", found.pk) in response.content.decode()
    assert not Practice.objects.exists()


def test_the_form_saves_when_the_search_text_is_the_one_shown(client, world):
    client.force_login(world.alice)
    response = client.post(NEW, _form(world, resources_q="omvormer", resources_q_shown="omvormer"))
    assert response.status_code == 302
    assert Practice.objects.exists()


def test_the_form_remembers_which_search_it_shows(client, world):
    client.force_login(world.alice)
    content = client.post(NEW, _form(world, resources_q="omvormer", search_resources="1")).content.decode()
    assert '<input type="hidden" name="resources_q_shown" value="omvormer">' in content


def test_the_picker_ignores_an_id_with_non_ascii_digits(client, world):
    client.force_login(world.alice)
    response = client.get(RESOURCE_PICKER, {"resources_q": "omvormer", "resources": ["²"]})
    assert response.status_code == 200


def test_the_form_refuses_an_id_with_non_ascii_digits_in_dutch(client, world):
    client.force_login(world.alice)
    response = client.post(NEW, _form(world, resources=["²"]))
    assert response.status_code == 400
    assert "bestaat niet" in response.content.decode()


def test_the_search_button_keeps_the_chosen_items_checked(client, world):
    chosen, _found = _resources(["Zonnepanelen leggen", "Omvormer aansluiten"])
    offer = OfferFactory(title="Basiscursus warmtepompen")
    client.force_login(world.alice)
    data = _form(world, resources=[chosen.pk], training_offers=[offer.pk], resources_q="omvormer", search_offers="1")
    content = client.post(NEW, data).content.decode()
    assert _checkbox("resources", chosen.pk, checked=True) in content
    assert _checkbox("training_offers", offer.pk, checked=True) in content


def test_the_search_button_shows_no_errors_for_an_unfinished_form(client, world):
    client.force_login(world.alice)
    response = client.post(NEW, {"resources_q": "omvormer", "search_resources": "1"})
    assert response.status_code == 200
    assert "error-summary" not in response.content.decode()


def test_the_new_form_lists_no_materials_or_offers(client, world):
    _resources(["Omvormer aansluiten"])
    OfferFactory(title="Basiscursus warmtepompen")
    client.force_login(world.alice)
    content = client.get(NEW).content.decode()
    assert 'name="resources"' not in content
    assert 'name="training_offers"' not in content


def test_the_edit_form_shows_the_linked_items_checked(client, world):
    linked, _other = _resources(["Zonnepanelen leggen", "Omvormer aansluiten"])
    offer = OfferFactory(title="Basiscursus warmtepompen")
    practice = PracticeFactory(owner=world.roc)
    practice.resources.set([linked])
    practice.training_offers.set([offer])
    client.force_login(world.alice)
    content = client.get(f"{practice.get_absolute_url()}bewerken/").content.decode()
    assert _checkbox("resources", linked.pk, checked=True) in content
    assert _checkbox("training_offers", offer.pk, checked=True) in content
    assert content.count('type="checkbox" name="resources"') == 1


def test_saving_accepts_items_that_were_not_shown(client, world):
    resource, _other = _resources(["Zonnepanelen leggen", "Omvormer aansluiten"])
    offer = OfferFactory(title="Basiscursus warmtepompen")
    client.force_login(world.alice)
    response = client.post(NEW, _form(world, resources=[resource.pk], training_offers=[offer.pk]))
    assert response.status_code == 302
    practice = Practice.objects.get()
    assert list(practice.resources.all()) == [resource]
    assert list(practice.training_offers.all()) == [offer]


@pytest.mark.parametrize("field", ["resources", "training_offers"])
def test_an_unknown_item_is_refused_in_dutch_and_nothing_is_saved(client, world, field):
    client.force_login(world.alice)
    response = client.post(NEW, _form(world, **{field: ["987654"]}))
    assert response.status_code == 400
    assert "987654 bestaat niet. Kies uit de lijst." in response.content.decode()
    assert not Practice.objects.exists()


def test_a_material_without_a_published_version_is_refused(client, world):
    draft = material("Omvormer concept", status=ResourceVersion.Status.DRAFT, indexed=False).resource
    client.force_login(world.alice)
    response = client.post(NEW, _form(world, resources=[draft.pk]))
    assert response.status_code == 400
    assert not Practice.objects.exists()


def _query_count(client, method, url, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data)
    assert response.status_code == 200
    return len(queries)


def _more_materials_and_offers(publisher, count=30):
    _resources([f"Omvormer extra {n:02}" for n in range(count)], publisher=publisher)
    OfferFactory.create_batch(count, title="Warmtepompcursus extra", providers=[publisher])


def test_the_edit_form_queries_do_not_grow_with_materials_and_offers(client, world):
    practice = PracticeFactory(owner=world.roc)
    practice.resources.set(_resources(["Omvormer A", "Omvormer B"], publisher=world.gemeente))
    practice.training_offers.set(OfferFactory.create_batch(2, providers=[world.gemeente]))
    client.force_login(world.alice)
    url = f"{practice.get_absolute_url()}bewerken/"
    _query_count(client, "get", url)
    before = _query_count(client, "get", url)
    _more_materials_and_offers(world.gemeente)
    assert _query_count(client, "get", url) == before


def test_a_search_from_the_form_needs_as_many_queries_however_many_items_match(client, world):
    _resources(["Omvormer A"], publisher=world.gemeente)
    OfferFactory(title="Warmtepompcursus", providers=[world.gemeente])
    client.force_login(world.alice)
    data = _form(world, resources_q="omvormer", offers_q="warmtepomp", search_resources="1")
    _query_count(client, "post", NEW, data)
    before = _query_count(client, "post", NEW, data)
    _more_materials_and_offers(world.gemeente)
    assert _query_count(client, "post", NEW, data) == before


def test_the_edit_form_queries_do_not_grow_with_the_partner_rows(client, world):
    practice = PracticeFactory(owner=world.roc)
    client.force_login(world.alice)
    url = f"{practice.get_absolute_url()}bewerken/"
    _query_count(client, "get", url)
    before = _query_count(client, "get", url)
    for n in range(8):
        PracticePartner.objects.create(practice=practice, organisation=world.gemeente, role="gemeente", position=n)
    assert _query_count(client, "get", url) == before
