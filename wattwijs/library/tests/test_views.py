import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, UserFactory, theme
from wattwijs.library.models import ResourceVersion, SearchDocument
from wattwijs.library.tests.factories import MBO3, material

pytestmark = pytest.mark.django_db


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_search_page_is_public_and_lists_published_materials(client):
    material("Omvormer vervangen")
    response = client.get("/leermiddelen/", {"q": "omvormer"})
    assert "Omvormer vervangen" in response.content.decode()


def test_matched_words_are_highlighted_in_the_snippet(client):
    material("Omvormer", "Zo vervang je een omvormer veilig.")
    assert "<mark>omvormer</mark>" in client.get("/leermiddelen/", {"q": "omvormer"}).content.decode()


def test_a_result_shows_its_level_licence_and_fictitious_label(client):
    material("Omvormer vervangen", levels=[MBO3], licence="cc-by-sa-40")
    card = client.get("/leermiddelen/", {"q": "omvormer"}).content.decode()
    assert all(part in card for part in ('class="chip chip-level">mbo 3<', "CC BY-SA", "badge-fictitious"))


def test_a_rated_result_shows_its_average_and_number_of_reviews(client):
    version = material("Omvormer vervangen")
    SearchDocument.objects.filter(pk=version.resource_id).update(rating_average=4.5, rating_count=2)
    card = client.get("/leermiddelen/", {"q": "omvormer"}).content.decode()
    assert "waardering 4,5 van de 5 (2 beoordelingen)" in card


@pytest.mark.parametrize("count", [3, 30])
def test_the_search_page_makes_at_most_12_queries_whatever_the_number_of_results(client, count):
    for i in range(count):
        material(f"Omvormer {i}", themes=[theme("zon-pv")])
    assert _queries(client, "/leermiddelen/?q=omvormer&theme=zon-pv&sort=rating") <= 12


def test_the_number_of_queries_does_not_grow_with_the_results(client):
    material("Omvormer 0")
    few = _queries(client, "/leermiddelen/?q=omvormer")
    for i in range(1, 30):
        material(f"Omvormer {i}")
    assert _queries(client, "/leermiddelen/?q=omvormer") == few


def test_htmx_gets_only_the_results(client):
    response = client.get("/leermiddelen/", {"q": "omvormer"}, headers={"HX-Request": "true"})
    assert "<header" not in response.content.decode()


def test_zero_results_suggest_a_spelling_from_the_index(client):
    material("Omvormer vervangen", "De omvormer zet gelijkstroom om.")
    response = client.get("/leermiddelen/", {"q": "omvromer"})
    assert response.context["suggestions"] == ["omvormer"]


def test_autocomplete_offers_titles_for_a_prefix(client):
    material("Laadpaal installeren")
    assert "Laadpaal installeren" in client.get("/leermiddelen/suggesties/", {"q": "laadp"}).content.decode()


def test_the_detail_page_shows_the_attribution_and_licence(client):
    version = material("Omvormer vervangen", licence="cc-by-sa-40", authors=["Fatima el Amrani"])
    content = client.get(f"/leermiddelen/{version.resource_id}/").content.decode()
    assert "CC BY-SA 4.0" in content and "Fatima el Amrani" in content


