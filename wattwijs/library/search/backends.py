"""The two full-text backends behind one interface: SQLite FTS5 and PostgreSQL tsvector.

Both receive a parsed ``Query`` and express it in their own syntax; what a term is was decided in
``analysis``, so both match the same documents. Each backend gives a subquery of matching document
ids (for filters and facet counts) and a relevance ordering for a result page.
"""

from __future__ import annotations

from typing import Protocol

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from wattwijs.library.models import SearchDocument
from wattwijs.library.search.query import Query
from wattwijs.library.search.query import to_fts5 as _to_fts5
from wattwijs.library.search.query import to_tsquery as _to_tsquery


# Phrases match inside the title or the body, never in the spelling variants (which are not in text
# order) and never across the end of the title into the body.
def to_fts5(query: Query) -> str:
    return _to_fts5(query, phrase_columns=("title_terms", "body_terms"))


def to_tsquery(query: Query) -> str:
    return _to_tsquery(query, phrase_weights="AB")


class Backend(Protocol):
    def matching_ids(self, query: Query) -> RawSQL:
        """A subquery of the resource ids of the documents that match ``query``."""

    def by_relevance(self, documents: QuerySet[SearchDocument], query: Query) -> QuerySet[SearchDocument]:
        """``documents`` (already restricted to matches) ordered best first."""


class SQLiteBackend:
    """FTS5 with BM25 ranking; a title hit weighs more than a body hit, a spelling variant least."""

    def matching_ids(self, query: Query) -> RawSQL:
        return RawSQL("SELECT rowid FROM library_search_fts WHERE library_search_fts MATCH %s", [to_fts5(query)])

    def by_relevance(self, documents: QuerySet[SearchDocument], query: Query) -> QuerySet[SearchDocument]:
        return documents.extra(
            tables=["library_search_fts"],
            where=[
                "library_search_fts.rowid = library_searchdocument.resource_id",
                "library_search_fts MATCH %s",
            ],
            params=[to_fts5(query)],
            select={"score": "bm25(library_search_fts, 8.0, 2.0, 1.0)"},
            order_by=["score", "-published_at"],
        )


class PostgreSQLBackend:
    """A GIN-indexed stored tsvector; ts_rank with the title in weight A, body B and variants C."""

    def matching_ids(self, query: Query) -> RawSQL:
        return RawSQL(
            "SELECT resource_id FROM library_searchdocument WHERE search_vector @@ to_tsquery('simple', %s)",
            [to_tsquery(query)],
        )

    def by_relevance(self, documents: QuerySet[SearchDocument], query: Query) -> QuerySet[SearchDocument]:
        tsquery = to_tsquery(query)
        return documents.extra(
            where=["library_searchdocument.search_vector @@ to_tsquery('simple', %s)"],
            params=[tsquery],
            select={"score": "-ts_rank(library_searchdocument.search_vector, to_tsquery('simple', %s), 0)"},
            select_params=[tsquery],
            order_by=["score", "-published_at"],
        )


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    return SQLiteBackend()
