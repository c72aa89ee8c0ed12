"""Reads for the OAI-PMH provider: the materials it exposes as records, their sets and datestamps.

A record is a material shared on WattWijs that has been published at least once. While it is published the
record carries its metadata; once archived it stays as a deleted record. Its datestamp is the time its current
version last changed state (published, or archived), which is when the record last changed for a harvester.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, F, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from wattwijs.core.models import Organisation, Theme
from wattwijs.library.models import Resource, ResourceVersion, Source

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


def _with_details(records: QuerySet[Resource], *, metadata: bool = True) -> QuerySet[Resource]:
    # A header needs the themes and publisher for its sets; metadata also needs authors and files.
    records = records.select_related("current", "publisher").prefetch_related("current__themes")
    return records.prefetch_related("current__authors", "current__files") if metadata else records


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
    return records.order_by("current__modified_at", "pk")


def record_count(*, record_filter: RecordFilter, bound: datetime) -> int:
    """How many records a list request covers in all."""
    return record_list_query(record_filter=record_filter, bound=bound).count()


def record_page(
    *, record_filter: RecordFilter, bound: datetime, after: Position | None, size: int, metadata: bool = True
) -> tuple[list[Resource], bool]:
    """Up to ``size`` records following ``after`` (with what their metadata needs), and whether more follow."""
    records = record_list_query(record_filter=record_filter, bound=bound)
    if after is not None:
        records = records.filter(
            Q(current__modified_at__gt=after.datestamp) | Q(current__modified_at=after.datestamp, pk__gt=after.pk)
        )
    page = list(_with_details(records, metadata=metadata)[: size + 1])
    return page[:size], len(page) > size


def record_get(*, pk: int) -> Resource | None:
    """One record with its metadata, or None when no record has this id."""
    return _with_details(_records()).filter(pk=pk).first()


def is_deleted(record: Resource) -> bool:
    return record.current is None or record.current.status == Status.ARCHIVED


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


def record_sets(record: Resource) -> list[str]:
    """The setSpecs of a record (from prefetched themes, so no queries)."""
    themes = record.current.themes.all() if record.current is not None else []
    return [f"{THEME_SET}:{theme.code}" for theme in themes] + [f"{PUBLISHER_SET}:{record.publisher.slug}"]
