"""The search index: documents, their packed facet ids, the index version and tables held per process."""

import pytest

from wattwijs.library.models import Facet, SearchDocument
from wattwijs.library.search import index, matrix
from wattwijs.library.search.engine import SearchParams, search
from wattwijs.library.tests.factories import MBO3, material

pytestmark = pytest.mark.django_db


def _documents():
    return list(
        SearchDocument.objects.order_by("resource_id").values_list(
            "resource_id", "title_terms", "body_terms", "variant_terms", "facet_ids"
        )
    )


def test_each_document_keeps_the_ids_of_its_facet_values():
    version = material("Omvormer aansluiten", levels=[MBO3], licence="cc-by-sa-40")
    document = SearchDocument.objects.get(pk=version.resource_id)
    values = set(Facet.objects.filter(pk__in=matrix.unpack(document.facet_ids)).values_list("group", "value"))
    assert {("level", MBO3), ("licence", "cc-by-sa-40"), ("source", "wattwijs")} <= values


def test_indexing_in_several_batches_writes_what_one_batch_writes(monkeypatch):
    ids = [material(f"Omvormer {n}", f"Zon-PV installatie nummer {n}.", indexed=False).resource_id for n in range(5)]
    index.index_resources(ids)
    in_one_batch = _documents()
    index.remove(ids)
    monkeypatch.setattr(index, "BATCH_SIZE", 2)
    written = index.index_resources(ids)
    assert (written, _documents()) == (5, in_one_batch)


def test_every_change_to_the_index_gives_it_a_new_version():
    version = material("Omvormer aansluiten")
    versions = [index.version()]
    index.index_resources([version.resource_id])
    versions.append(index.version())
    index.remove([version.resource_id])
    versions.append(index.version())
    assert len(set(versions)) == 3


def test_a_held_table_is_built_again_only_for_a_new_version():
    built = []

    def build():
        built.append(1)
        return len(built)

    values = [index.held("test", "a", build), index.held("test", "a", build), index.held("test", "b", build)]
    assert values == [1, 1, 2]


def test_a_search_sees_materials_published_after_its_tables_were_loaded():
    material("Omvormer aansluiten")
    search(SearchParams(q="omvormer"))
    material("Omvormer vervangen")
    outcome = search(SearchParams(q="omvormer"))
    assert (outcome.total, outcome.facets["source"][0].count) == (2, 2)


def test_deferred_indexing_indexes_the_collected_materials_at_the_end():
    with index.deferred():
        material("Omvormer aansluiten")
        found_inside = search(SearchParams(q="omvormer")).total
    assert (found_inside, search(SearchParams(q="omvormer")).total) == (0, 1)
