"""Reads of self-assessments and navolging. Counts and averages are computed in SQL; other regions' scores
only ever leave the database as an average over at least ``MIN_REGIONS_FOR_AVERAGE`` regions."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from typing import Any

from django.db.models import Avg, Count, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.http import Http404
from django.utils import timezone

from wattwijs.core.models import Region
from wattwijs.core.permissions import AnyUser
from wattwijs.practice import permissions
from wattwijs.practice.models import (
    CHAIN_STEP_ORDER,
    Adoption,
    AdoptionStatus,
    AssessmentScore,
    ChainStep,
    Practice,
    PracticeFollow,
    PublicationStatus,
    SelfAssessment,
    SuccessFactor,
)

# Fewer other regions than this and their average could give away a single region's scores.
MIN_REGIONS_FOR_AVERAGE = 3
WEAKEST_COUNT = 3
LEARN_FROM_MIN_SCORE = 2
PracticeFactor = Practice.success_factors.through


def region_get(code: str) -> Region:
    try:
        return Region.objects.get(code=code)
    except Region.DoesNotExist as exc:
        raise Http404 from exc


def assessment_regions() -> QuerySet[Region]:
    """The regions that assessed themselves, with the date of their latest self-assessment and how many."""
    return (
        Region.objects.annotate(
            latest_assessment=Max("practice_self_assessments__assessed_on"),
            assessment_count=Count("practice_self_assessments"),
        )
        .filter(assessment_count__gt=0)
        .order_by("name")
    )


def _latest_assessment_ids() -> QuerySet[SelfAssessment, Any]:
    """The newest self-assessment of every region, as a subquery-ready queryset of primary keys."""
    newest = SelfAssessment.objects.filter(region_id=OuterRef("region_id")).order_by("-assessed_on", "-pk")
    return SelfAssessment.objects.filter(pk=Subquery(newest.values("pk")[:1])).values("pk")


@dataclass
class FactorRow:
    factor: SuccessFactor
    score: int | None = None
    notes: str = ""
    previous: int | None = None
    average: float | None = None

    @property
    def change(self) -> int | None:
        if self.score is None or self.previous is None:
            return None
        return self.score - self.previous


@dataclass(frozen=True)
class StepGroup:
    step: str
    label: str
    rows: list[FactorRow]


@dataclass(frozen=True)
class LearnFrom:
    row: FactorRow
    # Published practices of regions that score this factor well, by title; their scores are never shown
    practices: list[Practice]


@dataclass
class RegionProfile:
    region: Region
    latest: SelfAssessment | None
    previous: SelfAssessment | None
    groups: list[StepGroup] = field(default_factory=list)
    other_regions: int = 0
    shows_average: bool = False
    learn_from: list[LearnFrom] = field(default_factory=list)


def region_profile(region: Region) -> RegionProfile:
    """A region's latest self-assessment per factor grouped by chain step, its change since the one before, the
    average of the other regions' latest assessments (only when at least three other regions assessed), and for
    its weakest factors the published practices, linked to that factor, of other regions scoring it 2 or more."""
    assessments = list(
        SelfAssessment.objects.filter(region=region).select_related("assessed_by").order_by("-assessed_on", "-pk")[:2]
    )
    latest = assessments[0] if assessments else None
    previous = assessments[1] if len(assessments) > 1 else None
    profile = RegionProfile(region=region, latest=latest, previous=previous)
    if latest is None:
        return profile
    factors = sorted(
        SuccessFactor.objects.all(), key=lambda f: (CHAIN_STEP_ORDER.get(f.chain_step, 99), f.position, f.name)
    )
    rows = {factor.pk: FactorRow(factor=factor) for factor in factors}
    for score in AssessmentScore.objects.filter(assessment_id__in=[a.pk for a in assessments]).only(
        "assessment_id", "factor_id", "score", "notes"
    ):
        row = rows.get(score.factor_id)
        if row is None:
            continue
        if score.assessment_id == latest.pk:
            row.score, row.notes = score.score, score.notes
        else:
            row.previous = score.score
    others = AssessmentScore.objects.filter(assessment_id__in=_latest_assessment_ids()).exclude(
        assessment__region_id=region.pk
    )
    averages = list(others.values("factor_id").annotate(average=Avg("score"), regions=Count("assessment_id")))
    # Every self-assessment scores every factor, so the most regions behind one factor is the number that assessed.
    profile.other_regions = max((item["regions"] for item in averages), default=0)
    profile.shows_average = profile.other_regions >= MIN_REGIONS_FOR_AVERAGE
    if profile.shows_average:
        for item in averages:
            if item["factor_id"] in rows and item["regions"] >= MIN_REGIONS_FOR_AVERAGE:
                rows[item["factor_id"]].average = float(item["average"])
    labels = dict(ChainStep.choices)
    scored = [row for row in rows.values() if row.score is not None]
    profile.groups = [
        StepGroup(step=step, label=str(labels.get(step, step)), rows=list(group))
        for step, group in groupby(scored, key=lambda row: row.factor.chain_step)
    ]
    # Lowest score first; on a tie the earlier step of the chain, where the route starts, comes first.
    weakest = sorted(scored, key=lambda row: row.score if row.score is not None else 0)[:WEAKEST_COUNT]
    profile.learn_from = _learn_from(region, weakest, others)
    return profile


def _learn_from(region: Region, weakest: list[FactorRow], others: QuerySet[AssessmentScore]) -> list[LearnFrom]:
    strong = set(
        others.filter(factor_id__in=[row.factor.pk for row in weakest], score__gte=LEARN_FROM_MIN_SCORE).values_list(
            "factor_id", "assessment__region_id"
        )
    )
    links = (
        PracticeFactor.objects.filter(
            successfactor_id__in=[row.factor.pk for row in weakest],
            practice__status=PublicationStatus.PUBLISHED,
            practice__region_id__in={region_id for _f, region_id in strong},
        )
        .exclude(practice__region_id=region.pk)
        .select_related("practice__region")
        .order_by("practice__title", "practice_id")
    )
    by_factor: dict[int, list[Practice]] = {}
    for link in links:
        if (link.successfactor_id, link.practice.region_id) in strong:
            by_factor.setdefault(link.successfactor_id, []).append(link.practice)
    return [LearnFrom(row=row, practices=by_factor.get(row.factor.pk, [])) for row in weakest]


def assessment_dates(region: Region) -> list[date]:
    """The dates of a region's self-assessments, newest first: all that is shown of them to outsiders."""
    return list(
        SelfAssessment.objects.filter(region=region)
        .order_by("-assessed_on", "-pk")
        .values_list("assessed_on", flat=True)
    )


