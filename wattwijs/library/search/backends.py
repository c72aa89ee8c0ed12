"""The two full-text backends behind one interface: SQLite FTS5 and PostgreSQL tsvector.

Both receive a parsed ``Query`` and express it in their own syntax; what a term is was decided in
``analysis``, so both match the same documents. Each backend gives the matching document
ids, in relevance order when asked; filters, facet counts and other orders are the engine's work.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper

from wattwijs.core.bulk import copy_binary
from wattwijs.library.search.matrix import Ints
from wattwijs.library.search.query import Query
from wattwijs.library.search.query import to_fts5 as _to_fts5
from wattwijs.library.search.query import to_tsquery as _to_tsquery


# Phrases match inside the title or the body, never in the spelling variants (which are not in text
# order) and never across the end of the title into the body.
def to_fts5(query: Query) -> str:
    return _to_fts5(query, phrase_columns=("title_terms", "body_terms"))


def to_tsquery(query: Query) -> str:
    return _to_tsquery(query, phrase_weights="AB")


# Limits of a PostgreSQL tsvector: the highest position (later words share it), and how many positions one
# lexeme keeps (``to_tsvector`` keeps one fewer than a concatenation).
MAX_POSITION = 16383
MAX_POSITIONS = 256
# A position keeps its weight in its top two bits, as PostgreSQL stores it.
_WEIGHT_BITS = {"A": 3 << 14, "B": 2 << 14, "C": 1 << 14}
_WEIGHT_OF = {bits: weight for weight, bits in _WEIGHT_BITS.items()}
_POSITION_MASK = (1 << 14) - 1


def tsvector_positions(title_terms: str, body_terms: str, variant_terms: str) -> dict[str, list[int]]:
    """A document's lexemes with their positions (weight bits included): exactly what
    ``setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', body_terms), 'B') ||
    setweight(to_tsvector('simple', variant_terms), 'C')`` keeps, without the database's text parser."""
    positions: dict[str, list[int]] = {}
    number = 0
    for text, bits in (
        (title_terms, _WEIGHT_BITS["A"]),
        (body_terms, _WEIGHT_BITS["B"]),
        (variant_terms, _WEIGHT_BITS["C"]),
    ):
        for word in text.split():
            number += 1
            if number > MAX_POSITION:
                return _long_tsvector_positions(title_terms, body_terms, variant_terms)
            found = positions.get(word)
            if found is None:
                positions[word] = [number | bits]
            elif len(found) < MAX_POSITIONS - 2:
                found.append(number | bits)
            else:
                return _long_tsvector_positions(title_terms, body_terms, variant_terms)
    return positions


def _long_tsvector_positions(title_terms: str, body_terms: str, variant_terms: str) -> dict[str, list[int]]:
    """``tsvector_positions`` for texts that reach PostgreSQL's limits, which ``to_tsvector`` and ``||`` apply
    as here."""
    merged: dict[str, list[tuple[int, int]]] = {}
    shift = 0  # ``a || b`` moves b's positions past the highest position a kept
    for text, bits in (
        (title_terms, _WEIGHT_BITS["A"]),
        (body_terms, _WEIGHT_BITS["B"]),
        (variant_terms, _WEIGHT_BITS["C"]),
    ):
        part: dict[str, list[int]] = {}
        for number, word in enumerate(text.split(), start=1):
            kept = part.setdefault(word, [])
            position = min(number, MAX_POSITION)
            if len(kept) < MAX_POSITIONS - 1 and (not kept or kept[-1] not in (MAX_POSITION, position)):
                kept.append(position)
        highest = shift
        for word, found in part.items():
            into = merged.setdefault(word, [])
            for position in found:
                if len(into) >= MAX_POSITIONS or (into and into[-1][0] == MAX_POSITION):
                    break
                into.append((min(position + shift, MAX_POSITION), bits))
            if into:
                highest = max(highest, into[-1][0])
        shift = highest
    return {word: [position | bits for position, bits in found] for word, found in merged.items()}


