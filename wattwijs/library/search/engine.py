"""The search: full-text match, facet filters, facet counts and one page of results.

Queries per search, whatever the page size: one GROUP BY for the counts of every facet group without
an active filter, one more per group with an active filter (each facet is counted with the other
filters applied, so choosing a value never hides the alternatives), and one for the page. The total
comes from the counts of the "source" group, which every document has exactly one value of. Facet
labels come from a cached copy of the small Facet table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from wattwijs.core import caching
from wattwijs.library.models import DocumentFacet, Facet, SearchDocument, SearchWord
from wattwijs.library.search.analysis import analyze, suggest
from wattwijs.library.search.backends import backend
from wattwijs.library.search.index import FACETS_CACHE, RESULTS_CACHE
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


@dataclass
class SearchOutcome:
    query: Query
    total: int
    documents: QuerySet[SearchDocument]
    facets: dict[str, list[FacetCount]]
    facet_info: dict[tuple[str, str], FacetInfo]
    # True when no material has all the words, and these results have at least one of them.
    relaxed: bool = False


@dataclass(frozen=True)
class FacetTable:
    by_id: dict[int, FacetInfo]
    by_value: dict[tuple[str, str], FacetInfo]
    ids_by_group: dict[str, list[int]]


def facet_tables() -> FacetTable:
    """All facet values (a few thousand: publishers are the most), kept in the process until indexing changes them."""

    def load() -> FacetTable:
        rows = Facet.objects.values_list("pk", "group", "value", "label", "label_en")
        by_id = {pk: FacetInfo(pk, group, value, label, label_en) for pk, group, value, label, label_en in rows}
        ids_by_group: dict[str, list[int]] = {}
        for info in by_id.values():
            ids_by_group.setdefault(info.group, []).append(info.pk)
        return FacetTable(by_id, {(i.group, i.value): i for i in by_id.values()}, ids_by_group)

    return caching.cached_in_process(FACETS_CACHE, "all", load)


def facet_table() -> dict[int, FacetInfo]:
    return facet_tables().by_id


def search(params: SearchParams) -> SearchOutcome:
    """All words must match; when that finds nothing, materials with one or more of the words are shown."""
    query = parse(params.q, prefix_last=params.prefix_last)
    outcome = _search(params, query)
    relaxed = query.any_clause()
    if outcome.total == 0 and relaxed != query:
        outcome = _search(params, relaxed)
        outcome.relaxed = True
    return outcome


def _search(params: SearchParams, query: Query) -> SearchOutcome:
    tables = facet_tables()
    facets_by_id, by_value = tables.by_id, tables.by_value
    documents = SearchDocument.objects.all()
    if not query.is_empty:
        documents = documents.filter(resource_id__in=backend().matching_ids(query))
    elif params.q.strip():
        # Words that analyse to nothing (only stop words or symbols) match nothing.
        documents = documents.none()

    group_filters: dict[str, Q] = {}
    for group, values in params.filters.items():
        if group not in FACET_GROUPS or not values:
            continue
        ids = [by_value[(group, value)].pk for value in values if (group, value) in by_value]
        group_filters[group] = Q(resource_id__in=DocumentFacet.objects.filter(facet_id__in=ids).values("document_id"))

    def restricted(skip: str = "") -> QuerySet[SearchDocument]:
        result = documents
        for group, condition in group_filters.items():
            if group != skip:
                result = result.filter(condition)
        return result

    def count() -> tuple[int, dict[str, list[tuple[int, int]]]]:
        per_group: dict[str, list[tuple[int, int]]] = {group: [] for group in FACET_GROUPS}
        if group_filters or query.is_empty:
            links = DocumentFacet.objects.filter(document_id__in=restricted().values("resource_id"))
        else:
            # Words only: the full-text index gives the document ids straight away.
            links = DocumentFacet.objects.filter(document_id__in=backend().matching_ids(query))
        for facet_id, n in links.values_list("facet_id").annotate(n=Count("*")).order_by():
            info = facets_by_id.get(facet_id)
            if info is not None and info.group not in group_filters:
                per_group[info.group].append((facet_id, n))
        for group in group_filters:
            links = DocumentFacet.objects.filter(
                document_id__in=restricted(skip=group).values("resource_id"),
                facet_id__in=tables.ids_by_group.get(group, []),
            )
            per_group[group] = list(links.values_list("facet_id").annotate(n=Count("*")).order_by())
        selected_sources = set(params.filters.get("source", ()))
        total = sum(
            n
            for facet_id, n in per_group["source"]
            if not selected_sources or facets_by_id[facet_id].value in selected_sources
        )
        return total, per_group

    if query.is_empty and not params.q.strip() and not group_filters:
        # The unfiltered overview counts every document; it changes only when the index does.
        total, per_group = caching.cached(RESULTS_CACHE, ("overview",), count)
    else:
        total, per_group = count()

    facets = {
        group: _top_values(rows, facets_by_id, params.filters.get(group, ())) for group, rows in per_group.items()
    }
    return SearchOutcome(
        query=query, total=total, documents=_ordered(restricted(), query, params), facets=facets, facet_info=by_value
    )


def _ordered(documents: QuerySet[SearchDocument], query: Query, params: SearchParams) -> QuerySet[SearchDocument]:
    sort = params.effective_sort
    if sort == "relevance" and not query.is_empty:
        return backend().by_relevance(documents, query)
    if sort == "rating":
        return documents.order_by("-rating_average", "-rating_count", "-published_at", "-resource_id")
    if sort == "title":
        return documents.order_by("title", "resource_id")
    return documents.order_by("-published_at", "-resource_id")


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


def nearest_themes(query: Query, limit: int = 5) -> list[FacetInfo]:
    """Themes whose name shares a word (or the start of one) with the query, for searches without results."""
    stems = query.stems()
    starts = {stem[:4] for stem in stems if len(stem) >= 4}
    found = []
    for info in facet_table().values():
        if info.group != "theme":
            continue
        terms = set(analyze(f"{info.label} {info.label_en}").terms)
        if terms & stems or any(term[:4] in starts for term in terms if len(term) >= 4):
            found.append(info)
    return sorted(found, key=facet_label)[:limit]


def _top_values(
    rows: list[tuple[int, int]], facets_by_id: dict[int, FacetInfo], selected: tuple[str, ...]
) -> list[FacetCount]:
    """The most frequent values of a group (and the selected ones): a filter panel, not a full list."""
    ordered = sorted(rows, key=lambda row: -row[1])
    shown = ordered[:FACET_VALUES_SHOWN]
    shown += [row for row in ordered[FACET_VALUES_SHOWN:] if facets_by_id[row[0]].value in selected]
    return [FacetCount(facets_by_id[pk].value, n, facets_by_id[pk]) for pk, n in shown]
