"""REST API of the opleidingsschema: the public training offers with the filters of the offers page."""

import pytest

from wattwijs.core.tests.factories import OrganisationFactory, region, theme
from wattwijs.training.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def test_offers_are_listed_with_providers_regions_and_themes(client):
    provider = OrganisationFactory(name="ROC Zon", slug="roc-zon")
    OfferFactory(title="Zonnepanelen leggen", providers=[provider], themes=[theme("zon-pv")])
    offer = client.get("/api/v1/training-offers").json()["results"][0]
    assert offer["title"] == "Zonnepanelen leggen"
    assert offer["providers"] == [{"code": "roc-zon", "name": "ROC Zon"}]
    assert offer["themes"][0]["code"] == "zon-pv" and offer["regions"][0]["code"] == "AMR12"


def test_offers_are_filtered_like_the_offers_page(client):
    OfferFactory(title="In Amsterdam", regions=[region("AMR24")])
    OfferFactory(title="In Utrecht", regions=[region("AMR12")])
    body = client.get("/api/v1/training-offers", {"region": "AMR24"}).json()
    assert [o["title"] for o in body["results"]] == ["In Amsterdam"]


def test_an_unknown_filter_value_is_refused(client):
    response = client.get("/api/v1/training-offers", {"kind": "onbekend"})
    assert response.status_code == 422 and response.json()["error"]["details"][0]["field"] == "query.kind"


def test_offers_do_not_carry_contact_people(client):
    OfferFactory(contact_name="Jan Jansen", contact_email="jan@example.org")
    assert "jan@example.org" not in client.get("/api/v1/training-offers").content.decode()


def test_the_offer_list_makes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(20):
        OfferFactory()
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/training-offers", {"page_size": 50}).json()["results"]) == 20
