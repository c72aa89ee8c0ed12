"""Keeps the search read model (SearchDocument with its packed facet ids, and the word list) in step with
published materials.

Indexing works in batches: a few queries read a batch of current versions with everything a document
needs (``_read``), the text is analysed in Python (``analysis.analyze_documents``), and the rows are
written with bulk inserts (``_write``). The database's own full-text index follows the SearchDocument
rows (FTS5 on SQLite; on PostgreSQL the vectors, which the analysis makes beside the terms). Every write
gives the index a new version in the same transaction, which tells search processes to reload what they
keep in memory.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models import Avg, Count, F, Q

from wattwijs.core.bulk import insert_rows
from wattwijs.core.models import Theme
from wattwijs.framework import selectors as framework_selectors
from wattwijs.library.models import (
    Author,
    Facet,
    Resource,
    ResourceVersion,
    Review,
    SearchDocument,
    SearchIndexState,
    SearchWord,
    Source,
)
from wattwijs.library.search.analysis import DocumentsAnalysis, analyze_documents
from wattwijs.library.search.backends import backend
from wattwijs.library.search.matrix import pack

BATCH_SIZE = 2000
T = TypeVar("T")


@dataclass(frozen=True)
class FacetKey:
    group: str
    value: str
    label: str = ""
    label_en: str = ""


_deferred: ContextVar[set[int] | None] = ContextVar("library_deferred_indexing", default=None)


@contextmanager
def deferred() -> Iterator[None]:
    """Collect the materials to (re)index within the block and index them together at its end.

    For loaders that publish many materials one by one: each publish would otherwise index on its own.
    """
    collected: set[int] = set()
    token = _deferred.set(collected)
    try:
        yield
    finally:
        _deferred.reset(token)
    index_resources(collected)


def index_resources(resource_ids: Iterable[int]) -> int:
    """(Re)index the given materials: published ones get a document, others lose theirs. Returns documents written."""
    if (collected := _deferred.get()) is not None:
        collected.update(resource_ids)
        return 0
    ids = sorted(set(resource_ids))
    batches = [ids[start : start + BATCH_SIZE] for start in range(0, len(ids), BATCH_SIZE)]
    if len(batches) < 2:
        return sum(
            _write(batch_ids, batch, analyze_documents(batch.texts, batch.vocabulary_texts, backend().document_form))
            for batch_ids in batches
            for batch in [_read(batch_ids)]
        )
    # Analysing the text takes about as long as reading and writing a batch: a second process analyses
    # each batch while this one writes the one before. It is forked (no fresh interpreter to start, and no
    # re-import of the main module) and only runs the analysis, a function of strings: it never touches
    # the database connection it inherits.
    written = 0
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as analyser:
        waiting: tuple[list[int], _Batch, Future[DocumentsAnalysis]] | None = None
        for batch_ids in batches:
            batch = _read(batch_ids)
            analysis = analyser.submit(analyze_documents, batch.texts, batch.vocabulary_texts, backend().document_form)
            if waiting is not None:
                written += _write(waiting[0], waiting[1], waiting[2].result())
            waiting = (batch_ids, batch, analysis)
        if waiting is not None:
            written += _write(waiting[0], waiting[1], waiting[2].result())
    return written


def rebuild() -> int:
    """Index every published material again, and rebuild the word list."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        _changed()
    ids = Resource.objects.filter(current__isnull=False).values_list("pk", flat=True).order_by("pk")
    return index_resources(ids)


def remove(resource_ids: Iterable[int]) -> None:
    ids = list(resource_ids)
    if (collected := _deferred.get()) is not None:
        collected.update(ids)
        return
    with transaction.atomic():
        _delete_documents(ids)
        _changed()


def version() -> str:
    """The index's version; every committed change to the index gives it a new one."""
    return SearchIndexState.objects.filter(pk=1).values_list("version", flat=True).first() or ""


_held: dict[str, tuple[str, Any]] = {}


def held(name: str, at_version: str, build: Callable[[], T]) -> T:
    """A table derived from the index, kept in this process while the index stays at ``at_version``."""
    hit = _held.get(name)
    if hit is not None and hit[0] == at_version:
        return hit[1]  # type: ignore[no-any-return]
    value = build()
    _held[name] = (at_version, value)
    return value


def forget_held() -> None:
    _held.clear()


def _changed() -> None:
    """Give the index a new version, in the transaction of the change (one statement, safe between processes)."""
    table = connection.ops.quote_name(SearchIndexState._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (id, version) VALUES (1, %s) "  # noqa: S608 - our own table
            "ON CONFLICT (id) DO UPDATE SET version = excluded.version",
            [uuid.uuid4().hex],
        )


