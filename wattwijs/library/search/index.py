"""Keeps the search read model (SearchDocument, its facet links and the word list) in step with published materials.

Indexing works in batches: a few queries load a batch of current versions with everything a document
needs, the text is analysed in Python, and the rows are written with bulk inserts. The database's own
full-text index follows the SearchDocument rows (FTS5 triggers on SQLite, a generated column on
PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Avg, Count, F, Prefetch, Q

from wattwijs.core import caching
from wattwijs.core.models import Theme
from wattwijs.framework import selectors as framework_selectors
from wattwijs.library.models import (
    Author,
    DocumentFacet,
    Facet,
    Resource,
    ResourceVersion,
    Review,
    SearchDocument,
    SearchWord,
)
from wattwijs.library.search.analysis import analyze, vocabulary_words

FACETS_CACHE = "library-facets"
RESULTS_CACHE = "library-search"
BATCH_SIZE = 1000


@dataclass(frozen=True)
class FacetKey:
    group: str
    value: str
    label: str = ""
    label_en: str = ""


def index_resources(resource_ids: Iterable[int]) -> int:
    """(Re)index the given materials: published ones get a document, others lose theirs. Returns documents written."""
    written = 0
    ids = iter(sorted(set(resource_ids)))
    while batch := list(islice(ids, BATCH_SIZE)):
        written += _index_batch(batch)
    caching.invalidate(RESULTS_CACHE)
    return written


def rebuild() -> int:
    """Index every published material again, and rebuild the word list."""
    with transaction.atomic():
        DocumentFacet.objects.all().delete()
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
    ids = Resource.objects.filter(current__isnull=False).values_list("pk", flat=True).order_by("pk")
    return index_resources(ids)


def remove(resource_ids: Iterable[int]) -> None:
    ids = list(resource_ids)
    SearchDocument.objects.filter(resource_id__in=ids).delete()
    caching.invalidate(RESULTS_CACHE)


def _versions(resource_ids: list[int]) -> list[ResourceVersion]:
    themes = Theme.objects.select_related("parent").only("code", "name_nl", "name_en", "parent")
    return list(
        ResourceVersion.objects.filter(resource_id__in=resource_ids, status=ResourceVersion.Status.PUBLISHED)
        .filter(resource__current_id=F("pk"))
        .select_related("resource__publisher")
        .prefetch_related(
            Prefetch("themes", queryset=themes),
            Prefetch("authors", queryset=Author.objects.order_by("position")),
        )
    )


def _ratings(resource_ids: list[int]) -> dict[int, tuple[float, int]]:
    rows = (
        Review.objects.filter(version__resource_id__in=resource_ids, status=Review.Status.APPROVED)
        .values_list("version__resource_id")
        .annotate(average=Avg("rating"), count=Count("pk"))
        .order_by()
    )
    return {resource_id: (average, count) for resource_id, average, count in rows}


def _index_batch(resource_ids: list[int]) -> int:
    versions = _versions(resource_ids)
    ratings = _ratings(resource_ids)
    qualifications = framework_selectors.aligned_qualifications(
        content_type=ContentType.objects.get_for_model(ResourceVersion), object_ids=[v.pk for v in versions]
    )
    documents: list[SearchDocument] = []
    facet_keys: dict[int, list[FacetKey]] = {}
    words: set[str] = set()
    for version in versions:
        resource = version.resource
        publisher = resource.publisher
        themes = list(version.themes.all())
        authors = [str(author) for author in version.authors.all()]
        title = analyze(version.title)
        body = analyze(" ".join([version.description, " ".join(version.keywords), " ".join(authors)]))
        average, count = ratings.get(resource.pk, (None, 0))
        documents.append(
            SearchDocument(
                resource_id=resource.pk,
                version_number=version.number,
                title=version.title,
                description=version.description,
                publisher_id=publisher.pk,
                publisher_name=publisher.name,
                publisher_slug=publisher.slug,
                region_id=publisher.region_id,
                licence=version.licence,
                language=version.language,
                levels=version.educational_levels,
                resource_types=version.learning_resource_types,
                theme_codes=[theme.code for theme in themes],
                authors=", ".join(author.name for author in version.authors.all())[:500],
                source=resource.source,
                published_at=version.published_at or resource.created_at,
                rating_average=average,
                rating_count=count,
                is_fictitious=resource.is_fictitious,
                title_terms=" ".join(title.terms),
                body_terms=" ".join(body.terms),
                variant_terms=" ".join([*title.variants, *body.variants]),
            )
        )
        keys = [
            FacetKey("licence", version.licence),
            FacetKey("language", version.language),
            FacetKey("source", resource.source),
            FacetKey("publisher", publisher.slug, publisher.name),
        ]
        if publisher.region_id:
            keys.append(FacetKey("region", publisher.region.code, publisher.region.name))
        keys += [FacetKey("level", level) for level in version.educational_levels]
        keys += [FacetKey("type", kind) for kind in version.learning_resource_types]
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
        facet_keys[resource.pk] = keys
        words |= vocabulary_words(f"{version.title} {version.description} {' '.join(version.keywords)}")

    facet_ids = _facet_ids({key for keys in facet_keys.values() for key in keys})
    with transaction.atomic():
        SearchDocument.objects.filter(resource_id__in=resource_ids).delete()
        SearchDocument.objects.bulk_create(documents, batch_size=500)
        DocumentFacet.objects.bulk_create(
            (
                DocumentFacet(document_id=resource_id, facet_id=facet_ids[(key.group, key.value)])
                for resource_id, keys in facet_keys.items()
                for key in keys
            ),
            batch_size=2000,
        )
        SearchWord.objects.bulk_create(
            (SearchWord(word=word[:60], documents=1) for word in words), batch_size=2000, ignore_conflicts=True
        )
    return len(documents)


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
        caching.invalidate(FACETS_CACHE)
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
