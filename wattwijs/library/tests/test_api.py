"""REST API of the leermiddelenbank: search, materials, JSON-LD, collections, and writes under the UI's rules."""

import json

import pytest

from wattwijs.core import services as core_services
from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, UserFactory, theme
from wattwijs.framework.models import FrameworkVersion
from wattwijs.framework.tests.factories import VersionFactory, qualification_with_work_processes
from wattwijs.library.models import Collection, CollectionItem, Resource, ResourceVersion, Source
from wattwijs.library.tests.factories import MBO2, MBO3, material

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, raw = core_services.api_token_create(user=user, name="test")
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def author(world):
    user = UserFactory(email="auteur@example.org")
    MembershipFactory(user=user, organisation=world.roc, role=Role.AUTHOR)
    return user


@pytest.fixture
def moderator(world):
    user = UserFactory(email="mod@example.org")
    MembershipFactory(user=user, organisation=world.roc, role=Role.MODERATOR)
    return user


def post(client, path, data, headers):
    return client.post(path, json.dumps(data), content_type="application/json", headers=headers)


def patch(client, path, data, headers):
    return client.patch(path, json.dumps(data), content_type="application/json", headers=headers)


NEW_MATERIAL = {
    "publisher": "roc-test",
    "title": "Warmtepomp inregelen",
    "description": "Stappenplan voor het inregelen van een lucht-waterwarmtepomp.",
    "location": "https://leermiddelen.example.org/warmtepomp",
    "licence": "cc-by-40",
    "educational_levels": [MBO3],
    "learning_resource_types": ["exercise"],
    "keywords": ["warmtepomp", "inregelen"],
    "themes": ["warmtepompen"],
    "authors": [{"name": "Sanne de Vries", "organisation": "ROC Test"}],
}


# Search ----------------------------------------------------------------------------


def test_the_search_answers_count_results_and_facets(client):
    material("Omvormer vervangen", themes=[theme("zon-pv")])
    material("Laadpaal aansluiten", "Een laadpaal veilig aansluiten.")
    body = client.get("/api/v1/resources", {"q": "omvormer"}).json()
    assert body["count"] == 1 and body["results"][0]["title"] == "Omvormer vervangen"
    assert {"theme", "level", "licence", "source"} <= set(body["facets"])
    assert "zon-pv" in [value["value"] for value in body["facets"]["theme"]]


def test_a_search_result_carries_its_landing_url_source_and_oai_identifier(client):
    version = material("Omvormer vervangen", source=Source.HARVESTED, location="https://elders.example.org/1")
    Resource.objects.filter(pk=version.resource_id).update(oai_identifier="oai:elders:1")
    item = client.get("/api/v1/resources", {"q": "omvormer"}).json()["results"][0]
    assert item["id"] == version.resource_id
    assert item["location"] == "https://elders.example.org/1"
    assert item["source"] == "harvested" and item["oai_identifier"] == "oai:elders:1"
    assert item["url"] == f"http://testserver/leermiddelen/{version.resource_id}/"


def test_the_search_takes_the_filters_of_the_search_page(client):
    material("Omvormer mbo 2", levels=[MBO2])
    material("Omvormer mbo 3", levels=[MBO3])
    body = client.get("/api/v1/resources", {"q": "omvormer", "level": MBO2}).json()
    assert [r["title"] for r in body["results"]] == ["Omvormer mbo 2"]
    selected = [f for f in body["facets"]["level"] if f["selected"]]
    assert [f["value"] for f in selected] == [MBO2]


def test_a_filter_may_be_repeated_to_accept_either_value(client):
    material("Omvormer mbo 2", levels=[MBO2])
    material("Omvormer mbo 3", levels=[MBO3])
    assert client.get(f"/api/v1/resources?level={MBO2}&level={MBO3}").json()["count"] == 2


def test_search_results_are_paged_with_links(client):
    for i in range(3):
        material(f"Omvormer {i}")
    body = client.get("/api/v1/resources", {"q": "omvormer", "page_size": 2, "sort": "title"}).json()
    assert body["count"] == 3 and len(body["results"]) == 2 and body["next"].endswith("page=2")
    assert len(client.get(body["next"]).json()["results"]) == 1


def test_drafts_are_not_found_by_the_search(client):
    material("Omvormer concept", status=ResourceVersion.Status.DRAFT)
    assert client.get("/api/v1/resources", {"q": "omvormer"}).json()["count"] == 0


@pytest.mark.parametrize("count", [3, 30])
def test_the_search_makes_a_fixed_number_of_queries(client, count, django_assert_max_num_queries):
    for i in range(count):
        material(f"Omvormer {i}", themes=[theme("zon-pv")])
    search = {"q": "omvormer", "theme": "zon-pv", "page_size": 50}
    client.get("/api/v1/resources", search)  # loads the facet tables held in memory until the index changes
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/resources", search)
    assert response.json()["count"] == count


# Materials --------------------------------------------------------------------------