@dataclass(frozen=True)
class _Version:
    """What indexing reads of one current published version (plain values; no model instances)."""

    pk: int
    resource_id: int
    number: int
    title: str
    description: str
    keywords: list[str]
    language: str
    levels: list[str]
    resource_types: list[str]
    licence: str
    published_at: datetime | None
    source: str
    is_fictitious: bool
    created_at: datetime
    publisher_id: int
    publisher_name: str
    publisher_slug: str
    region_id: int | None
    region_code: str | None
    region_name: str | None


_VERSION_FIELDS = (
    "pk",
    "resource_id",
    "number",
    "title",
    "description",
    "keywords",
    "language",
    "educational_levels",
    "learning_resource_types",
    "licence",
    "published_at",
    "resource__source",
    "resource__is_fictitious",
    "resource__created_at",
    "resource__publisher_id",
    "resource__publisher__name",
    "resource__publisher__slug",
    "resource__publisher__region_id",
    "resource__publisher__region__code",
    "resource__publisher__region__name",
)


def _versions(resource_ids: list[int]) -> list[_Version]:
    rows = (
        ResourceVersion.objects.filter(resource_id__any=resource_ids, status=ResourceVersion.Status.PUBLISHED)
        .filter(resource__current_id=F("pk"))
        .values_list(*_VERSION_FIELDS)
    )
    return [_Version(*row) for row in rows]


def _themes_of(version_ids: list[int]) -> dict[int, list[Theme]]:
    themes = {theme.pk: theme for theme in Theme.objects.select_related("parent")}
    links = ResourceVersion.themes.through.objects.filter(resourceversion_id__any=version_ids).values_list(
        "resourceversion_id", "theme_id"
    )
    by_version: dict[int, list[Theme]] = {}
    for version_id, theme_id in links.order_by("resourceversion_id", "theme__code"):
        by_version.setdefault(version_id, []).append(themes[theme_id])
    return by_version


