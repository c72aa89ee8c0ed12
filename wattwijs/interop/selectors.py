"""Reads for the OAI-PMH provider (the materials it exposes as records, their sets and datestamps) and for the
harvest-source pages.

A record is a material shared on WattWijs that has been published at least once. While it is published the
record carries its metadata; once archived it stays as a deleted record. Its datestamp is the time its current
version last changed state (published, or archived), which is when the record last changed for a harvester.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, Min, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from wattwijs.core.links import detail_url
from wattwijs.core.models import Organisation, Theme
from wattwijs.core.permissions import AnyUser
from wattwijs.interop import permissions as harvest_permissions
from wattwijs.interop.models import HarvestRun, HarvestSource
from wattwijs.library.models import Author, Resource, ResourceFile, ResourceVersion, Source

Status = ResourceVersion.Status

THEME_SET = "theme"
PUBLISHER_SET = "publisher"


@dataclass(frozen=True)
class OaiSet:
    spec: str
    name: str


@dataclass(frozen=True)
class RecordFilter:
    """Which records a list request covers: the set, ``from`` (inclusive) and ``until`` (exclusive)."""

    set_spec: str | None = None
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True)
class Position:
    """The last record a harvester has seen, in the (datestamp, id) order of every list."""

    datestamp: datetime
    pk: int


def _records() -> QuerySet[Resource]:
    # A published version never changes again, and publishing or archiving it sets modified_at: so the
    # current version's modified_at is when the record last changed. Filters name the field itself.
    return Resource.objects.filter(
        source=Source.WATTWIJS, current__status__in=[Status.PUBLISHED, Status.ARCHIVED]
    ).annotate(datestamp=F("current__modified_at"))


def _in_set(records: QuerySet[Resource], set_spec: str) -> QuerySet[Resource]:
    group, _, value = set_spec.partition(":")
    if group == PUBLISHER_SET:
        return records.filter(publisher__slug=value) if value else records
    if group == THEME_SET:
        tagged = ResourceVersion.themes.through.objects.filter(resourceversion_id=OuterRef("current_id"))
        if value:
            tagged = tagged.filter(theme__code=value)
        return records.filter(Exists(tagged))
    return records.none()


def record_list_query(*, record_filter: RecordFilter, bound: datetime) -> QuerySet[Resource]:
    """All records of a list request that changed at or before ``bound``, in (datestamp, id) order.

    ``bound`` is fixed when a harvest starts, so records that change during the harvest do not shift its pages.
    """
    records = _records().filter(current__modified_at__lte=bound)
    if record_filter.start is not None:
        records = records.filter(current__modified_at__gte=record_filter.start)
    if record_filter.end is not None:
        records = records.filter(current__modified_at__lt=record_filter.end)
    if record_filter.set_spec is not None:
        records = _in_set(records, record_filter.set_spec)
    # A current version belongs to its material, so ordering by its resource is ordering by the record's id,
    # and lets the database walk the version index on (modified_at, resource) instead of sorting.
    return records.order_by("current__modified_at", "current__resource_id")


def record_count(*, record_filter: RecordFilter, bound: datetime) -> int:
    """How many records a list request covers in all."""
    return record_list_query(record_filter=record_filter, bound=bound).count()


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the metadata formats say about a published record, read as plain values."""

    title: str
    description: str
    keywords: list[str]
    language: str
    location: str
    levels: list[str]
    learning_resource_types: list[str]
    intended_end_user_roles: list[str]
    aggregation_level: int
    typical_learning_time: int | None
    cost: bool
    licence: str
    number: int
    published: datetime
    publisher: str
    landing_path: str
    themes: list[str]  # names
    authors: list[tuple[str, str]]  # name and organisation
    mime_types: list[str]


@dataclass(frozen=True, slots=True)
class Record:
    """A record's header, and its metadata unless it is deleted or only the header was asked for."""

    pk: int
    datestamp: datetime
    deleted: bool
    sets: list[str]
    metadata: Metadata | None = None


_HEADER_COLUMNS = ("pk", "current__modified_at", "current__status", "current_id", "publisher__slug")
_METADATA_COLUMNS = (
    "current__title",
    "current__description",
    "current__keywords",
    "current__language",
    "current__location",
    "current__educational_levels",
    "current__learning_resource_types",
    "current__intended_end_user_roles",
    "current__aggregation_level",
    "current__typical_learning_time",
    "current__cost",
    "current__licence",
    "current__number",
    "current__published_at",
    "publisher__name",
)


def _grouped(rows: Iterable[tuple[Any, ...]]) -> dict[int, list[Any]]:
    """Rows of (version id, value...) as lists of values by version id, in the rows' order."""
    grouped: dict[int, list[Any]] = {}
    for version_id, *values in rows:
        grouped.setdefault(version_id, []).append(values[0] if len(values) == 1 else tuple(values))
    return grouped


