"""The search: full-text match, facet filters, facet counts and one page of results.

The full-text backend gives the ids of the matching documents (best first when the results are
ordered by relevance): one query. Filters, facet counts and the other orders work on the facet
matrix in memory (see ``matrix``), and the page reads its documents by id: one more query. The
index's version is read once per search to know whether the tables in memory are current.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, overload

import numpy as np
from django.conf import settings
from django.utils.translation import get_language

from wattwijs.library.models import Facet, SearchDocument, SearchWord
from wattwijs.library.search import index, matrix
from wattwijs.library.search.analysis import analyze, suggest
from wattwijs.library.search.backends import Matches, backend
from wattwijs.library.search.matrix import FacetMatrix, Ints, Mask
from wattwijs.library.search.query import Query, parse

# The facet groups in the order the filter panel shows them.
FACET_GROUPS = ("theme", "level", "type", "licence", "language", "publisher", "region", "qualification", "source")
SORTS = ("relevance", "newest", "rating", "title")
# Long groups (publishers, qualifications) show their most frequent values.
FACET_VALUES_SHOWN = 30


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""
    prefix_last: bool = False

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS and (self.sort != "relevance" or self.q):
            return self.sort
        return "relevance" if self.q else "newest"

    def cache_key(self) -> tuple[Any, ...]:
        return (self.q, tuple(sorted((g, tuple(sorted(v))) for g, v in self.filters.items() if v)), self.prefix_last)


@dataclass(frozen=True)
class FacetInfo:
    pk: int
    group: str
    value: str
    label: str
    label_en: str


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int
    facet: FacetInfo


@dataclass(frozen=True)
class FacetTable:
    by_id: dict[int, FacetInfo]
    by_value: dict[tuple[str, str], FacetInfo]
    ids_by_group: dict[str, Ints]


class ResultList(Sequence[SearchDocument]):
    """The ordered results of a search. Its length is known; a slice reads just those documents, in one query."""

    def __init__(self, total: int, ids_between: Callable[[int, int], list[int]]) -> None:
        self.total = total
        self._ids_between = ids_between

    def __len__(self) -> int:
        return self.total

    def ids(self, start: int = 0, stop: int | None = None) -> list[int]:
        """The resource ids at places ``start`` to ``stop`` (default: to the end), without reading the documents."""
        start, stop, _step = slice(start, stop).indices(self.total)
        return self._ids_between(start, stop) if start < stop else []

    @overload
    def __getitem__(self, index: int) -> SearchDocument: ...

    @overload
    def __getitem__(self, index: slice) -> list[SearchDocument]: ...

    def __getitem__(self, index: int | slice) -> SearchDocument | list[SearchDocument]:
        if isinstance(index, int):
            found = self[index : index + 1] if index >= 0 else self[index:][:1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, step = index.indices(self.total)
        if start >= stop:
            return []
        return documents_in_order(self._ids_between(start, stop))[::step]


def documents_in_order(ids: list[int]) -> list[SearchDocument]:
    """The documents of these resources in this order, without the columns only the search itself reads."""
    by_id = SearchDocument.objects.defer("title_terms", "body_terms", "variant_terms", "facet_ids").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


@dataclass
class SearchOutcome:
    query: Query
    total: int
    documents: ResultList
    facets: dict[str, list[FacetCount]]
    tables: FacetTable
    # True when no material has all the words, and these results have at least one of them.
    relaxed: bool = False

    @property
    def facet_info(self) -> dict[tuple[str, str], FacetInfo]:
        return self.tables.by_value


def facet_tables(at_version: str) -> FacetTable:
    """All facet values (a few thousand: publishers are the most), kept in the process until the index changes."""

    def load() -> FacetTable:
        rows = Facet.objects.values_list("pk", "group", "value", "label", "label_en")
        by_id = {pk: FacetInfo(pk, group, value, label, label_en) for pk, group, value, label, label_en in rows}
        ids_by_group: dict[str, list[int]] = {}
        for info in by_id.values():
            ids_by_group.setdefault(info.group, []).append(info.pk)
        arrays = {group: np.array(sorted(ids), dtype=np.int64) for group, ids in ids_by_group.items()}
        return FacetTable(by_id, {(i.group, i.value): i for i in by_id.values()}, arrays)

    return index.held("facets", at_version, load)


def facet_matrix(at_version: str, tables: FacetTable) -> FacetMatrix:
    return index.held("matrix", at_version, lambda: matrix.load({pk: info.group for pk, info in tables.by_id.items()}))


def search(params: SearchParams) -> SearchOutcome:
    """All words must match; when that finds nothing, materials with one or more of the words are shown."""
    query = parse(params.q, prefix_last=params.prefix_last)
    at_version = index.version()
    outcome = _search(params, query, at_version)
    relaxed = query.any_clause()
    if outcome.total == 0 and relaxed != query:
        outcome = _search(params, relaxed, at_version)
        outcome.relaxed = True
    return outcome


def _search(params: SearchParams, query: Query, at_version: str) -> SearchOutcome:
    tables = facet_tables(at_version)
    documents = facet_matrix(at_version, tables)
    sort = params.effective_sort
    # Each group is counted with the filters of the other groups, so choosing a value never hides the alternatives.
    known = tables.by_value
    chosen = {
        group: documents.having(group, [known[(group, v)].pk for v in values if (group, v) in known])
        for group, values in params.filters.items()
        if group in FACET_GROUPS and values
    }
    found = Matches(ids=_NONE)
    if not query.is_empty:
        # Without filters, the first page of results by relevance comes with the matches.
        found = backend().matches(query, ranked=sort == "relevance", first=0 if chosen else settings.PAGE_SIZE)
        matched = documents.mask_of(found.ids)
    elif params.q.strip():
        # Words that analyse to nothing (only stop words or symbols) match nothing.
        matched = ~documents.everything()
    else:
        matched = documents.everything()

    def restricted(skip: str = "") -> Mask:
        mask = matched.copy()
        for group, having in chosen.items():
            if group != skip:
                mask &= having
        return mask

    selected = restricted()
    counted = documents.counts(selected)
    facets = {
        group: _top_values(
            documents.counts(restricted(skip=group)) if group in chosen else counted,
            tables.ids_by_group.get(group, _NONE),
            tables.by_id,
            params.filters.get(group, ()),
        )
        for group in FACET_GROUPS
    }
    total = int(selected.sum())
    if sort != "relevance" or query.is_empty:
        results = ResultList(total, partial(documents.first, sort, selected))
    elif found.in_order:
        best_first = documents.kept(found.ids, selected)
        results = ResultList(len(best_first), lambda start, stop: best_first[start:stop].tolist())
    elif chosen:
        results = ResultList(total, partial(backend().ranked, query, among=documents.resource_ids[selected]))
    else:
        results = ResultList(total, partial(_best_between, query, found.best))
    return SearchOutcome(query=query, total=len(results), documents=results, facets=facets, tables=tables)


def _best_between(query: Query, best: list[int], start: int, stop: int) -> list[int]:
    return best[start:stop] if stop <= len(best) else backend().ranked(query, start, stop)


def facet_label(info: FacetInfo) -> str:
    if info.label_en and (get_language() or "nl").startswith("en"):
        return info.label_en
    return info.label


def did_you_mean(query: Query) -> list[str]:
    """Close spellings of the query's words from the index vocabulary (for searches without results)."""
    suggestions: list[str] = []
    for word in query.terms_for_suggestion()[:4]:
        if len(word) < 3:
            continue
        candidates = SearchWord.objects.filter(word__startswith=word[:2]).values_list("word", flat=True)[:5000]
        suggestions.extend(w for w in suggest(word, candidates, n=2) if w != word)
    return suggestions[:5]


