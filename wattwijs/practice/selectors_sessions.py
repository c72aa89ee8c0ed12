"""Reads of themasessies and the klimaat- en energieagenda."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import groupby

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from wattwijs.core.models import Organisation, Region
from wattwijs.core.permissions import AnyUser
from wattwijs.practice import permissions
from wattwijs.practice.models import (
    Ambition,
    AmbitionAction,
    AmbitionLevel,
    Practice,
    ProgressUpdate,
    Sector,
    SessionAction,
    SessionStatus,
    SuccessFactor,
    ThemeSession,
)

_QUARTER = re.compile(r"^(\d{4})-([1-4])$")


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str, *, default: date) -> Quarter:
        """``2026-4`` as the fourth quarter of 2026; anything else (or a year out of range) is the default's."""
        match = _QUARTER.match(text.strip())
        if match and 2000 <= int(match.group(1)) <= 2100:
            return cls(int(match.group(1)), int(match.group(2)))
        return cls.containing(default)

    @property
    def key(self) -> str:
        return f"{self.year}-{self.number}"

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def months(self) -> list[date]:
        return [date(self.year, 3 * self.number - 2 + n, 1) for n in range(3)]

    @property
    def next_first_day(self) -> date:
        return self.next.first_day

    @property
    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    @property
    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)


@dataclass(frozen=True)
class MonthGroup:
    month: date
    sessions: list[ThemeSession]


def sessions_in_quarter(quarter: Quarter) -> list[MonthGroup]:
    """The quarter's three months, each with its sessions in date order (possibly none); one query."""
    sessions = (
        ThemeSession.objects.filter(date__gte=quarter.first_day, date__lt=quarter.next_first_day)
        .select_related("organiser")
        .order_by("date", "start_time", "pk")
    )
    by_month = {month: list(group) for month, group in groupby(sessions, key=lambda s: s.date.replace(day=1))}
    return [MonthGroup(month, by_month.get(month, [])) for month in quarter.months]


def session_get(*, pk: int) -> ThemeSession:
    """A themasessie with everything its page shows; sessions are public."""
    try:
        return (
            ThemeSession.objects.select_related("organiser")
            .prefetch_related(
                Prefetch("participants", queryset=Organisation.objects.only("name", "slug").order_by("name")),
                Prefetch(
                    "practices",
                    queryset=Practice.objects.filter(status__in=permissions.PUBLIC_STATUSES)
                    .only("title", "slug", "status")
                    .order_by("title"),
                ),
                Prefetch("success_factors", queryset=SuccessFactor.objects.order_by("position", "name")),
                Prefetch("actions", queryset=SessionAction.objects.select_related("owner").order_by("position")),
            )
            .get(pk=pk)
        )
    except ThemeSession.DoesNotExist as exc:
        raise Http404 from exc


def session_for_edit(*, user: AnyUser, pk: int) -> ThemeSession:
    """The session when ``user`` may edit it; 404 or 403 otherwise."""
    try:
        session = ThemeSession.objects.select_related("organiser").get(pk=pk)
    except ThemeSession.DoesNotExist as exc:
        raise Http404 from exc
    if not permissions.can_edit_session(user, session):
        raise PermissionDenied
    return session


def next_session() -> ThemeSession | None:
    """The first planned themasessie from today on, for the home page."""
    return (
        ThemeSession.objects.filter(date__gte=timezone.localdate(), status=SessionStatus.PLANNED)
        .select_related("organiser")
        .order_by("date", "start_time", "pk")
        .first()
    )


def sessions_since(since: date | None = None) -> QuerySet[ThemeSession]:
    """The sessions on or after ``since`` (default today), cancelled ones included, in date order."""
    day = since or timezone.localdate()
    return ThemeSession.objects.filter(date__gte=day).select_related("organiser").order_by("date", "start_time", "pk")


def sessions_for_feed() -> QuerySet[ThemeSession]:
    """The sessions of the calendar feed: from a year ago on, cancelled ones included so calendars drop them."""
    since = timezone.localdate() - timedelta(days=365)
    return ThemeSession.objects.filter(date__gte=since).select_related("organiser").order_by("date", "start_time")


# Klimaat- en energieagenda -----------------------------------------------------------------------


@dataclass(frozen=True)
class AmbitionFilters:
    level: str = ""
    region: str = ""
    sector: str = ""


def progress_percentage(baseline: Decimal, target: Decimal, latest: Decimal | None) -> int | None:
    """How far ``latest`` has come from ``baseline`` towards ``target``, 0–100; None without a measurement.

    Works for targets below the baseline too (e.g. fewer drop-outs): the distance travelled is measured in the
    direction of the target, and moving away counts as 0.
    """
    if latest is None or target == baseline:
        return None
    share = (latest - baseline) / (target - baseline) * 100
    return int(max(Decimal(0), min(Decimal(100), share)).to_integral_value())


def ambition_list(filters: AmbitionFilters) -> list[Ambition]:
    """The ambitions, filtered, each with its latest value and date and its progress (``progress``); one query."""
    latest = ProgressUpdate.objects.filter(ambition=OuterRef("pk")).order_by("-measured_on", "-pk")
    queryset = Ambition.objects.select_related("school", "region", "owner").annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_on=Subquery(latest.values("measured_on")[:1]),
    )
    if filters.level in AmbitionLevel.values:
        queryset = queryset.filter(level=filters.level)
    if filters.region:
        queryset = queryset.filter(region__code=filters.region)
    if filters.sector in Sector.values:
        # An ambition for mbo and vmbo counts for both.
        queryset = queryset.filter(sector__in=[filters.sector, Sector.BOTH])
    ambitions: list[Ambition] = list(queryset.order_by("level", "deadline", "goal", "pk"))
    for ambition in ambitions:
        ambition.progress = progress_percentage(  # type: ignore[attr-defined]
            ambition.baseline,
            ambition.target_value,
            ambition.latest_value,  # type: ignore[attr-defined]
        )
    return ambitions


def ambition_regions() -> QuerySet[Region]:
    """The regions that have ambitions, for the overview's filter."""
    return Region.objects.filter(ambitions__isnull=False).distinct().order_by("name")


def ambition_get(*, pk: int) -> Ambition:
    """An ambition with its actions and progress history (oldest first), and its progress; ambitions are public."""
    try:
        ambition = (
            Ambition.objects.select_related("school", "region", "owner")
            .prefetch_related(
                Prefetch("actions", queryset=AmbitionAction.objects.select_related("owner").order_by("created_at")),
                Prefetch("progress_updates", queryset=ProgressUpdate.objects.order_by("measured_on", "pk")),
            )
            .get(pk=pk)
        )
    except Ambition.DoesNotExist as exc:
        raise Http404 from exc
    updates = list(ambition.progress_updates.all())
    ambition.latest_value = updates[-1].value if updates else None  # type: ignore[attr-defined]
    ambition.latest_on = updates[-1].measured_on if updates else None  # type: ignore[attr-defined]
    ambition.progress = progress_percentage(  # type: ignore[attr-defined]
        ambition.baseline,
        ambition.target_value,
        ambition.latest_value,  # type: ignore[attr-defined]
    )
    return ambition


def ambition_for_edit(*, user: AnyUser, pk: int) -> Ambition:
    """The ambition when ``user`` may change it or add to it; 404 or 403 otherwise."""
    try:
        ambition = Ambition.objects.select_related("owner", "school", "region").get(pk=pk)
    except Ambition.DoesNotExist as exc:
        raise Http404 from exc
    if not permissions.can_edit_ambition(user, ambition):
        raise PermissionDenied
    return ambition