def assessment_factors() -> list[tuple[str, list[SuccessFactor]]]:
    """The factors of the assessment form, grouped by chain step in the chain's order."""
    factors = sorted(
        SuccessFactor.objects.all(), key=lambda f: (CHAIN_STEP_ORDER.get(f.chain_step, 99), f.position, f.name)
    )
    labels = dict(ChainStep.choices)
    return [(str(labels.get(step, step)), list(group)) for step, group in groupby(factors, key=lambda f: f.chain_step)]


# Navolging ------------------------------------------------------------------------------------------


def practice_adoptions(practice: Practice, *, user: AnyUser) -> list[Adoption]:
    """Who follows a practice ("wie volgt dit al"), furthest first, each with ``editable``: whether ``user`` may
    update it (decided in the same query)."""
    order = {status: position for position, status in enumerate(reversed(AdoptionStatus.values))}
    adoptions = list(
        practice.adoptions.select_related("region", "organisation").annotate(
            editable=permissions.acting_for_region_expression(user)
        )
    )
    return sorted(adoptions, key=lambda a: (a.status == AdoptionStatus.STOPPED, -order[a.status], a.region.name))


def adoption_get(pk: int) -> Adoption:
    try:
        return Adoption.objects.select_related("practice__region", "region", "organisation").get(pk=pk)
    except Adoption.DoesNotExist as exc:
        raise Http404 from exc