def nearest_themes(query: Query, tables: FacetTable, limit: int = 5) -> list[FacetInfo]:
    """Themes whose name shares a word (or the start of one) with the query, for searches without results."""
    stems = query.stems()
    starts = {stem[:4] for stem in stems if len(stem) >= 4}
    found = []
    for info in tables.by_id.values():
        if info.group != "theme":
            continue
        terms = set(analyze(f"{info.label} {info.label_en}").terms)
        if terms & stems or any(term[:4] in starts for term in terms if len(term) >= 4):
            found.append(info)
    return sorted(found, key=facet_label)[:limit]


_NONE = np.zeros(0, dtype=np.int64)


def _top_values(
    counted: Ints, group_ids: Ints, facets_by_id: dict[int, FacetInfo], selected: tuple[str, ...]
) -> list[FacetCount]:
    """The most frequent values of a group (and the selected ones): a filter panel, not a full list."""
    ids = group_ids[group_ids < len(counted)]
    numbers = counted[ids]
    ids, numbers = ids[numbers > 0], numbers[numbers > 0]
    order = np.argsort(-numbers, kind="stable")
    shown = order[:FACET_VALUES_SHOWN].tolist()
    if selected:
        shown += [i for i in order[FACET_VALUES_SHOWN:].tolist() if facets_by_id[int(ids[i])].value in selected]
    pairs = zip(ids[shown].tolist(), numbers[shown].tolist(), strict=True)
    return [FacetCount(facets_by_id[pk].value, n, facets_by_id[pk]) for pk, n in pairs]