def tsvector_text(title_terms: str, body_terms: str, variant_terms: str) -> str:
    """The vector of ``tsvector_positions`` as text. Terms are letters and digits only (see ``analysis``), so
    they need no quoting inside the quotes."""
    return " ".join(
        f"'{word}':{','.join(f'{packed & _POSITION_MASK}{_WEIGHT_OF[packed & ~_POSITION_MASK]}' for packed in found)}"
        for word, found in tsvector_positions(title_terms, body_terms, variant_terms).items()
    )


def tsvector_binary(title_terms: str, body_terms: str, variant_terms: str) -> bytes:
    """The vector of ``tsvector_positions`` in PostgreSQL's binary form (what ``tsvector_send`` gives): the
    number of lexemes, then each lexeme in byte order, zero-terminated, with its count of positions and the
    positions, big-endian. Reading it costs the database far less than parsing the text form."""
    positions = tsvector_positions(title_terms, body_terms, variant_terms)
    parts = [_INT32.pack(len(positions))]
    for word in sorted(positions):  # the order of code points is the order of UTF-8 bytes
        found = positions[word]
        parts.append(word.encode())
        parts.append(_positions_struct(len(found)).pack(len(found), *found))
    return b"".join(parts)


_INT32 = struct.Struct(">i")
_INT64 = struct.Struct(">q")


@functools.lru_cache(maxsize=MAX_POSITIONS + 1)
def _positions_struct(count: int) -> struct.Struct:
    """The zero that ends a lexeme, its number of positions and the positions."""
    return struct.Struct(f">xH{count}H")


@dataclass(frozen=True)
class Matches:
    ids: Ints  # every matching resource id; best first when ``in_order``
    in_order: bool = False
    best: list[int] = field(default_factory=list)  # otherwise the best few, best first


class Backend(Protocol):
    @property
    def document_form(self) -> Callable[[str, str, str], bytes] | None:
        """Turns a document's analysed (title, body, variant) terms into what ``documents_added`` takes, if anything."""

    def documents_added(self, cursor: CursorWrapper, resource_ids: list[int], forms: list[bytes] | None) -> None:
        """Bring the full-text index up to date after these documents were inserted (``forms`` in their order)."""

    def matches(self, query: Query, *, ranked: bool, first: int = 0) -> Matches:
        """The documents that match ``query``. When ``ranked``, either all of them best first (``in_order``) or,
        where ranking everything costs too much, the ``first`` best."""

    def ranked(self, query: Query, start: int, stop: int, among: Ints | None = None) -> list[int]:
        """Resource ids at places ``start`` to ``stop`` of the matches (only those ``among`` these) by relevance."""


def _ids(joined: str | None) -> Ints:
    """Ids from a comma-separated list made by the database (one value instead of a row per id)."""
    if not joined:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(joined, dtype=np.int64, sep=",")


def _binary(packed: bytes | memoryview | None, dtype: str) -> np.ndarray[Any, Any]:
    """Numbers the database packed with ``int8send`` or ``float4send`` (big-endian)."""
    return np.frombuffer(packed or b"", dtype=np.dtype(dtype))