def test_a_published_material_is_read_with_its_metadata(client):
    version = material("Omvormer vervangen", keywords=["omvormer"], authors=["Piet Jansen"], themes=[theme("zon-pv")])
    body = client.get(f"/api/v1/resources/{version.resource_id}").json()
    assert body["title"] == "Omvormer vervangen" and body["status"] == "gepubliceerd"
    assert body["keywords"] == ["omvormer"] and body["authors"][0]["name"] == "Piet Jansen"
    assert body["licence"]["url"].startswith("https://creativecommons.org/")
    assert body["themes"][0]["code"] == "zon-pv"
    assert body["jsonld"] == f"http://testserver/api/v1/resources/{version.resource_id}.jsonld"


def test_a_draft_is_hidden_from_anonymous_callers_but_shown_to_its_author(client, author):
    version = material("Concept", status=ResourceVersion.Status.DRAFT, created_by=author)
    assert client.get(f"/api/v1/resources/{version.resource_id}").status_code == 404
    response = client.get(f"/api/v1/resources/{version.resource_id}", headers=bearer(author))
    assert response.status_code == 200 and response.json()["status"] == "concept"


def test_the_json_ld_is_a_schema_org_learning_resource(client):
    version = material("Omvormer vervangen", keywords=["omvormer"], levels=[MBO3])
    response = client.get(f"/api/v1/resources/{version.resource_id}.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    assert data["@context"] == "https://schema.org" and data["@type"] == "LearningResource"
    assert data["name"] == "Omvormer vervangen" and data["keywords"] == ["omvormer"]
    assert data["license"].startswith("https://creativecommons.org/")
    assert data["educationalLevel"][0]["termCode"] == MBO3
    assert data["isAccessibleForFree"] is True
    assert data["dateCreated"] == version.created_at.date().isoformat()


def test_the_json_ld_says_which_work_processes_a_material_teaches(client, author):
    work_process = (
        qualification_with_work_processes(VersionFactory(status=FrameworkVersion.Status.ADOPTED), count=1)
        .core_tasks.get()
        .work_processes.get()
    )
    headers = bearer(author)
    pk = post(client, "/api/v1/resources", {**NEW_MATERIAL, "work_processes": [work_process.pk]}, headers).json()["id"]
    data = json.loads(client.get(f"/api/v1/resources/{pk}.jsonld", headers=headers).content)
    assert data["teaches"][0]["termCode"] == work_process.code
    assert data["educationalAlignment"][0]["alignmentType"] == "teaches"


def test_the_material_page_embeds_the_same_json_ld(client):
    version = material("Omvormer vervangen")
    page = client.get(f"/leermiddelen/{version.resource_id}/").content.decode()
    assert '<script type="application/ld+json">' in page and '"LearningResource"' in page


# Writes -----------------------------------------------------------------------------


def test_sharing_a_material_needs_a_token(client, author):
    assert post(client, "/api/v1/resources", NEW_MATERIAL, {}).status_code == 401
    assert not Resource.objects.exists()


def test_an_author_shares_a_material_as_a_draft(client, author):
    response = post(client, "/api/v1/resources", NEW_MATERIAL, bearer(author))
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "concept" and body["version"] == 1
    assert body["jsonld"] == f"http://testserver/api/v1/resources/{body['id']}.jsonld"
    assert body["themes"][0]["code"] == "warmtepompen"
    version = ResourceVersion.objects.get()
    assert version.created_by == author and version.resource.publisher.slug == "roc-test"


def test_characters_xml_cannot_hold_are_taken_out_of_a_shared_material(client, author):
    data = {**NEW_MATERIAL, "title": "Warmtepomp\u000b inregelen\u0000"}
    response = post(client, "/api/v1/resources", data, bearer(author))
    assert response.status_code == 201
    assert ResourceVersion.objects.get().title == "Warmtepomp inregelen"


def test_someone_who_is_no_author_of_the_publisher_may_not_share_for_it(client, world):
    response = post(client, "/api/v1/resources", NEW_MATERIAL, bearer(world.charlie))
    assert response.status_code == 403 and response.json()["error"]["code"] == "permission_denied"
    assert not Resource.objects.exists()


def test_an_invalid_material_is_refused_with_details_and_nothing_is_saved(client, author):
    data = {**NEW_MATERIAL, "licence": "geen-licentie", "themes": ["bestaat-niet"]}
    response = post(client, "/api/v1/resources", data, bearer(author))
    assert response.status_code == 422
    assert any(d["field"] == "body.payload.licence" for d in response.json()["error"]["details"])
    response = post(client, "/api/v1/resources", {**NEW_MATERIAL, "themes": ["bestaat-niet"]}, bearer(author))
    assert response.status_code == 422 and response.json()["error"]["details"][0]["field"] == "themes"
    assert not Resource.objects.exists()


def test_an_author_changes_their_draft_and_submits_it(client, author):
    headers = bearer(author)
    pk = post(client, "/api/v1/resources", NEW_MATERIAL, headers).json()["id"]
    changed = patch(client, f"/api/v1/resources/{pk}", {"title": "Warmtepomp inregelen, deel 2"}, headers)
    assert changed.status_code == 200 and changed.json()["title"] == "Warmtepomp inregelen, deel 2"
    assert changed.json()["description"] == NEW_MATERIAL["description"]
    submitted = client.post(f"/api/v1/resources/{pk}/submit", headers=headers)
    assert submitted.status_code == 200 and submitted.json()["status"] == "ingediend"


def test_only_a_moderator_publishes_and_the_material_is_then_found(client, author, moderator):
    headers = bearer(author)
    pk = post(client, "/api/v1/resources", NEW_MATERIAL, headers).json()["id"]
    client.post(f"/api/v1/resources/{pk}/submit", headers=headers)
    assert client.post(f"/api/v1/resources/{pk}/publish", headers=headers).status_code == 403
    published = client.post(f"/api/v1/resources/{pk}/publish", headers=bearer(moderator))
    assert published.status_code == 200 and published.json()["status"] == "gepubliceerd"
    assert client.get("/api/v1/resources", {"q": "warmtepomp"}).json()["count"] == 1


def test_changing_a_published_material_starts_a_new_draft(client, author):
    version = material("Omvormer", publisher=author.memberships.get(role=Role.AUTHOR).organisation, created_by=author)
    response = patch(client, f"/api/v1/resources/{version.resource_id}", {"title": "Omvormer (nieuw)"}, bearer(author))
    assert response.status_code == 200 and response.json()["version"] == 2
    assert ResourceVersion.objects.get(pk=version.pk).title == "Omvormer"


def test_another_user_may_not_change_a_material(client, world, author):
    version = material("Omvormer", publisher=world.roc, created_by=author)
    response = patch(client, f"/api/v1/resources/{version.resource_id}", {"title": "Gekaapt"}, bearer(world.charlie))
    assert response.status_code == 403
    assert ResourceVersion.objects.filter(resource_id=version.resource_id).count() == 1


# Collections ------------------------------------------------------------------------


def test_anonymous_callers_see_only_public_collections(client, world):
    Collection.objects.create(title="Openbaar", is_public=True, owner=world.alice)
    Collection.objects.create(title="Privé", is_public=False, owner=world.alice)
    titles = [c["title"] for c in client.get("/api/v1/collections").json()["results"]]
    assert titles == ["Openbaar"]


def test_a_token_owner_also_sees_their_own_private_collections(client, world):
    Collection.objects.create(title="Openbaar", is_public=True, owner=world.charlie)
    Collection.objects.create(title="Privé", is_public=False, owner=world.alice)
    body = client.get("/api/v1/collections", headers=bearer(world.alice)).json()
    assert {c["title"]: c["can_edit"] for c in body["results"]} == {"Openbaar": False, "Privé": True}


def test_a_private_collection_of_someone_else_is_not_found(client, world):
    collection = Collection.objects.create(title="Privé", is_public=False, owner=world.alice)
    assert client.get(f"/api/v1/collections/{collection.pk}", headers=bearer(world.charlie)).status_code == 404


def test_the_collection_list_makes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for i in range(20):
        Collection.objects.create(title=f"Lijst {i}", is_public=True, organisation=world.roc)
    headers = bearer(world.alice)
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/v1/collections", {"page_size": 50}, headers=headers).json()["results"]) == 20


def test_a_user_makes_a_collection_and_adds_and_removes_materials(client, world):
    headers = bearer(world.alice)
    version = material("Omvormer")
    created = post(client, "/api/v1/collections", {"title": "Zon-pv lessen", "is_public": True}, headers)
    assert created.status_code == 201
    pk = created.json()["id"]
    added = post(client, f"/api/v1/collections/{pk}/items", {"resource": version.resource_id}, headers)
    assert added.status_code == 201 and [i["id"] for i in added.json()["items"]] == [version.resource_id]
    assert client.delete(f"/api/v1/collections/{pk}/items/{version.resource_id}", headers=headers).status_code == 204
    assert not CollectionItem.objects.exists()


def test_a_draft_cannot_be_added_to_a_collection(client, world):
    headers = bearer(world.alice)
    draft = material("Concept", status=ResourceVersion.Status.DRAFT)
    pk = post(client, "/api/v1/collections", {"title": "Lijst"}, headers).json()["id"]
    response = post(client, f"/api/v1/collections/{pk}/items", {"resource": draft.resource_id}, headers)
    assert response.status_code == 422 and not CollectionItem.objects.exists()


def test_someone_else_may_not_change_a_public_collection(client, world):
    collection = Collection.objects.create(title="Openbaar", is_public=True, owner=world.alice)
    response = patch(client, f"/api/v1/collections/{collection.pk}", {"title": "Anders"}, bearer(world.charlie))
    assert response.status_code == 403
    assert Collection.objects.get(pk=collection.pk).title == "Openbaar"


def test_a_collection_of_an_organisation_needs_an_author_role_there(client, world):
    response = post(
        client, "/api/v1/collections", {"title": "Lijst", "organisation": "roc-test"}, bearer(world.charlie)
    )
    assert response.status_code == 403 and not Collection.objects.exists()
