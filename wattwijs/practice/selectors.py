"""Reads of practices, innovation projects and the toolkit. Lists and facets are counted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.http import Http404

from wattwijs.core.links import detail_url
from wattwijs.core.models import Organisation, Region, Theme, localized
from wattwijs.core.permissions import AnyUser
from wattwijs.library import selectors as library_selectors
from wattwijs.practice import permissions
from wattwijs.practice.models import (
    CHAIN_STEP_ORDER,
    ChainStep,
    InnovationProject,
    Practice,
    PracticeFollow,
    PracticePartner,
    PracticeResult,
    PracticeTargetGroup,
    PublicationStatus,
    SuccessFactor,
)
from wattwijs.training import selectors as training_selectors

PracticeTheme = Practice.themes.through
PracticeFactor = Practice.success_factors.through

PRACTICE_SORTS: dict[str, tuple[Any, ...]] = {
    "title": ("title", "pk"),
    # Drafts (never published) last on every engine: PostgreSQL puts NULL first in a descending order.
    "newest": (F("published_at").desc(nulls_last=True), "-pk"),
    "region": ("region__name", "title", "pk"),
}


@dataclass(frozen=True)
class PracticeFilters:
    q: str = ""
    theme: str = ""
    region: str = ""
    target: str = ""
    factor: str = ""
    sort: str = "title"


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facets:
    groups: dict[str, list[FacetValue]]
    total: int


def _practice_queryset(user: AnyUser, filters: PracticeFilters, *, skip: str = "") -> QuerySet[Practice]:
    queryset = Practice.objects.filter(permissions.listed_filter(user))
    if filters.q:
        queryset = queryset.filter(
            Q(title__icontains=filters.q)
            | Q(summary__icontains=filters.q)
            | Q(approach_training_format__icontains=filters.q)
            | Q(lessons__icontains=filters.q)
        )
    if filters.theme and skip != "theme":
        themes = Theme.objects.filter(Q(code=filters.theme) | Q(parent__code=filters.theme))
        queryset = queryset.filter(pk__in=PracticeTheme.objects.filter(theme__in=themes).values("practice_id"))
    if filters.region and skip != "region":
        queryset = queryset.filter(region__code=filters.region)
    if filters.target and skip != "target":
        queryset = queryset.filter(target_group=filters.target)
    if filters.factor and skip != "factor":
        queryset = queryset.filter(
            pk__in=PracticeFactor.objects.filter(successfactor__code=filters.factor).values("practice_id")
        )
    return queryset


def practice_list(*, user: AnyUser, filters: PracticeFilters) -> QuerySet[Practice]:
    """The list of practices ``user`` may see: filtered, sorted, with what a result card shows loaded."""
    order = PRACTICE_SORTS.get(filters.sort, PRACTICE_SORTS["title"])
    return (
        _practice_queryset(user, filters)
        .select_related("region", "owner")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.only("code", "name_nl", "name_en")),
            Prefetch("results", queryset=PracticeResult.objects.order_by("-measured_on", "indicator")),
        )
        .order_by(*order)
    )


def practice_facets(*, user: AnyUser, filters: PracticeFilters) -> Facets:
    """Counts per filter value, each group counted with the other filters applied; one query per group."""

    def counts(skip: str, *paths: str) -> list[tuple[Any, ...]]:
        rows = (
            _practice_queryset(user, filters, skip=skip)
            .order_by()
            .values_list(*paths)
            .annotate(n=Count("pk", distinct=True))
        )
        return [row for row in rows if row[0] is not None]

    targets = dict(PracticeTargetGroup.choices)
    groups = {
        "theme": sorted(
            (FacetValue(code, localized(nl, en), n) for code, nl, en, n in counts("theme", *THEME_PATHS)),
            key=lambda f: f.label,
        ),
        "region": sorted(
            (FacetValue(code, name, n) for code, name, n in counts("region", "region__code", "region__name")),
            key=lambda f: f.label,
        ),
        "target": [FacetValue(v, str(targets[v]), n) for v, n in counts("target", "target_group")],
        "factor": sorted(
            (
                FacetValue(code, name, n)
                for code, name, n in counts("factor", "success_factors__code", "success_factors__name")
            ),
            key=lambda f: f.label,
        ),
    }
    return Facets(groups=groups, total=_total_from_regions(groups["region"], filters.region))


def _total_from_regions(regions: list[FacetValue], chosen: str) -> int:
    """The number of practices found: every practice has exactly one region, so the region counts (made without the
    region filter) add up to it, or give it for the chosen region. This saves the list a counting query."""
    if chosen:
        return next((f.count for f in regions if f.value == chosen), 0)
    return sum(f.count for f in regions)


THEME_PATHS = ("themes__code", "themes__name_nl", "themes__name_en")


def practice_get(*, user: AnyUser, slug: str) -> Practice:
    """A practice with everything its page shows; 404 when it does not exist or ``user`` may not see it.

    ``viewer_follows`` tells whether ``user`` follows it; the linked materials, offers and projects are read by
    ``practice_links``.
    """
    follows = (
        Exists(PracticeFollow.objects.filter(user_id=user.pk, practice_id=OuterRef("pk")))
        if user.is_authenticated
        else Value(False)
    )
    try:
        practice = (
            Practice.objects.select_related("region", "owner")
            .annotate(viewer_follows=follows)
            .prefetch_related(
                Prefetch("themes", queryset=Theme.objects.only("code", "name_nl", "name_en")),
                Prefetch("partners", queryset=PracticePartner.objects.select_related("organisation")),
                Prefetch("results", queryset=PracticeResult.objects.order_by("measured_on", "indicator")),
                Prefetch("success_factors", queryset=SuccessFactor.objects.order_by("position", "name")),
            )
            .get(slug=slug)
        )
    except Practice.DoesNotExist as exc:
        raise Http404 from exc
    if not permissions.can_view(user, practice):
        raise Http404
    return practice


@dataclass(frozen=True)
class Link:
    key: str
    title: str
    url: str


@dataclass(frozen=True)
class PracticeLinks:
    """What a practice uses and where it came from, each sorted by title."""

    resources: list[Link]
    offers: list[Link]
    projects: list[Link]

    def __bool__(self) -> bool:
        return bool(self.resources or self.offers or self.projects)


def practice_links(practice: Practice) -> PracticeLinks:
    """The practice's learning materials, training offers and the published projects it grew from, in one query."""

    def columns(queryset: QuerySet[Any], kind: str, key: Any, title: str) -> QuerySet[Any]:
        rows: QuerySet[Any] = queryset.order_by().values_list(Value(kind, output_field=CharField()), key, F(title))
        return rows

    text_pk = Cast("pk", output_field=CharField())
    resources = library_selectors.resources_for_choice().filter(practices=practice)
    rows = columns(resources, "resource", text_pk, "current__title").union(
        columns(training_selectors.offers_for_choice().filter(practices=practice), "offer", text_pk, "title"),
        columns(
            InnovationProject.objects.filter(grew_into=practice, status=PublicationStatus.PUBLISHED),
            "project",
            F("slug"),
            "title",
        ),
        all=True,
    )
    urls = {
        "resource": lambda key: detail_url("library:resource_detail", "pk", int(key)),
        "offer": lambda key: detail_url("training:offer_detail", "pk", int(key)),
        "project": lambda key: InnovationProject(slug=key).get_absolute_url(),
    }
    links: dict[str, list[Link]] = {kind: [] for kind in urls}
    for kind, key, title in sorted(rows, key=lambda row: (row[2].casefold(), row[1])):
        links[kind].append(Link(key=key, title=title, url=urls[kind](key)))
    return PracticeLinks(resources=links["resource"], offers=links["offer"], projects=links["project"])


