"""REST API of the core: organisations, regions, themes; paging, the error format and rate limits."""

import pytest
from django.core.cache import cache

from wattwijs.core import services
from wattwijs.core.tests.factories import OrganisationFactory, region, theme

pytestmark = pytest.mark.django_db


def test_organisations_are_listed_with_count_paging_links_and_results(client):
    for i in range(3):
        OrganisationFactory(name=f"Bedrijf {i}", slug=f"bedrijf-{i}")
    body = client.get("/api/v1/organisations", {"page_size": 2}).json()
    assert body["count"] == 3 and len(body["results"]) == 2
    assert body["next"] == "http://testserver/api/v1/organisations?page_size=2&page=2"
    assert body["previous"] is None
    last = client.get(body["next"]).json()
    assert [o["slug"] for o in last["results"]] == ["bedrijf-2"] and last["next"] is None
    assert last["previous"].endswith("page=1")


def test_organisations_are_filtered_like_the_directory(client):
    OrganisationFactory(name="Zonnig BV", slug="zonnig", region=region("AMR24"), themes=[theme("zon-pv")])
    OrganisationFactory(name="Warm BV", slug="warm", region=region("AMR12"))
    assert [o["slug"] for o in client.get("/api/v1/organisations", {"region": "AMR24"}).json()["results"]] == ["zonnig"]
    assert [o["slug"] for o in client.get("/api/v1/organisations", {"theme": "zon-pv"}).json()["results"]] == ["zonnig"]
    assert client.get("/api/v1/organisations", {"q": "warm"}).json()["count"] == 1


def test_an_organisation_is_found_by_its_slug(client):
    OrganisationFactory(name="Zonnig BV", slug="zonnig", region=region("AMR24"))
    body = client.get("/api/v1/organisations/zonnig").json()
    assert body["name"] == "Zonnig BV" and body["region"]["code"] == "AMR24"
    assert body["url"] == "http://testserver/organisaties/zonnig/"


def test_the_organisation_list_makes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for i in range(30):
        OrganisationFactory(themes=[theme("zon-pv")], slug=f"org-{i}")
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/organisations", {"page_size": 30}).status_code == 200


def test_all_35_regions_are_listed(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        body = client.get("/api/v1/regions", {"page_size": 100}).json()
    assert body["count"] == 35 and body["next"] is None


def test_themes_carry_their_parent_code(client):
    body = client.get("/api/v1/themes", {"page_size": 100}).json()
    by_code = {t["code"]: t for t in body["results"]}
    assert any(t["parent"] for t in by_code.values())
    child = next(t for t in by_code.values() if t["parent"])
    assert child["parent"] in by_code
    assert client.get(f"/api/v1/themes/{child['code']}").json()["parent"] == child["parent"]


def test_an_unknown_object_answers_404_in_the_error_format(client):
    response = client.get("/api/v1/organisations/bestaat-niet")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found.", "details": []}}


def test_an_unknown_endpoint_answers_404_in_the_error_format(client):
    response = client.get("/api/v1/bestaat/niet")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_an_invalid_parameter_answers_422_naming_the_parameter(client):
    response = client.get("/api/v1/organisations", {"page_size": 1000})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error" and error["details"][0]["field"] == "query.page_size"


def test_control_characters_in_text_parameters_are_dropped(client):
    OrganisationFactory(name="Warm BV", slug="warm")
    assert client.get("/api/v1/organisations", {"q": "wa\x00rm"}).json()["count"] == 1


def test_callers_without_a_token_are_limited_per_ip_address(client, settings):
    settings.API_RATE_LIMITS = {"ip": "2/minute", "token": "100/minute"}
    cache.clear()
    statuses = [client.get("/api/v1/regions").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = client.get("/api/v1/regions")
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60
    other_address = client.get("/api/v1/regions", REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 200


def test_callers_with_a_token_are_limited_per_token(client, settings, world):
    settings.API_RATE_LIMITS = {"ip": "1/minute", "token": "2/minute"}
    cache.clear()
    _token, raw = services.api_token_create(user=world.alice, name="Script")
    _other, other_raw = services.api_token_create(user=world.bob, name="Script")
    headers = {"Authorization": f"Bearer {raw}"}
    statuses = [client.get("/api/v1/regions", headers=headers).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get("/api/v1/regions", headers={"Authorization": f"Bearer {other_raw}"}).status_code == 200


def test_an_empty_rate_switches_the_limit_off(client, settings):
    settings.API_RATE_LIMITS = {"ip": ""}
    assert all(client.get("/api/v1/regions").status_code == 200 for _ in range(5))


def test_a_client_cannot_escape_the_ip_limit_with_a_forwarded_for_header(client, settings):
    settings.API_RATE_LIMITS = {"ip": "1/minute"}
    cache.clear()
    assert client.get("/api/v1/regions", HTTP_X_FORWARDED_FOR="10.0.0.1").status_code == 200
    assert client.get("/api/v1/regions", HTTP_X_FORWARDED_FOR="10.0.0.2").status_code == 429


def test_a_write_to_an_unknown_endpoint_answers_404_in_the_error_format(client):
    csrf_client = type(client)(enforce_csrf_checks=True)
    response = csrf_client.post("/api/v1/bestaat-niet", {}, content_type="application/json")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_the_api_root_points_to_the_openapi_document_and_the_docs(client):
    body = client.get("/api/v1/").json()
    assert body == {
        "openapi": "http://testserver/api/v1/openapi.json",
        "docs": "http://testserver/api/v1/docs",
    }
    assert client.get("/api/v1/openapi.json").json()["components"]["schemas"]["Error"]


def test_an_unexpected_error_answers_500_in_the_error_format(client, monkeypatch):
    def broken():
        raise RuntimeError("database on fire")

    monkeypatch.setattr("wattwijs.core.selectors.region_list", broken)
    response = client.get("/api/v1/regions")
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "server_error", "message": "Something went wrong on the server.", "details": []}
    }
