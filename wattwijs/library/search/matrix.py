"""Every indexed document's facet values and sort positions, held in the process as arrays.

Counting the facet values of tens of thousands of matches is a GROUP BY over a million rows in SQL;
over arrays it is a few vector operations. The matrix is read from SearchDocument (each document
keeps its facet ids packed in one column) the first time a search needs it after the index changed:
``index.version()`` tells every process when that is.

Rows are documents in resource id order; a *mask* is a boolean array with one entry per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from django.db import connection
from django.db.models import F
from django.db.models.expressions import OrderBy

from wattwijs.library.models import SearchDocument

Mask = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]

PACKED = np.dtype("<i4")

# The orders a result list can have besides relevance, with the newest material first on ties.
SORT_ORDERS: dict[str, tuple[str | OrderBy, ...]] = {
    "newest": ("-published_at", "-resource_id"),
    "rating": (F("rating_average").desc(nulls_last=True), "-rating_count", "-published_at", "-resource_id"),
    "title": ("title", "resource_id"),
}


def pack(facet_ids: Iterable[int]) -> bytes:
    return np.array(sorted(facet_ids), dtype=PACKED).tobytes()


def unpack(packed: bytes | memoryview | None) -> list[int]:
    ids: list[int] = np.frombuffer(bytes(packed or b""), dtype=PACKED).tolist()
    return ids


@dataclass(frozen=True)
class Links:
    """The (document row, facet id) pairs of one facet group, sorted by facet id."""

    rows: Ints
    facets: Ints


@dataclass(frozen=True)
class FacetMatrix:
    resource_ids: Ints  # row → resource id, ascending
    row_of: Ints  # resource id → row, or -1 for a resource without a document
    starts: Ints  # row → where its facet ids begin in ``facets`` (one more entry at the end)
    facets: Ints  # every document's facet ids, row after row
    links: dict[str, Links]  # facet group → its links, to find the documents with a value
    positions: dict[str, Ints]  # sort name → each row's place in that order
    everything_counted: Ints  # the counts of all documents, as ``counts`` gives them

    @property
    def size(self) -> int:
        return len(self.resource_ids)

    def everything(self) -> Mask:
        return np.ones(self.size, dtype=bool)

    def mask_of(self, resource_ids: Ints) -> Mask:
        """The rows of the given resources (ids of resources without a document are left out)."""
        mask = np.zeros(self.size, dtype=bool)
        mask[_known(self.row_of, resource_ids)[1]] = True
        return mask

    def having(self, group: str, facet_ids: Iterable[int]) -> Mask:
        """The documents that have at least one of the given values of ``group``."""
        mask = np.zeros(self.size, dtype=bool)
        links = self.links.get(group)
        if links is None:
            return mask
        for facet_id in facet_ids:
            start, end = np.searchsorted(links.facets, [facet_id, facet_id + 1])
            mask[links.rows[start:end]] = True
        return mask

    def counts(self, mask: Mask) -> Ints:
        """The number of documents in ``mask`` per facet id (all groups at once; the index is the facet id)."""
        rows = np.flatnonzero(mask)
        if len(rows) == self.size:
            return self.everything_counted
        begins = self.starts[rows]
        lengths = self.starts[rows + 1] - begins
        # The positions of the chosen rows' facet ids: each row's run, one after the other.
        runs = np.repeat(begins - np.cumsum(lengths) + lengths, lengths)
        return _count(self.facets[runs + np.arange(len(runs))])

    def first(self, sort: str, mask: Mask, start: int, stop: int) -> list[int]:
        """Resource ids of the documents in ``mask`` at places ``start`` to ``stop`` of the ``sort`` order."""
        rows = np.flatnonzero(mask)
        places = self.positions[sort][rows]
        if stop < len(rows):
            nearest = np.argpartition(places, stop - 1)[:stop]
            rows, places = rows[nearest], places[nearest]
        ordered = rows[np.argsort(places, kind="stable")]
        ids: list[int] = self.resource_ids[ordered[start:stop]].tolist()
        return ids

    def kept(self, resource_ids: Ints, mask: Mask) -> Ints:
        """The given resource ids, in their order, that are in ``mask``."""
        ids, rows = _known(self.row_of, resource_ids)
        return ids[mask[rows]]


def _known(row_of: Ints, resource_ids: Ints) -> tuple[Ints, Ints]:
    """The given resource ids that have a row in the matrix, and their rows."""
    ids = resource_ids[(resource_ids >= 0) & (resource_ids < len(row_of))]
    rows = row_of[ids]
    return ids[rows >= 0], rows[rows >= 0]


def _count(facet_ids: Ints) -> Ints:
    return np.bincount(facet_ids) if len(facet_ids) else np.zeros(0, dtype=np.int64)


def load(group_of: dict[int, str]) -> FacetMatrix:
    """Read the matrix from the database; ``group_of`` maps every Facet id to its group."""
    table = SearchDocument._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT resource_id, facet_ids FROM {table} ORDER BY resource_id")  # noqa: S608
        rows = cursor.fetchall()
    resource_ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    packed = [bytes(row[1] or b"") for row in rows]
    facets = np.frombuffer(b"".join(packed), dtype=PACKED).astype(np.int64)
    lengths = np.fromiter((len(p) // PACKED.itemsize for p in packed), dtype=np.int64, count=len(packed))
    starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    link_rows = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)

    row_of = np.full(int(resource_ids[-1]) + 1 if len(rows) else 0, -1, dtype=np.int64)
    row_of[resource_ids] = np.arange(len(rows), dtype=np.int64)

    groups = sorted(set(group_of.values()))
    group_index = np.full(max(group_of, default=0) + 1, -1, dtype=np.int64)
    for facet_id, group in group_of.items():
        group_index[facet_id] = groups.index(group)
    known = facets < len(group_index)
    link_groups = np.full(len(facets), -1, dtype=np.int64)
    link_groups[known] = group_index[facets[known]]
    links = {}
    for number, group in enumerate(groups):
        chosen = np.flatnonzero(link_groups == number)
        order = chosen[np.argsort(facets[chosen], kind="stable")]
        links[group] = Links(rows=link_rows[order], facets=facets[order])

    positions = {}
    for sort, fields in SORT_ORDERS.items():
        ordered = SearchDocument.objects.order_by(*fields).values_list("resource_id", flat=True)
        ids = np.fromiter(ordered.iterator(chunk_size=10_000), dtype=np.int64)
        # Documents written between these reads are not in the matrix (the next search reloads it).
        known_rows = _known(row_of, ids)[1]
        place = np.full(len(rows), len(rows), dtype=np.int64)
        place[known_rows] = np.arange(len(known_rows), dtype=np.int64)
        positions[sort] = place
    return FacetMatrix(
        resource_ids=resource_ids,
        row_of=row_of,
        starts=starts,
        facets=facets,
        links=links,
        positions=positions,
        everything_counted=_count(facets),
    )