def is_following(user: AnyUser, practice: Practice) -> bool:
    if not user.is_authenticated:
        return False
    return PracticeFollow.objects.filter(user_id=user.pk, practice_id=practice.pk).exists()


STATUS_COLUMNS = {
    "interest": AdoptionStatus.INTEREST,
    "preparing": AdoptionStatus.PREPARING,
    "started": AdoptionStatus.STARTED,
    "embedded": AdoptionStatus.EMBEDDED,
    "stopped": AdoptionStatus.STOPPED,
}


def spread_rows() -> QuerySet[Any]:
    """One row per published practice that is followed anywhere: the number of following regions (stopped ones
    left out) and per status, most followed first. Counted in one GROUP BY over the adoptions."""
    return (
        Adoption.objects.filter(practice__status=PublicationStatus.PUBLISHED)
        .values("practice_id")
        .annotate(
            following=Count("pk", filter=~Q(status=AdoptionStatus.STOPPED)),
            **{name: Count("pk", filter=Q(status=status)) for name, status in STATUS_COLUMNS.items()},
        )
        .order_by("-following", "practice_id")
    )


@dataclass(frozen=True)
class SpreadRow:
    practice: Practice
    following: int
    counts: list[int]
    median_days: float | None


def spread_page(rows: list[dict[str, Any]]) -> list[SpreadRow]:
    """The practices of one page of ``spread_rows`` with the median number of days from publication to start.

    The median is taken over the page's started adoptions only, a few hundred dates at most."""
    ids = [row["practice_id"] for row in rows]
    practices = Practice.objects.select_related("region").only("title", "slug", "published_at", "region__name")
    by_id = {p.pk: p for p in practices.filter(pk__in=ids)}
    days: dict[int, list[int]] = {}
    started = Adoption.objects.filter(practice_id__in=ids, started_on__isnull=False).order_by()
    for practice_id, started_on in started.values_list("practice_id", "started_on"):
        published = by_id[practice_id].published_at if practice_id in by_id else None
        if published is not None and started_on is not None:
            days.setdefault(practice_id, []).append(max(0, (started_on - timezone.localdate(published)).days))
    return [
        SpreadRow(
            practice=by_id[row["practice_id"]],
            following=row["following"],
            counts=[row[name] for name in STATUS_COLUMNS],
            median_days=statistics.median(days[row["practice_id"]]) if row["practice_id"] in days else None,
        )
        for row in rows
        if row["practice_id"] in by_id
    ]


def published_practice(slug: str) -> Practice:
    try:
        return Practice.objects.select_related("region").get(slug=slug, status=PublicationStatus.PUBLISHED)
    except Practice.DoesNotExist as exc:
        raise Http404 from exc


def similar_regions(practice: Practice, *, limit: int = 10) -> list[Region]:
    """Regions like the practice's own that do not follow it yet: in the same province, or with organisations
    working on one of its themes. Most organisations on its themes first, then same province, then by name."""
    theme_ids = list(practice.themes.values_list("pk", flat=True))
    similar = Q(province=practice.region.province)
    if theme_ids:
        similar |= Q(organisations__themes__in=theme_ids)
    return list(
        Region.objects.filter(similar)
        .exclude(pk=practice.region_id)
        .exclude(pk__in=Adoption.objects.filter(practice=practice).values("region_id"))
        .annotate(
            shared_organisations=(
                Count("organisations", filter=Q(organisations__themes__in=theme_ids), distinct=True)
                if theme_ids
                else Value(0)
            ),
            same_province=Count("pk", filter=Q(province=practice.region.province)),
        )
        .order_by("-shared_organisations", "-same_province", "name")[:limit]
    )