def _records_of(rows: list[tuple[Any, ...]], *, metadata: bool) -> list[Record]:
    """Records from page rows, with three more queries (themes, authors, files) whatever the page's length."""
    version_ids = [row[3] for row in rows]
    theme_rows = ResourceVersion.themes.through.objects.filter(resourceversion_id__in=version_ids).order_by(
        "theme__position", "theme__code"
    )
    if not metadata:
        codes = _grouped(theme_rows.values_list("resourceversion_id", "theme__code"))
        return [
            Record(pk, datestamp, status == Status.ARCHIVED, _sets(codes.get(version_id, ()), publisher_slug))
            for pk, datestamp, status, version_id, publisher_slug in rows
        ]
    themes = _grouped(theme_rows.values_list("resourceversion_id", "theme__code", "theme__name_nl"))
    authors = _grouped(
        Author.objects.filter(version_id__in=version_ids)
        .order_by("version_id", "position")
        .values_list("version_id", "name", "organisation")
    )
    mime_types = _grouped(
        ResourceFile.objects.filter(version_id__in=version_ids)
        .order_by("version_id", "position", "pk")
        .values_list("version_id", "mime_type")
    )
    records = []
    for pk, datestamp, status, version_id, publisher_slug, *fields in rows:
        version_themes = themes.get(version_id, [])
        sets = _sets([code for code, _ in version_themes], publisher_slug)
        if status == Status.ARCHIVED:
            records.append(Record(pk, datestamp, True, sets))
            continue
        (title, description, keywords, language, location, levels, kinds, roles) = fields[:8]
        (aggregation_level, learning_time, cost, licence, number, published_at, publisher) = fields[8:]
        details = Metadata(
            title=title,
            description=description,
            keywords=keywords,
            language=language,
            location=location,
            levels=levels,
            learning_resource_types=kinds,
            intended_end_user_roles=roles,
            aggregation_level=aggregation_level,
            typical_learning_time=learning_time,
            cost=cost,
            licence=licence,
            number=number,
            published=published_at or datestamp,
            publisher=publisher,
            landing_path=detail_url("library:resource_detail", "pk", pk),
            themes=[name for _, name in version_themes],
            authors=authors.get(version_id, []),
            mime_types=mime_types.get(version_id, []),
        )
        records.append(Record(pk, datestamp, False, sets, details))
    return records


def _sets(theme_codes: Iterable[str], publisher_slug: str) -> list[str]:
    return [f"{THEME_SET}:{code}" for code in theme_codes] + [f"{PUBLISHER_SET}:{publisher_slug}"]


def _columns(*, metadata: bool) -> tuple[str, ...]:
    return _HEADER_COLUMNS + _METADATA_COLUMNS if metadata else _HEADER_COLUMNS


def record_page(
    *, record_filter: RecordFilter, bound: datetime, after: Position | None, size: int, metadata: bool = True
) -> tuple[list[Record], bool]:
    """Up to ``size`` records following ``after`` (with their metadata if asked), and whether more follow."""
    records = record_list_query(record_filter=record_filter, bound=bound)
    if after is not None:
        # The first condition alone bounds a range of the (modified_at, resource) index; the second skips
        # what was already sent at that same second.
        records = records.filter(current__modified_at__gte=after.datestamp).filter(
            Q(current__modified_at__gt=after.datestamp) | Q(current__resource_id__gt=after.pk)
        )
    rows = list(records.values_list(*_columns(metadata=metadata))[: size + 1])
    return _records_of(rows[:size], metadata=metadata), len(rows) > size


def record_get(*, pk: int) -> Record | None:
    """One record with its metadata, or None when no record has this id."""
    rows = list(_records().filter(pk=pk).values_list(*_columns(metadata=True)))
    return _records_of(rows, metadata=True)[0] if rows else None


def earliest_datestamp() -> datetime:
    """The oldest datestamp of any record; now when there are none yet."""
    earliest = _records().aggregate(earliest=Min("datestamp"))["earliest"]
    return earliest or timezone.now()


def set_list() -> list[OaiSet]:
    """The sets: every theme, and every organisation that has published a material, under two top sets."""
    themes = Theme.objects.order_by("position", "code").only("code", "name_nl")
    publishers = (
        Organisation.objects.filter(Exists(_records().filter(publisher_id=OuterRef("pk"))))
        .order_by("name", "pk")
        .only("slug", "name")
    )
    return [
        OaiSet(THEME_SET, "Thema's"),
        *(OaiSet(f"{THEME_SET}:{theme.code}", theme.name_nl) for theme in themes),
        OaiSet(PUBLISHER_SET, "Uitgevers"),
        *(OaiSet(f"{PUBLISHER_SET}:{organisation.slug}", organisation.name) for organisation in publishers),
    ]


# Harvesting ------------------------------------------------------------------------


def harvest_sources(*, user: AnyUser) -> QuerySet[HarvestSource]:
    """The harvest sources ``user`` manages, each with its latest run."""
    latest = HarvestRun.objects.filter(source=OuterRef("pk")).order_by("-started_at", "-pk")
    return (
        harvest_permissions.visible_sources(user)
        .select_related("organisation")
        .annotate(
            last_status=Subquery(latest.values("status")[:1]),
            last_started_at=Subquery(latest.values("started_at")[:1]),
        )
        .order_by("name", "pk")
    )


def harvest_source_get(*, user: AnyUser, pk: int) -> HarvestSource:
    """A harvest source ``user`` manages; 404 when there is none, 403 when it is someone else's."""
    source = HarvestSource.objects.select_related("organisation").filter(pk=pk).first()
    if source is None:
        raise Http404
    if not harvest_permissions.can_manage_source(user, source):
        raise PermissionDenied
    return source


def harvest_runs(*, source: HarvestSource, limit: int = 20) -> list[HarvestRun]:
    """The latest runs of a source, with their stored errors."""
    return list(source.runs.prefetch_related("errors").order_by("-started_at", "-pk")[:limit])
