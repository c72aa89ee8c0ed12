"""The library demo: curated materials made through the services, and generated volume with ``scale``."""

import pytest
from django.db import transaction
from django.test import override_settings

from wattwijs.core.demo import load_demo
from wattwijs.core.models import AuditEntry, Theme
from wattwijs.framework.models import Qualification
from wattwijs.library import demo, licences, vocabularies
from wattwijs.library.models import (
    Author,
    Collection,
    CollectionItem,
    Resource,
    ResourceVersion,
    Review,
    SearchDocument,
)
from wattwijs.library.search.engine import SearchParams, search

PUBLISHED = ResourceVersion.Status.PUBLISHED
MBO_LEVELS = {uuid for uuid, label in vocabularies.levels().items() if label.startswith("MBO, Niveau")}


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """The whole demo (core, framework, library) loaded once for this module and rolled back afterwards.

    Each test runs in its own savepoint inside this transaction, so what a test adds disappears with it.
    """
    fast_hashing = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast_hashing, transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_loaded")]


def published_fictitious():
    return Resource.objects.filter(is_fictitious=True, versions__status=PUBLISHED).distinct()


def counts():
    models = (Resource, ResourceVersion, Author, Review, Collection, CollectionItem, SearchDocument, AuditEntry)
    return {model.__name__: model.objects.count() for model in models}


def test_it_publishes_at_least_150_materials():
    assert published_fictitious().count() >= 150


def test_it_marks_every_material_as_fictitious():
    assert Resource.objects.exists()
    assert not Resource.objects.filter(is_fictitious=False).exists()


def test_it_covers_every_theme():
    covered = set(ResourceVersion.objects.filter(status=PUBLISHED).values_list("themes__code", flat=True))
    assert covered >= set(Theme.objects.values_list("code", flat=True))


def test_it_covers_mbo_levels_1_to_4():
    covered = {
        uuid
        for levels in ResourceVersion.objects.filter(status=PUBLISHED).values_list("educational_levels", flat=True)
        for uuid in levels
    }
    assert len(MBO_LEVELS) == 4
    assert covered >= MBO_LEVELS


def test_it_indexes_every_published_material():
    assert SearchDocument.objects.count() == published_fictitious().count()


def test_it_adds_nothing_when_loaded_again():
    before = counts()
    demo.load()
    assert counts() == before


def test_it_publishes_adaptations_under_an_allowed_licence():
    adaptations = ResourceVersion.objects.filter(status=PUBLISHED, resource__adapted_from__isnull=False)
    assert adaptations.exists()
    for adaptation in adaptations.select_related("resource__adapted_from"):
        assert licences.check_adaptation(adaptation.resource.adapted_from.licence, adaptation.licence) is None


def test_it_publishes_a_second_version_of_some_materials():
    assert ResourceVersion.objects.filter(status=PUBLISHED, number=2).exists()


def test_it_has_approved_reviews_from_several_people_and_some_pending():
    approved = Review.objects.filter(status=Review.Status.APPROVED)
    assert approved.values("author").distinct().count() >= 3
    assert Review.objects.filter(status=Review.Status.PENDING).exists()


def test_it_has_public_and_private_collections_of_people_and_organisations():
    collections = Collection.objects.filter(is_fictitious=True, items__isnull=False).distinct()
    assert collections.filter(is_public=True).exists()
    assert collections.filter(is_public=False).exists()
    assert collections.filter(owner__isnull=False).exists()
    assert collections.filter(organisation__isnull=False).exists()


def test_it_leaves_materials_in_every_other_state():
    states = set(ResourceVersion.objects.values_list("status", flat=True))
    assert states >= {
        ResourceVersion.Status.DRAFT,
        ResourceVersion.Status.SUBMITTED,
        ResourceVersion.Status.RETURNED,
        ResourceVersion.Status.ARCHIVED,
    }
    assert ResourceVersion.objects.filter(status=ResourceVersion.Status.RETURNED).exclude(moderator_comment="").exists()


def test_it_aligns_materials_to_qualifications_of_the_2026_framework():
    values = [item.value for item in search(SearchParams()).facets["qualification"]]
    qualifications = Qualification.objects.filter(pk__in={int(value) for value in values})
    assert qualifications.exists()
    assert set(qualifications.values_list("dossier__version__slug", flat=True)) == {"kwalificatiekader-2026"}


def test_it_offers_some_materials_in_english():
    assert SearchDocument.objects.filter(language="en").exists()


def test_scale_2_gives_2000_published_materials_and_as_many_search_documents():
    load_demo(scale=2)
    assert published_fictitious().count() == 2000
    assert SearchDocument.objects.count() == 2000


def test_scale_2_adds_nothing_when_loaded_again():
    load_demo(scale=2)
    before = counts()
    demo.load(scale=2)
    assert counts() == before


def test_generated_words_occur_in_some_documents_not_all():
    load_demo(scale=2)
    documents = SearchDocument.objects.filter(description__endswith=demo.GENERATED_NOTE)
    total = documents.count()
    for word in ("warmtepomp", "omvormer", "laadpaal"):
        assert 0 < documents.filter(description__icontains=word).count() < total / 4, word