def _authors_of(version_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    rows = Author.objects.filter(version_id__any=version_ids).order_by("version_id", "position", "pk")
    by_version: dict[int, list[tuple[str, str]]] = {}
    for version_id, name, organisation in rows.values_list("version_id", "name", "organisation"):
        by_version.setdefault(version_id, []).append((name, organisation))
    return by_version


def _ratings(resource_ids: list[int]) -> dict[int, tuple[float, int]]:
    rows = (
        Review.objects.filter(version__resource_id__any=resource_ids, status=Review.Status.APPROVED)
        .values_list("version__resource_id")
        .annotate(average=Avg("rating"), count=Count("pk"))
        .order_by()
    )
    return {resource_id: (average, count) for resource_id, average, count in rows}


@dataclass
class _Batch:
    """A batch of documents read and put together, waiting for the analysis of its text."""

    rows: list[tuple[Any, ...]]  # DOCUMENT_COLUMNS up to the analysed text
    facet_keys: list[list[FacetKey]]
    texts: list[tuple[str, str]]  # (title, body) of each document
    vocabulary_texts: list[str]


def _read(resource_ids: list[int]) -> _Batch:
    versions = _versions(resource_ids)
    version_ids = [v.pk for v in versions]
    themes_of = _themes_of(version_ids)
    authors_of = _authors_of(version_ids)
    ratings = _ratings(resource_ids)
    qualifications = framework_selectors.aligned_qualifications(
        content_type=ContentType.objects.get_for_model(ResourceVersion), object_ids=version_ids
    )
    batch = _Batch(rows=[], facet_keys=[], texts=[], vocabulary_texts=[])
    adapt_datetime = connection.ops.adapt_datetimefield_value
    for version in versions:
        themes = themes_of.get(version.pk, [])
        authors = authors_of.get(version.pk, [])
        author_texts = [f"{name} ({organisation})" if organisation else name for name, organisation in authors]
        average, count = ratings.get(version.resource_id, (None, 0))
        batch.rows.append(
            (
                version.resource_id,
                version.number,
                version.title,
                version.description,
                version.publisher_id,
                version.publisher_name,
                version.publisher_slug,
                version.region_id,
                version.licence,
                version.language,
                _json(tuple(version.levels)),
                _json(tuple(version.resource_types)),
                _json(tuple(theme.code for theme in themes)),
                ", ".join(name for name, _ in authors)[:500],
                version.source,
                adapt_datetime(version.published_at or version.created_at),
                average,
                count,
                version.is_fictitious,
            )
        )
        batch.texts.append(
            (version.title, " ".join([version.description, " ".join(version.keywords), " ".join(author_texts)]))
        )
        batch.vocabulary_texts += [version.title, version.description, *version.keywords]
        keys = [
            FacetKey("licence", version.licence),
            FacetKey("language", version.language),
            FacetKey("source", version.source),
            FacetKey("publisher", version.publisher_slug, version.publisher_name),
        ]
        if version.source == Source.HARVESTED:
            # Harvested material is also found by where it comes from: the organisation it is published under.
            keys.append(
                FacetKey(
                    "source",
                    f"{Source.HARVESTED}:{version.publisher_slug}"[:120],
                    f"{version.publisher_name} (geoogst)",
                    f"{version.publisher_name} (harvested)",
                )
            )
        if version.region_code:
            keys.append(FacetKey("region", version.region_code, version.region_name or ""))
        keys += [FacetKey("level", level) for level in version.levels]
        keys += [FacetKey("type", kind) for kind in version.resource_types]
        seen_themes = set()
        for theme in themes:
            for node in (theme, theme.parent):
                if node is not None and node.code not in seen_themes:
                    seen_themes.add(node.code)
                    keys.append(FacetKey("theme", node.code, node.name_nl, node.name_en))
        keys += [
            FacetKey("qualification", str(q.pk), f"{q.name} (niveau {q.level})", f"{q.name} (level {q.level})")
            for q in qualifications.get(version.pk, [])
        ]
        batch.facet_keys.append(keys)
    return batch


def _write(resource_ids: list[int], batch: _Batch, analysis: DocumentsAnalysis) -> int:
    facet_ids = _facet_ids({key for keys in batch.facet_keys for key in keys})
    documents = [
        (*row, *texts, pack({facet_ids[(key.group, key.value)] for key in keys}))
        for row, texts, keys in zip(batch.rows, analysis.documents, batch.facet_keys, strict=True)
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        _delete_documents(resource_ids)
        insert_rows(SearchDocument, DOCUMENT_COLUMNS, documents)
        backend().documents_added(cursor, [row[0] for row in documents], analysis.forms)
        _add_words(cursor, sorted({word[:60] for word in analysis.vocabulary}))
        _changed()
    return len(documents)


DOCUMENT_COLUMNS = (
    "resource_id",
    "version_number",
    "title",
    "description",
    "publisher_id",
    "publisher_name",
    "publisher_slug",
    "region_id",
    "licence",
    "language",
    "levels",
    "resource_types",
    "theme_codes",
    "authors",
    "source",
    "published_at",
    "rating_average",
    "rating_count",
    "is_fictitious",
    "title_terms",
    "body_terms",
    "variant_terms",
    "facet_ids",
)


def _add_words(cursor: CursorWrapper, words: list[str]) -> None:
    """Add the words the word list does not have yet, in one statement."""
    if not words:
        return
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    params: list[Any]
    if connection.vendor == "postgresql":
        rows_sql, params = "SELECT unnest(%s::text[]), 1", [words]
    else:
        rows_sql, params = "SELECT value, 1 FROM json_each(%s)", [json.dumps(words)]
    # "WHERE true" lets SQLite tell the upsert clause from a join.
    cursor.execute(
        f"INSERT INTO {table} (word, documents) {rows_sql} WHERE true ON CONFLICT (word) DO NOTHING",  # noqa: S608
        params,
    )


@functools.lru_cache(maxsize=4096)
def _json(values: tuple[str, ...]) -> str:
    """JSON text for a list column (both databases take it as is); the same few lists come back all the time."""
    return json.dumps(list(values))


def _delete_documents(resource_ids: list[int]) -> None:
    """Delete documents in one statement, without loading them (the full-text index follows by itself)."""
    if resource_ids:
        SearchDocument.objects.filter(resource_id__any=resource_ids).delete()


def _facet_ids(keys: set[FacetKey]) -> dict[tuple[str, str], int]:
    """Ids of the facet values, creating the missing ones (labels of existing ones are refreshed when they differ)."""
    wanted = {(key.group, key.value): key for key in keys}
    existing = {(facet.group, facet.value): facet for facet in Facet.objects.filter(_any_of(wanted))}
    missing = [
        Facet(group=key.group, value=key.value, label=key.label, label_en=key.label_en)
        for pair, key in wanted.items()
        if pair not in existing
    ]
    changed = [
        facet
        for pair, facet in existing.items()
        if (facet.label, facet.label_en) != (wanted[pair].label, wanted[pair].label_en)
    ]
    for facet in changed:
        key = wanted[(facet.group, facet.value)]
        facet.label, facet.label_en = key.label, key.label_en
    if missing or changed:
        Facet.objects.bulk_create(missing, ignore_conflicts=True)
        Facet.objects.bulk_update(changed, ["label", "label_en"])
        existing = {(f.group, f.value): f for f in Facet.objects.filter(_any_of(wanted))}
    return {pair: facet.pk for pair, facet in existing.items()}


def _any_of(wanted: dict[tuple[str, str], FacetKey]) -> Q:
    by_group: dict[str, list[str]] = {}
    for group, value in wanted:
        by_group.setdefault(group, []).append(value)
    condition = Q(pk__in=[])
    for group, values in by_group.items():
        condition |= Q(group=group, value__in=values)
    return condition