def practice_for_edit(*, user: AnyUser, slug: str) -> Practice:
    """The practice when ``user`` may edit it; 404 or 403 otherwise."""
    try:
        practice = Practice.objects.select_related("owner", "region").get(slug=slug)
    except Practice.DoesNotExist as exc:
        raise Http404 from exc
    if not permissions.can_edit(user, practice):
        raise PermissionDenied
    return practice


@dataclass(frozen=True)
class ResultRow:
    """One date of a practice's results table, with a value per indicator (None when not measured)."""

    measured_on: Any
    values: list[int | None]


def results_table(practice: Practice, indicators: list[str]) -> list[ResultRow]:
    """The prefetched results of ``practice`` as rows per date and columns per indicator."""
    rows = []
    for measured_on, results in groupby(practice.results.all(), key=lambda r: r.measured_on):
        by_indicator = {r.indicator: r.value for r in results}
        rows.append(ResultRow(measured_on, [by_indicator.get(i) for i in indicators]))
    return rows


def key_result(practice: Practice) -> PracticeResult | None:
    """The newest "placed" result of a practice with prefetched results (newest first), else its newest result."""
    results = list(practice.results.all())
    placed = [r for r in results if r.indicator == "geplaatst"]
    chosen = placed or results
    return chosen[0] if chosen else None