def _fetch_ids(sql: str, params: list[Any]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


FTS_INSERT = (
    "INSERT INTO library_search_fts(rowid, title_terms, body_terms, variant_terms) "
    "SELECT resource_id, title_terms, body_terms, variant_terms FROM library_searchdocument"
)


class SQLiteBackend:
    """FTS5 with BM25 ranking; a title hit weighs more than a body hit, a spelling variant least."""

    MATCH = "FROM library_search_fts WHERE library_search_fts MATCH %s"
    # Ties (equal scores) go to the most recently shared material.
    BEST_FIRST = "ORDER BY bm25(library_search_fts, 8.0, 2.0, 1.0), rowid DESC"

    # The FTS5 table reads the terms from the documents table (external content).
    document_form = None

    def documents_added(self, cursor: CursorWrapper, resource_ids: list[int], forms: list[bytes] | None) -> None:
        if not resource_ids:
            return
        placeholders = ", ".join(["%s"] * len(resource_ids))
        cursor.execute(f"{FTS_INSERT} WHERE resource_id IN ({placeholders})", resource_ids)  # noqa: S608

    def matches(self, query: Query, *, ranked: bool, first: int = 0) -> Matches:
        # Ordering every match by BM25 takes twice as long as finding the best few.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT group_concat(rowid) {self.MATCH}", [to_fts5(query)])
            ids = _ids(cursor.fetchone()[0])
        return Matches(ids=ids, best=self.ranked(query, 0, first) if ranked and first and len(ids) else [])

    def ranked(self, query: Query, start: int, stop: int, among: Ints | None = None) -> list[int]:
        sql, params = f"SELECT rowid {self.MATCH}", [to_fts5(query)]
        if among is not None:
            # The unary plus keeps FTS5 from looking up each candidate: the match runs once and is filtered.
            sql += " AND +rowid IN (SELECT value FROM json_each(%s))"
            params.append(f"[{','.join(map(str, among.tolist()))}]")
        return _fetch_ids(f"{sql} {self.BEST_FIRST} LIMIT %s OFFSET %s", [*params, stop - start, start])


class PostgreSQLBackend:
    """A GIN-indexed tsvector in a narrow table of its own; ts_rank with the title in weight A, body B and
    variants C."""

    # The query is a function in FROM so that it is parsed once: as an argument of ``ts_rank`` it would be
    # parsed again for every matching row, which took a third of the time of a broad search.
    MATCH = "FROM library_searchvector, to_tsquery('simple', %s) AS query WHERE search_vector @@ query"
    SCORE = "ts_rank(search_vector, query, 0)"
    # Each document's vector is made in Python beside the analysis (``tsvector_binary``): PostgreSQL's text parser
    # took most of the time of writing a batch.
    document_form = staticmethod(tsvector_binary)

    def documents_added(self, cursor: CursorWrapper, resource_ids: list[int], forms: list[bytes] | None) -> None:
        if forms is None:
            raise ValueError("PostgreSQL indexes documents from their tsvector text")
        copy_binary(
            "library_searchvector",
            ["resource_id", "search_vector"],
            [(_INT64.pack(number), form) for number, form in zip(resource_ids, forms, strict=True)],
        )

    def matches(self, query: Query, *, ranked: bool, first: int = 0) -> Matches:
        # Reading the matching rows is the cost and ranking them is cheap, so one pass gives every id with its
        # score. Sorting them here is cheaper than an ordered aggregate in the database. Ids and scores come
        # as binary (in the same row order): writing and parsing 17,000 numbers as text took
        # longer than ranking them.
        scores = f", string_agg(float4send({self.SCORE}), '')" if ranked else ""
        with _index_scan() as cursor:
            cursor.execute(
                f"SELECT string_agg(int8send(resource_id), ''){scores} {self.MATCH}",  # noqa: S608
                [to_tsquery(query)],
            )
            row = cursor.fetchone()
        ids = _binary(row[0], ">i8").astype(np.int64)
        if not ranked:
            return Matches(ids=ids)
        # Best first; equal scores go to the most recently shared material (the higher id).
        order = np.lexsort((-ids, -_binary(row[1], ">f4")))
        return Matches(ids=ids[order], in_order=True)

    def ranked(self, query: Query, start: int, stop: int, among: Ints | None = None) -> list[int]:
        tsquery = to_tsquery(query)
        sql, params = f"SELECT resource_id {self.MATCH}", [tsquery]
        if among is not None:
            sql += " AND resource_id = ANY(%s)"
            params.append(among.tolist())
        with _index_scan() as cursor:
            cursor.execute(
                f"{sql} ORDER BY {self.SCORE} DESC, resource_id DESC LIMIT %s OFFSET %s",
                [*params, stop - start, start],
            )
            return [row[0] for row in cursor.fetchall()]


@contextmanager
def _index_scan() -> Iterator[CursorWrapper]:
    """A cursor whose queries find their matches through the GIN index.

    The planner prices ``@@`` like a simple comparison, so for a query with several common words it
    prefers to read the whole narrow table and test every vector, which takes ten times longer than the
    index. The setting ends with the transaction, or straight after, inside a longer one.
    """
    within_transaction = connection.in_atomic_block
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield cursor
        if within_transaction:
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    return SQLiteBackend()
