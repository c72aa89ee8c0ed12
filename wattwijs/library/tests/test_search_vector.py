"""PostgreSQL's search vectors: made in Python exactly as the database would make them, and kept in step."""

import random
import struct

import pytest
from django.db import connection

from wattwijs.core.bulk import copy_binary
from wattwijs.library.search.analysis import analyze
from wattwijs.library.search.backends import tsvector_binary, tsvector_text
from wattwijs.library.search.engine import SearchParams, search
from wattwijs.library.tests.factories import material

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL keeps its vectors in a table"),
]

DATABASE_VECTOR = (
    "SELECT %s::tsvector = (setweight(to_tsvector('simple', %s), 'A') "
    "|| setweight(to_tsvector('simple', %s), 'B') || setweight(to_tsvector('simple', %s), 'C'))"
)


def _same_as_the_database(title: str, body: str, variants: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(DATABASE_VECTOR, [tsvector_text(title, body, variants), title, body, variants])
        return bool(cursor.fetchone()[0])


def _binary_same_as_the_database(title: str, body: str, variants: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE copied (id bigint, vector tsvector)")
        copy_binary("copied", ["id", "vector"], [(struct.pack(">q", 1), tsvector_binary(title, body, variants))])
        cursor.execute(
            "SELECT vector = (setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') "
            "|| setweight(to_tsvector('simple', %s), 'C')) FROM copied",
            [title, body, variants],
        )
        same = bool(cursor.fetchone()[0])
        cursor.execute("DROP TABLE copied")
        return same


def _terms(text: str) -> tuple[str, str]:
    analysed = analyze(text)
    return " ".join(analysed.terms), " ".join(analysed.variants)


def test_it_makes_the_vector_of_an_analysed_text_as_the_database_does():
    title, title_variants = _terms("Hybride warmtepomp inregelen (NEN 1010) voor mbo-3")
    body, body_variants = _terms("Zon-PV, zonPV en zon pv: een werkplaatsopdracht met coëfficiënten.")
    assert _same_as_the_database(title, body, f"{title_variants} {body_variants}")


@pytest.mark.parametrize(
    ("title", "body", "variants"),
    [
        ("", "", ""),
        ("", "", "warmtepomp"),
        ("pomp " * 254, "pomp", ""),  # a word at the most positions one lexeme keeps
        ("pomp " * 300, "pomp " * 300, "pomp " * 300),  # beyond them, in every part
        ("titel", "pomp " * 16390, "zon pv"),  # beyond the highest position
        ("titel", "x " * 16390, "zon pv"),  # the next part starts after what the last one kept
    ],
)
def test_it_makes_the_vector_of_texts_at_the_database_limits_as_the_database_does(title, body, variants):
    assert _same_as_the_database(title, body, variants)


@pytest.mark.parametrize(
    ("title", "body", "variants"),
    [
        ("", "", ""),
        ("hybride warmtepomp", "zon pv zonpv coëfficiënt 1010 zon", "zonpv warmte pomp"),
        ("pomp " * 300, "pomp " * 300, "pomp " * 300),
        ("titel", "pomp " * 16390, "zon pv"),
    ],
)
def test_its_binary_vector_is_the_one_the_database_makes(title, body, variants):
    assert _binary_same_as_the_database(title, body, variants)


def test_it_makes_the_vector_of_long_mixed_texts_as_the_database_does():
    words = ["warmte", "pomp", "nen3140", "3140mbo", *(f"w{n}" for n in range(40))]
    pick = random.Random(7).choices
    texts = [" ".join(pick(words, k=k)) for k in (30, 17_000, 3_000)]
    assert _same_as_the_database(*texts)


def _vectors(resource_id: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM library_searchvector WHERE resource_id = %s", [resource_id])
        return int(cursor.fetchone()[0])


def test_it_removes_the_vector_when_a_material_is_deleted():
    version = material("Omvormer aansluiten")
    before = _vectors(version.resource_id)
    version.resource.delete()
    assert (before, _vectors(version.resource_id)) == (1, 0)


def _setting() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        return str(cursor.fetchone()[0])


def test_a_search_inside_a_transaction_leaves_the_planner_settings_as_they_were():
    material("Omvormer aansluiten")
    search(SearchParams(q="omvormer"))
    assert _setting() == "on"