# Innovation projects -----------------------------------------------------------------------------


def project_list(*, user: AnyUser, q: str = "", theme: str = "") -> QuerySet[InnovationProject]:
    """The innovation projects ``user`` may see, newest first, with what a result card shows loaded."""
    queryset = InnovationProject.objects.filter(permissions.listed_filter(user))
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(learning_question__icontains=q) | Q(findings__icontains=q))
    if theme:
        queryset = queryset.filter(
            pk__in=InnovationProject.themes.through.objects.filter(
                Q(theme__code=theme) | Q(theme__parent__code=theme)
            ).values("innovationproject_id")
        )
    return (
        queryset.select_related("region", "owner", "grew_into")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.only("code", "name_nl", "name_en")))
        .order_by("-period_start", "title", "pk")
    )


def project_themes() -> list[Theme]:
    """The themes that published projects have, for the list's filter."""
    ids = InnovationProject.themes.through.objects.filter(innovationproject__status=PublicationStatus.PUBLISHED).values(
        "theme_id"
    )
    return list(Theme.objects.filter(pk__in=ids).order_by("position"))


def project_get(*, user: AnyUser, slug: str) -> InnovationProject:
    """An innovation project with everything its page shows; 404 when ``user`` may not see it."""
    try:
        project = (
            InnovationProject.objects.select_related("region", "owner", "grew_into")
            .prefetch_related(
                Prefetch("themes", queryset=Theme.objects.only("code", "name_nl", "name_en")),
                Prefetch("schools", queryset=Organisation.objects.only("name", "slug").order_by("name")),
                Prefetch("companies", queryset=Organisation.objects.only("name", "slug").order_by("name")),
            )
            .get(slug=slug)
        )
    except InnovationProject.DoesNotExist as exc:
        raise Http404 from exc
    if not permissions.can_view(user, project):
        raise Http404
    return project


def project_for_edit(*, user: AnyUser, slug: str) -> InnovationProject:
    try:
        project = InnovationProject.objects.select_related("owner", "region").get(slug=slug)
    except InnovationProject.DoesNotExist as exc:
        raise Http404 from exc
    if not permissions.can_edit(user, project):
        raise PermissionDenied
    return project


# Toolkit -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainStepGroup:
    step: str
    label: str
    factors: list[SuccessFactor]


def toolkit(*, shown: int = 5) -> list[ChainStepGroup]:
    """Every success factor grouped by chain step in the chain's order, each with its first ``shown`` published
    practices by title (``published_practices``), the number of all of them (``published_count``) and of those not
    shown (``published_more``, negative when there are fewer than ``shown``)."""
    published = Q(practices__status=PublicationStatus.PUBLISHED)
    # A sliced Prefetch is limited per factor in SQL: ROW_NUMBER() OVER (PARTITION BY the factor ORDER BY
    # title, pk), filtered to the first ``shown`` rows.
    factors = SuccessFactor.objects.annotate(
        published_count=Count("practices", filter=published),
        published_more=F("published_count") - shown,
    ).prefetch_related(
        Prefetch(
            "practices",
            queryset=Practice.objects.filter(status=PublicationStatus.PUBLISHED)
            .select_related("region")
            .order_by("title", "pk")[:shown],
            to_attr="published_practices",
        )
    )
    ordered = sorted(factors, key=lambda f: (CHAIN_STEP_ORDER.get(f.chain_step, 99), f.position, f.name))
    labels = dict(ChainStep.choices)
    return [
        ChainStepGroup(step=step, label=str(labels[step]), factors=list(group))
        for step, group in groupby(ordered, key=lambda f: f.chain_step)
    ]


def success_factors_for_choice() -> QuerySet[SuccessFactor]:
    return SuccessFactor.objects.order_by("position", "name")


def practices_for_choice() -> QuerySet[Practice]:
    return Practice.objects.filter(status=PublicationStatus.PUBLISHED).order_by("title")


def regions_for_choice() -> QuerySet[Region]:
    return Region.objects.order_by("name")