def test_the_detail_page_embeds_a_schema_org_learning_resource(client):
    version = material("Omvormer vervangen", levels=[MBO3])
    content = client.get(f"/leermiddelen/{version.resource_id}/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))
    assert (data["@type"], data["name"], data["educationalLevel"][0]["termCode"]) == (
        "LearningResource",
        "Omvormer vervangen",
        MBO3,
    )


def test_a_stable_version_url_keeps_showing_that_version(client):
    version = material("Eerste versie")
    assert client.get(f"/leermiddelen/{version.resource_id}/v/1/").context["version"].pk == version.pk


def test_a_draft_is_hidden_from_the_public(client):
    version = material("Geheim concept", status=ResourceVersion.Status.DRAFT)
    assert client.get(f"/leermiddelen/{version.resource_id}/").status_code == 404


def _author(world):
    user = UserFactory(email="auteur@example.org")
    MembershipFactory(user=user, organisation=world.roc, role=Role.AUTHOR)
    return user


FORM = {
    "title": "Warmtepomp inregelen",
    "description": "Opdracht voor de werkplaats.",
    "licence": "cc-by-40",
    "educational_levels": [MBO3],
    "learning_resource_types": ["exercise"],
    "language": "nl",
    "aggregation_level": "2",
    "location": "https://leermiddelen.example.org/inregelen",
    "authors": "Jan de Vries; ROC Test",
}


def test_an_author_shares_a_material_as_a_draft(world, client):
    client.force_login(_author(world))
    response = client.post("/leermiddelen/delen/", {**FORM, "publisher": world.roc.pk})
    version = ResourceVersion.objects.get()
    assert (response.status_code, version.status, version.authors.get().organisation) == (302, "concept", "ROC Test")


def test_a_wrong_upload_gives_a_dutch_message_and_saves_nothing(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(_author(world))
    upload = SimpleUploadedFile("opdracht.pdf", b"not a pdf at all")
    response = client.post("/leermiddelen/delen/", {**FORM, "publisher": world.roc.pk, "upload": upload})
    assert "komt niet overeen" in response.content.decode()
    assert not ResourceVersion.objects.exists()


def test_someone_without_an_author_role_cannot_open_the_share_form(world, client):
    client.force_login(world.bob)
    assert client.get("/leermiddelen/delen/").status_code == 403


def test_the_moderation_queue_lists_submitted_materials(world, client):
    material("Wacht op publicatie", publisher=world.roc, status=ResourceVersion.Status.SUBMITTED)
    client.force_login(world.alice)
    assert "Wacht op publicatie" in client.get("/leermiddelen/moderatie/").content.decode()


def test_a_moderator_publishes_from_the_material_page(world, client):
    version = material("Klaar", publisher=world.roc, status=ResourceVersion.Status.SUBMITTED)
    client.force_login(world.alice)
    client.post(f"/leermiddelen/{version.resource_id}/v/1/publiceren/")
    version.refresh_from_db()
    assert version.status == "gepubliceerd"


def test_a_teacher_reviews_a_material(world, client):
    version = material("Omvormer vervangen")
    client.force_login(world.bob)
    client.post(f"/leermiddelen/{version.resource_id}/v/1/beoordelen/", {"rating": "4", "text": "Handig."})
    assert version.reviews.get().rating == 4


def test_a_moderator_approves_a_review_from_the_queue(world, client):
    from wattwijs.library.models import Review

    version = material("Omvormer vervangen", publisher=world.roc)
    review = Review.objects.create(version=version, author=world.bob, rating=5)
    client.force_login(world.alice)
    client.post(f"/leermiddelen/beoordelingen/{review.pk}/goedkeuren/")
    review.refresh_from_db()
    assert review.status == Review.Status.APPROVED


def test_someone_else_cannot_moderate_a_review(world, client):
    from wattwijs.library.models import Review

    version = material("Omvormer vervangen", publisher=world.roc)
    review = Review.objects.create(version=version, author=world.bob, rating=5)
    client.force_login(world.charlie)
    assert client.post(f"/leermiddelen/beoordelingen/{review.pk}/goedkeuren/").status_code == 403


def test_the_adaptation_page_explains_why_no_derivatives_are_allowed(world, client):
    version = material("Examen", licence="cc-by-nd-40")
    client.force_login(world.alice)
    response = client.get(f"/leermiddelen/{version.resource_id}/v/1/bewerking-maken/")
    assert (response.context["allowed"], str(response.context["refusal"]) in response.content.decode()) == (False, True)


def test_an_adaptation_offers_only_compatible_licences(world, client):
    version = material("Opdracht", licence="cc-by-sa-40")
    client.force_login(world.alice)
    response = client.get(f"/leermiddelen/{version.resource_id}/v/1/bewerking-maken/")
    assert [code for code, _ in response.context["form"].fields["licence"].choices] == ["cc-by-sa-40"]


def test_making_an_adaptation_opens_its_draft(world, client):
    version = material("Opdracht", licence="cc-by-40")
    client.force_login(world.alice)
    response = client.post(
        f"/leermiddelen/{version.resource_id}/v/1/bewerking-maken/", {"publisher": world.roc.pk, "licence": "cc-by-40"}
    )
    adaptation = ResourceVersion.objects.exclude(pk=version.pk).get()
    assert response["Location"] == f"/leermiddelen/{adaptation.resource_id}/v/1/bewerken/"


def test_a_teacher_adds_a_search_result_to_a_collection(world, client):
    from wattwijs.library.models import Collection

    version = material("Omvormer vervangen")
    collection = Collection.objects.create(title="Mijn lessen", owner=world.bob)
    client.force_login(world.bob)
    client.post(
        "/leermiddelen/collecties/materiaal/",
        {"collection": collection.pk, "resource": version.resource_id, "next": "/leermiddelen/?q=omvormer"},
    )
    assert list(collection.items.values_list("resource_id", flat=True)) == [version.resource_id]


def test_a_private_collection_is_not_found_by_others(world, client):
    from wattwijs.library.models import Collection

    collection = Collection.objects.create(title="Privé", owner=world.bob)
    client.force_login(world.charlie)
    assert client.get(f"/leermiddelen/collecties/{collection.pk}/").status_code == 404


def test_a_public_collection_is_listed_for_everyone(world, client):
    from wattwijs.library.models import Collection

    Collection.objects.create(title="Startpakket warmtepompen", owner=world.bob, is_public=True)
    assert "Startpakket warmtepompen" in client.get("/leermiddelen/collecties/").content.decode()


def test_the_search_results_offer_the_users_collections(world, client):
    from wattwijs.library.models import Collection

    material("Omvormer vervangen")
    Collection.objects.create(title="Mijn lessen", owner=world.bob)
    client.force_login(world.bob)
    assert "Mijn lessen" in client.get("/leermiddelen/", {"q": "omvormer"}).content.decode()


def test_an_author_makes_a_collection_for_their_organisation(world, client):
    from wattwijs.library.models import Collection

    client.force_login(world.alice)
    client.post("/leermiddelen/collecties/nieuw/", {"title": "Startpakket", "organisation": world.roc.pk})
    assert Collection.objects.get().organisation == world.roc


def test_zero_results_point_to_a_theme_with_the_same_word(client):
    material("Panelen leggen", themes=[theme("warmtepompen")])
    response = client.get("/leermiddelen/", {"q": "warmtepompkunde"})
    assert [t["url"] for t in response.context["themes"]] == ["?theme=warmtepompen"]
